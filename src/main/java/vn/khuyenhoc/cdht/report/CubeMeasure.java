package vn.khuyenhoc.cdht.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The counted columns of report_unit_cube, in table order (the refresh and the pivot are generated from it). */
enum CubeMeasure {
    ASSESSED,
    PASSED,
    RECOGNISED,
    RECOGNISED_DIGITAL,
    RECOGNISED_PROFICIENT;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String columns() {
        return Arrays.stream(values()).map(CubeMeasure::column).collect(Collectors.joining(", "));
    }

    /** "SUM(x.assessed), SUM(x.passed), ..." (unnamed), for an INSERT ... SELECT. */
    static String sums(String alias) {
        return Arrays.stream(values()).map(m -> "SUM(" + alias + "." + m.column() + ")")
                .collect(Collectors.joining(", "));
    }
}
