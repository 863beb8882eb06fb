package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The traffic light of a rate in a year against the targets that apply (sorted by year). The target "due" is the
 * first one of that year or later (past the last, the last). MET: the rate has reached it. ON_TRACK: the rate is at
 * or above the straight line drawn from the previous target (or, before the first, from 0 % in
 * {@value #BASELINE_YEAR}, when the programme of Decision 677/QĐ-TTg started) to the one due. BEHIND: below.
 */
final class Progress {

    static final int BASELINE_YEAR = 2021;

    private Progress() {
    }

    record Outcome(Target due, BigDecimal expected, TrafficLight light) {
    }

    static Outcome judge(Ratio ratio, int year, List<Target> targets) {
        if (targets.isEmpty()) {
            return new Outcome(null, null, ratio == null || !ratio.hasData() ? TrafficLight.NO_DATA
                    : TrafficLight.NO_TARGET);
        }
        Target due = due(year, targets);
        BigDecimal expected = expected(year, targets);
        TrafficLight light;
        if (ratio == null || !ratio.hasData()) {
            light = TrafficLight.NO_DATA;
        } else if (ratio.atLeast(due.percentage())) {
            light = TrafficLight.MET;
        } else if (ratio.atLeast(expected)) {
            light = TrafficLight.ON_TRACK;
        } else {
            light = TrafficLight.BEHIND;
        }
        return new Outcome(due, expected, light);
    }

    static Target due(int year, List<Target> targets) {
        return targets.stream().filter(t -> t.year() >= year).findFirst().orElse(targets.get(targets.size() - 1));
    }

    /** The straight-line expectation for the year, to two decimals; null without targets. */
    static BigDecimal expected(int year, List<Target> targets) {
        if (targets.isEmpty()) {
            return null;
        }
        Target due = due(year, targets);
        if (due.year() <= year) {
            return due.percentage();
        }
        int fromYear = BASELINE_YEAR;
        BigDecimal from = BigDecimal.ZERO;
        for (Target t : targets) {
            if (t.year() < year) {
                fromYear = t.year();
                from = t.percentage();
            }
        }
        if (year <= fromYear) {
            return from;
        }
        BigDecimal share = BigDecimal.valueOf(year - fromYear)
                .divide(BigDecimal.valueOf(due.year() - fromYear), 10, RoundingMode.HALF_UP);
        return from.add(due.percentage().subtract(from).multiply(share)).setScale(2, RoundingMode.HALF_UP);
    }
}
