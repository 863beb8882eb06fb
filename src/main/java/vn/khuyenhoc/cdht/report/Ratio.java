package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A numerator over a denominator, with the rate in percent to one decimal (null without a denominator). */
public record Ratio(long numerator, long denominator, BigDecimal rate) {

    static Ratio of(long numerator, long denominator) {
        BigDecimal rate = denominator == 0 ? null : BigDecimal.valueOf(numerator * 100L)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        return new Ratio(numerator, denominator, rate);
    }

    /** Null when either figure is missing (a population figure not entered). */
    static Ratio ofNullable(Long numerator, Long denominator) {
        return numerator == null || denominator == null ? null : of(numerator, denominator);
    }

    boolean hasData() {
        return denominator > 0;
    }

    /** The exact rate (not the rounded one) is at least the percentage. */
    boolean atLeast(BigDecimal percentage) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .compareTo(percentage.multiply(BigDecimal.valueOf(denominator))) >= 0;
    }
}
