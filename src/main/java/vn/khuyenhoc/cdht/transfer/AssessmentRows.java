package vn.khuyenhoc.cdht.transfer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khuyenhoc.cdht.assessment.AssessmentBulkImport;
import vn.khuyenhoc.cdht.assessment.ImportRowCheck;
import vn.khuyenhoc.cdht.transfer.RowOutcome.Action;

/**
 * Decides the assessment of each matched row of a chunk: the stored assessments are looked up in one query, then
 * the assessment module's row check ({@link ImportRowCheck}: workflow, roles, separation of duties, scores) says what
 * the row does or why not; this class only puts each problem in the column that holds it.
 */
final class AssessmentRows {

    private final AssessmentBulkImport assessments;
    private final ImportRowCheck check;
    private final RowMessages messages;

    AssessmentRows(AssessmentBulkImport assessments, ImportRowCheck check, RowMessages messages) {
        this.assessments = assessments;
        this.check = check;
        this.messages = messages;
    }

    void decide(List<ImportLine> lines) {
        Set<Long> citizenIds = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (ImportLine line : lines) {
            if (line.ok() && line.citizenId != null && line.year != null) {
                citizenIds.add(line.citizenId);
                years.add(line.year);
            }
        }
        Map<String, AssessmentBulkImport.Existing> existing = new HashMap<>();
        assessments.find(citizenIds, years).forEach(a -> existing.put(a.citizenId() + "|" + a.year(), a));
        for (ImportLine line : lines) {
            if (!line.ok() || line.year == null) {
                continue;
            }
            AssessmentBulkImport.Existing stored = line.citizenId == null ? null
                    : existing.get(line.citizenId + "|" + line.year);
            ImportRowCheck.Verdict verdict = check.check(stored, line.unit.id(), line.year, line.targetGroup,
                    line.self, line.verified);
            for (ImportRowCheck.Problem problem : verdict.problems()) {
                messages.error(line, column(line, problem), problem.messageKey(), problem.args());
            }
            line.assessmentAction = switch (verdict.outcome()) {
                case NONE -> Action.NONE;
                case CREATE -> Action.CREATE;
                case UPDATE -> Action.UPDATE;
                case UNCHANGED -> Action.UNCHANGED;
            };
            line.assessmentRow = verdict.row();
        }
    }

    private static String column(ImportLine line, ImportRowCheck.Problem problem) {
        return switch (problem.part()) {
            case YEAR -> Columns.YEAR;
            case TARGET_GROUP -> Columns.GROUP;
            case SELF -> scoreColumn(line, "SELF", Columns.SELF_PREFIX, problem.indicatorCode());
            case VERIFIED -> scoreColumn(line, "VERIFIED", Columns.VERIFIED_PREFIX, problem.indicatorCode());
        };
    }

    /** The indicator's column as the file spells it, as the template would, or the kind of column as a whole. */
    private static String scoreColumn(ImportLine line, String kind, String prefix, String code) {
        if (code == null) {
            return prefix.strip();
        }
        return line.scoreColumns.getOrDefault(kind + code, prefix + code);
    }
}
