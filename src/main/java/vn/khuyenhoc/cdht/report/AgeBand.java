package vn.khuyenhoc.cdht.report;

import java.util.Arrays;

/**
 * Age in the assessment's year (from the birth year) in the bands the pivot offers. The codes are stored in
 * report_unit_cube.age_band; the SQL that assigns them is generated here so the refresh and the tests agree.
 */
enum AgeBand {
    UNDER_15("0-14", 0, 14),
    FROM_15("15-24", 15, 24),
    FROM_25("25-34", 25, 34),
    FROM_35("35-44", 35, 44),
    FROM_45("45-54", 45, 54),
    FROM_55("55-64", 55, 64),
    FROM_65("65+", 65, Integer.MAX_VALUE);

    private final String code;
    private final int from;
    private final int to;

    AgeBand(String code, int from, int to) {
        this.code = code;
        this.from = from;
        this.to = to;
    }

    String code() {
        return code;
    }

    static AgeBand of(int age) {
        return Arrays.stream(values()).filter(b -> age <= b.to).findFirst().orElse(FROM_65);
    }

    /** CASE WHEN age < 15 THEN '0-14' WHEN ... ELSE '65+' END, for an SQL expression of the age. */
    static String sql(String age) {
        StringBuilder out = new StringBuilder("CASE");
        for (AgeBand band : values()) {
            if (band.to != Integer.MAX_VALUE) {
                out.append(" WHEN ").append(age).append(" <= ").append(band.to).append(" THEN '").append(band.code)
                        .append("'");
            }
        }
        return out.append(" ELSE '").append(FROM_65.code).append("' END").toString();
    }

    static AgeBand byCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code));
    }

    int from() {
        return from;
    }
}
