package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;

import java.util.List;

/**
 * One indicator of a unit and year: the rate on its official base; for PROFICIENT the second reading (among those
 * with digital skills); for ADULTS and OFFICIALS the rate on the entered population figure, where there is one;
 * every target that applies (nearest up the tree, by year), those of 2025 and 2030, the one due, the straight-line
 * expectation for the year, and the light.
 */
public record IndicatorFigure(Indicator indicator, Ratio official, Ratio secondReading, Ratio population,
        List<Target> targets, Target target2025, Target target2030, Target nextTarget, BigDecimal expected,
        TrafficLight light) {
}
