package vn.khuyenhoc.cdht.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * The header row of an imported file: which column holds which field, matched against {@link Columns} without
 * regard to accents or case. Unknown, duplicate or missing columns refuse the whole file.
 */
final class ImportHeader {

    enum Kind {
        FIXED, SELF, VERIFIED
    }

    /** One column: a fixed field (header) or a score of an indicator (code). */
    record Column(Kind kind, String header, String code) {
    }

    private ImportHeader() {
    }

    static Map<Integer, Column> read(List<String> cells) {
        Map<Integer, Column> found = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i) == null ? "" : cells.get(i).strip();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            Column column = column(text);
            if (column == null) {
                unknown.add(text);
                continue;
            }
            if (!seen.add(column.kind() + "|" + (column.code() == null ? column.header() : column.code()))) {
                throw new FileProblem("transfer.file.duplicateColumn", text);
            }
            found.put(i, column);
        }
        if (!unknown.isEmpty()) {
            throw new FileProblem("transfer.file.unknownColumns", String.join(", ", unknown));
        }
        List<String> missing = Columns.FIXED.stream().filter(h -> found.values().stream()
                .noneMatch(c -> c.kind() == Kind.FIXED && c.header().equals(h))).toList();
        if (!missing.isEmpty()) {
            throw new FileProblem("transfer.file.missingColumns", String.join(", ", missing));
        }
        return found;
    }

    private static Column column(String text) {
        String folded = SearchText.fold(text);
        for (String fixed : Columns.FIXED) {
            if (SearchText.fold(fixed).equals(folded)) {
                return new Column(Kind.FIXED, fixed, null);
            }
        }
        if (folded.startsWith(SearchText.fold(Columns.SELF_PREFIX))) {
            return new Column(Kind.SELF, text, text.substring(Columns.SELF_PREFIX.length()).strip());
        }
        if (folded.startsWith(SearchText.fold(Columns.VERIFIED_PREFIX))) {
            return new Column(Kind.VERIFIED, text, text.substring(Columns.VERIFIED_PREFIX.length()).strip());
        }
        return null;
    }
}
