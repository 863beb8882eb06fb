package vn.khuyenhoc.cdht.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The counted columns of {@code report_unit_year}, in table order. The refresh, the rebuild and the dashboard
 * queries are all generated from this list, so a column cannot be summed in one place and forgotten in another.
 */
enum Measure {
    ASSESSED,
    DRAFT,
    SUBMITTED,
    VERIFIED,
    RETURNED,
    RECOGNISED,
    NOT_RECOGNISED,
    /** verified_passed, whatever the state (VERIFIED, RECOGNISED or NOT_RECOGNISED). */
    PASSED,
    /** Recognised and at least {@link ReportRefresh#ADULT_AGE} in the year: numerator of the population base. */
    RECOGNISED_ADULTS,
    RECOGNISED_DIGITAL,
    RECOGNISED_PROFICIENT,
    /** Proficient among those with digital skills: the second reading of the proficiency indicator. */
    RECOGNISED_DIGITAL_PROFICIENT,
    RECOGNISED_ONLINE_SELF,
    ADULTS_IN_RECOGNISED_COLLECTIVES,
    CDHT_ADULTS_IN_RECOGNISED_COLLECTIVES,
    OFFICIALS_IN_RECOGNISED_UNITS,
    CDHT_OFFICIALS_IN_RECOGNISED_UNITS;

    static final int COUNT = values().length;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "a, b, c" for an INSERT column list. */
    static String columns() {
        return Arrays.stream(values()).map(Measure::column).collect(Collectors.joining(", "));
    }

    /** "SUM(x.a) AS a, SUM(x.b) AS b, ..." (or without the AS) over a table or derived table aliased x. */
    static String sums(String alias, boolean named) {
        return Arrays.stream(values())
                .map(m -> "SUM(" + alias + "." + m.column() + ")" + (named ? " AS " + m.column() : ""))
                .collect(Collectors.joining(", "));
    }
}
