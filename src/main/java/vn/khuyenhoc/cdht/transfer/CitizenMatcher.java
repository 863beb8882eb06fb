package vn.khuyenhoc.cdht.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khuyenhoc.cdht.citizen.CitizenBulkWriter;
import vn.khuyenhoc.cdht.transfer.RowOutcome.Action;

/**
 * Matches the rows of a chunk with registered citizens, in one look-up by CCCD hash and one by folded name: by
 * CCCD where one is given (a CCCD not registered yet also matches a look-alike without one), else by folded name +
 * birth year + residence. A row that names the same person as an earlier row of the file, a name shared by several
 * citizens, or a citizen outside the user's subtree is an error; otherwise the row creates, updates or leaves the
 * citizen. Remembers the file's earlier rows across chunks.
 */
final class CitizenMatcher {

    private final CitizenBulkWriter citizens;
    private final UnitPaths paths;
    private final RowMessages messages;
    private final Set<String> seenIdNumbers = new HashSet<>();
    private final Set<String> seenNames = new HashSet<>();
    private final Set<Long> seenCitizens = new HashSet<>();

    CitizenMatcher(CitizenBulkWriter citizens, UnitPaths paths, RowMessages messages) {
        this.citizens = citizens;
        this.paths = paths;
        this.messages = messages;
    }

    void match(List<ImportLine> lines) {
        Set<String> hashes = new HashSet<>();
        Set<Long> unitIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ImportLine line : lines) {
            if (line.idNumber != null) {
                hashes.add(line.idNumber.hash());
            }
            if (line.unit != null && line.searchName != null) {
                unitIds.add(line.unit.id());
                names.add(line.searchName);
            }
        }
        Map<String, CitizenBulkWriter.Existing> byHash = new HashMap<>();
        citizens.findByIdNumberHashes(hashes).forEach(c -> byHash.put(c.idNumberHash(), c));
        Map<String, List<CitizenBulkWriter.Existing>> byName = new HashMap<>();
        citizens.findByNames(unitIds, names).forEach(c -> byName.computeIfAbsent(
                nameKey(c.unitId(), c.searchName(), c.birthYear()), k -> new ArrayList<>()).add(c));
        for (ImportLine line : lines) {
            if (line.ok()) {
                match(line, byHash, byName);
            }
        }
    }

    private void match(ImportLine line, Map<String, CitizenBulkWriter.Existing> byHash,
            Map<String, List<CitizenBulkWriter.Existing>> byName) {
        String nameKey = nameKey(line.unit.id(), line.searchName, line.birthYear);
        if (line.idNumber != null) {
            if (!seenIdNumbers.add(line.idNumber.hash())) {
                messages.error(line, Columns.ID_NUMBER, "transfer.row.duplicateInFile");
                return;
            }
            line.existing = byHash.get(line.idNumber.hash());
            if (line.existing == null) {
                List<CitizenBulkWriter.Existing> alike = byName.getOrDefault(nameKey, List.of()).stream()
                        .filter(c -> c.idNumberHash() == null).toList();
                if (alike.size() == 1) {
                    line.existing = alike.get(0);
                }
            }
            seenNames.add(nameKey);
        } else {
            if (!seenNames.add(nameKey)) {
                messages.error(line, Columns.NAME, "transfer.row.duplicateInFile");
                return;
            }
            List<CitizenBulkWriter.Existing> alike = byName.getOrDefault(nameKey, List.of());
            if (alike.size() > 1) {
                messages.error(line, Columns.NAME, "transfer.row.ambiguous", alike.size());
                return;
            }
            line.existing = alike.isEmpty() ? null : alike.get(0);
        }
        if (line.existing == null) {
            line.citizenAction = Action.CREATE;
            return;
        }
        if (!paths.inScope(line.existing.unitId())) {
            messages.error(line, Columns.ID_NUMBER, "transfer.row.citizenOutOfScope");
            return;
        }
        if (!seenCitizens.add(line.existing.id())) {
            messages.error(line, Columns.NAME, "transfer.row.duplicateInFile");
            return;
        }
        line.citizenId = line.existing.id();
        line.citizenAction = same(line) ? Action.UNCHANGED : Action.UPDATE;
    }

    private static boolean same(ImportLine line) {
        CitizenBulkWriter.Existing c = line.existing;
        return c.fullName().equals(line.fullName) && c.birthYear() == line.birthYear
                && c.gender() == line.gender && c.unitId() == line.unit.id()
                && c.targetGroup().equals(line.targetGroup)
                && (line.idNumber == null || line.idNumber.hash().equals(c.idNumberHash()));
    }

    private static String nameKey(long unitId, String searchName, int birthYear) {
        return unitId + "|" + birthYear + "|" + searchName;
    }
}
