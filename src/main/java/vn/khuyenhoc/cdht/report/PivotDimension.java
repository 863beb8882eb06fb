package vn.khuyenhoc.cdht.report;

import java.util.Locale;

/** What a pivot's rows or columns can be, each a column of report_unit_cube (the unit: the shown unit's path). */
enum PivotDimension {
    UNIT("m.shown_path"),
    TARGET_GROUP("r.target_group"),
    YEAR("r.report_year"),
    GENDER("r.gender"),
    AGE_BAND("r.age_band"),
    CHANNEL("r.channel");

    private final String column;

    PivotDimension(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    String alias() {
        return "d_" + name().toLowerCase(Locale.ROOT);
    }

    /** The request parameter's spelling (unit, target_group, ...); unknown or blank: null. */
    static PivotDimension parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
