package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.util.Locale;

/** What a pivot's cells show: a count of the cube, or the share recognised among those assessed (percent). */
enum PivotMeasure {
    ASSESSED,
    PASSED,
    RECOGNISED,
    DIGITAL,
    PROFICIENT,
    /** Recognised ÷ assessed, in percent to one decimal. */
    RATE;

    /** The cell's value from the cube's sums (counts as whole numbers, the rate as a percentage or null). */
    Number value(long[] sums) {
        return switch (this) {
            case ASSESSED -> sums[CubeMeasure.ASSESSED.ordinal()];
            case PASSED -> sums[CubeMeasure.PASSED.ordinal()];
            case RECOGNISED -> sums[CubeMeasure.RECOGNISED.ordinal()];
            case DIGITAL -> sums[CubeMeasure.RECOGNISED_DIGITAL.ordinal()];
            case PROFICIENT -> sums[CubeMeasure.RECOGNISED_PROFICIENT.ordinal()];
            case RATE -> {
                BigDecimal rate = Ratio.of(sums[CubeMeasure.RECOGNISED.ordinal()],
                        sums[CubeMeasure.ASSESSED.ordinal()]).rate();
                yield rate;
            }
        };
    }

    static PivotMeasure parse(String text) {
        if (text == null || text.isBlank()) {
            return RECOGNISED;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return RECOGNISED;
        }
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
