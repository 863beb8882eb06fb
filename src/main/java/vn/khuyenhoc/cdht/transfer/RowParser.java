package vn.khuyenhoc.cdht.transfer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.citizen.CitizenBulkWriter;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.FieldProblem;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.SearchText;
import vn.khuyenhoc.cdht.transfer.ImportHeader.Column;
import vn.khuyenhoc.cdht.transfer.ImportHeader.Kind;

/**
 * Reads one row into an {@link ImportLine}: cells into values (numbers, genders, target groups by code or name,
 * hamlet codes inside the user's subtree), refusing formulas. The citizen's fields are checked by the citizen
 * module's own rules ({@link CitizenBulkWriter#check}), every problem with its column; the assessment's by the
 * assessment module later, once the row is matched.
 */
final class RowParser {

    /** The citizen form's fields and the columns that hold them. */
    private static final Map<String, String> FIELD_COLUMNS = Map.of("fullName", Columns.NAME, "birthYear",
            Columns.BIRTH_YEAR, "gender", Columns.GENDER, "targetGroup", Columns.GROUP, "idNumber",
            Columns.ID_NUMBER);

    private final Map<Integer, Column> columns;
    private final CitizenBulkWriter citizens;
    private final Units units;
    private final UnitPaths paths;
    private final RowMessages messages;
    private final int defaultYear;
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, Optional<ImportLine.UnitRef>> unitsByCode = new HashMap<>();
    private final LocalDate today = LocalDate.now();

    RowParser(Map<Integer, Column> columns, CitizenBulkWriter citizens, Units units, UnitPaths paths,
            Iterable<TargetGroupOption> targetGroups, RowMessages messages, int defaultYear) {
        this.columns = columns;
        this.citizens = citizens;
        this.units = units;
        this.paths = paths;
        this.messages = messages;
        this.defaultYear = defaultYear;
        for (TargetGroupOption group : targetGroups) {
            groups.put(SearchText.fold(group.code()), group.code());
            groups.put(SearchText.fold(group.name()), group.code());
        }
    }

    ImportLine parse(SheetReader.Row row) {
        ImportLine line = new ImportLine(row.number());
        Map<String, String> fixed = cells(row, line);
        String name = fixed.getOrDefault(Columns.NAME, "");
        line.name = name.replaceAll("\\s+", " ");
        Integer birthYear = integer(fixed.getOrDefault(Columns.BIRTH_YEAR, ""));
        String genderText = fixed.getOrDefault(Columns.GENDER, "");
        Gender gender = gender(genderText);
        if (gender == null && !genderText.isEmpty()) {
            messages.error(line, Columns.GENDER, "transfer.row.gender", genderText);
        }
        String groupText = fixed.getOrDefault(Columns.GROUP, "");
        String group = groupText.isEmpty() ? null : groups.getOrDefault(SearchText.fold(groupText), groupText);
        unit(line, fixed.getOrDefault(Columns.UNIT, ""));
        String idNumber = fixed.getOrDefault(Columns.ID_NUMBER, "");
        // a masked CCCD (as exports hold) counts as none
        CitizenBulkWriter.Checked checked = citizens.check(new CitizenDraft(name, birthYear, gender,
                line.unit == null ? null : line.unit.code(), group, null, null, null, null,
                idNumber.isEmpty() || masked(idNumber) ? null : idNumber, null));
        for (FieldProblem problem : checked.problems()) {
            messages.error(line, FIELD_COLUMNS.getOrDefault(problem.field(), Columns.NAME), problem.messageKey(),
                    problem.args());
        }
        line.fullName = checked.fullName();
        line.searchName = SearchText.fold(checked.fullName());
        line.birthYear = birthYear;
        line.gender = gender;
        line.targetGroup = group;
        line.idNumber = checked.idNumber();
        String year = fixed.getOrDefault(Columns.YEAR, "");
        if (line.hasScores() || !year.isEmpty()) {
            line.year = year.isEmpty() ? Integer.valueOf(defaultYear) : integer(year);
            if (line.year == null) {
                messages.error(line, Columns.YEAR, "transfer.row.yearNotNumber", year);
            }
        }
        // one message per cell: a formula refused is not also reported as a missing value
        Set<String> columnsWithError = new HashSet<>();
        line.errors.removeIf(e -> !columnsWithError.add(e.column()));
        return line;
    }

    /** The fixed fields' text by header; scores straight into the line. */
    private Map<String, String> cells(SheetReader.Row row, ImportLine line) {
        Map<String, String> fixed = new HashMap<>();
        for (Map.Entry<Integer, Column> entry : columns.entrySet()) {
            int index = entry.getKey();
            Column column = entry.getValue();
            String value = index < row.cells().size() ? row.cells().get(index) : "";
            String raw = value == null ? "" : value.strip();
            if (row.formulaColumns().contains(index)) {
                messages.error(line, column.header(), "transfer.row.formula");
                continue;
            }
            // an escaped value ('=…, as exports write it) is text; an unescaped one would run as a formula
            if (!raw.isEmpty() && startsLikeFormula(raw) && column.kind() == Kind.FIXED) {
                messages.error(line, column.header(), "transfer.row.formula");
                continue;
            }
            value = Columns.unescape(raw);
            if (column.kind() == Kind.FIXED) {
                fixed.put(column.header(), value);
            } else if (!value.isEmpty()) {
                Integer score = integer(value);
                if (score == null) {
                    messages.error(line, column.header(), "transfer.row.scoreNotNumber", value);
                } else {
                    (column.kind() == Kind.SELF ? line.self : line.verified).put(column.code(), score);
                    line.scoreColumns.put(column.kind() + column.code(), column.header());
                }
            }
        }
        return fixed;
    }

    /** The residence: a current hamlet or commune inside the user's subtree. */
    private void unit(ImportLine line, String code) {
        if (code.isEmpty()) {
            messages.error(line, Columns.UNIT, "transfer.row.unitRequired");
            return;
        }
        ImportLine.UnitRef unit = unitsByCode.computeIfAbsent(code, c -> units.findByCodeOn(c, today)
                .map(this::ref)).orElse(null);
        if (unit == null) {
            messages.error(line, Columns.UNIT, "transfer.row.unitUnknown", code);
        } else if (!unit.inScope()) {
            messages.error(line, Columns.UNIT, "transfer.row.unitOutOfScope", code);
        } else if (!unit.residence()) {
            messages.error(line, Columns.UNIT, "transfer.row.unitLevel", code);
        } else {
            line.unit = unit;
        }
    }

    private ImportLine.UnitRef ref(UnitSummary unit) {
        return new ImportLine.UnitRef(unit.id(), unit.code(), paths.path(unit.id()), paths.inScope(unit.id()),
                UnitLevels.RESIDENCE.contains(unit.levelCode()));
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '@' || (first == '-' && integer(value) == null);
    }

    private static boolean masked(String idNumber) {
        return idNumber.contains("•") || idNumber.contains("*");
    }

    private static Gender gender(String text) {
        return switch (SearchText.fold(text)) {
            case "nam", "male", "m" -> Gender.MALE;
            case "nu", "female", "f" -> Gender.FEMALE;
            case "khac", "other" -> Gender.OTHER;
            default -> null;
        };
    }

    static Integer integer(String text) {
        String t = text.strip();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
