package vn.khuyenhoc.cdht.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.khuyenhoc.cdht.assessment.AssessmentBulkImport;
import vn.khuyenhoc.cdht.audit.AuditBatch;
import vn.khuyenhoc.cdht.citizen.CitizenBulkWriter;
import vn.khuyenhoc.cdht.transfer.RowOutcome.Action;

/**
 * Writes a checked chunk in the commit's transaction: new citizens (their ids for the chunk's assessments), changed
 * citizens, then the assessments through the assessment module's bulk writer, with an audit line per citizen naming
 * the file. Remembers which residences changed, for the one roll-up notice at the end.
 */
final class ImportWriter {

    static final String CITIZEN_AUDIT_TYPE = "CITIZEN";

    private final CitizenBulkWriter citizens;
    private final AssessmentBulkImport assessments;
    private final AuditBatch audit;
    private final String username;
    private final String fileName;
    private final Set<Long> residenceUnits = new HashSet<>();
    private Long anyCitizen;

    ImportWriter(CitizenBulkWriter citizens, AssessmentBulkImport assessments, AuditBatch audit, String username,
            String fileName) {
        this.citizens = citizens;
        this.assessments = assessments;
        this.audit = audit;
        this.username = username;
        this.fileName = fileName;
    }

    void write(List<ImportLine> lines) {
        List<ImportLine> toCreate = lines.stream().filter(l -> l.citizenAction == Action.CREATE).toList();
        List<Long> ids = citizens.insert(toCreate.stream().map(l -> new CitizenBulkWriter.NewCitizen(l.fullName,
                l.birthYear, l.gender, l.unit.id(), l.targetGroup, l.idNumber)).toList());
        for (int i = 0; i < toCreate.size(); i++) {
            toCreate.get(i).citizenId = ids.get(i);
        }
        List<ImportLine> toUpdate = lines.stream().filter(l -> l.citizenAction == Action.UPDATE).toList();
        citizens.update(toUpdate.stream().map(l -> new CitizenBulkWriter.Change(l.existing.id(),
                l.existing.version(), l.fullName, l.birthYear, l.gender, l.unit.id(), l.targetGroup,
                l.idNumber)).toList());
        List<AuditBatch.Line> auditLines = new ArrayList<>();
        List<AssessmentBulkImport.Row> rows = new ArrayList<>();
        for (ImportLine l : lines) {
            if (l.citizenAction == Action.CREATE || l.citizenAction == Action.UPDATE) {
                residenceUnits.add(l.unit.id());
                if (l.existing != null) {
                    residenceUnits.add(l.existing.unitId());
                }
                anyCitizen = l.citizenId;
                auditLines.add(new AuditBatch.Line(username,
                        l.citizenAction == Action.CREATE ? "CITIZEN_IMPORTED" : "CITIZEN_UPDATED",
                        CITIZEN_AUDIT_TYPE, l.citizenId, l.unit.id(), "file='" + fileName + "' '" + l.fullName
                                + "' born=" + l.birthYear + " gender=" + l.gender + " unit=" + l.unit.id()
                                + " group=" + l.targetGroup + " cccd=" + (l.idNumber == null ? "unchanged" : "set")));
            }
            if (l.assessmentRow != null) {
                rows.add(l.assessmentRow.of(l.citizenId, l.existing == null ? null : l.existing.workplaceId()));
            }
        }
        audit.record(auditLines);
        assessments.write(username, fileName, rows);
    }

    /** Tells the roll-ups once that citizens of these residences were registered or changed. */
    void announce() {
        if (anyCitizen != null) {
            citizens.announce(anyCitizen, residenceUnits);
        }
    }
}
