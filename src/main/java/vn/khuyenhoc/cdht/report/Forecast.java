package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a rate is heading: a least-squares straight line through the years recorded, projected to each target year,
 * with an uncertainty band, the yearly increase still needed and a verdict with its reason.
 *
 * <p>Method (named on the page): ordinary least squares of the rate (percent) on the year. The band is the 95 %
 * prediction interval of that regression (Student's t with n − 2 degrees of freedom), and never narrower than
 * ± the distance the trend covers until the target year divided by the number of yearly steps observed (n − 1): two
 * years give a band as wide as the whole projected change, a perfect fit of three years half of it. One year gives no
 * pace and no band. Rates and bands are clamped to 0–100 %.
 *
 * <p>Verdicts for a target year T with target P, from the data up to the year viewed: the rate already at or above
 * P: ON_TRACK (reached). T before the year viewed: the recorded rate of T decides (MET → ON_TRACK, else OFF_TRACK;
 * none recorded → NO_DATA). T the last year recorded and still open (not before the calendar year): AT_RISK with
 * what is missing. Otherwise one year only: AT_RISK (no pace yet); a projection at or above P: ON_TRACK; below P but
 * the band's top at or above it: AT_RISK; the band's top below P: OFF_TRACK.
 */
final class Forecast {

    /** Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond. */
    private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    private Forecast() {
    }

    enum Verdict {
        ON_TRACK("bg-success"),
        AT_RISK("bg-warning text-dark"),
        OFF_TRACK("bg-danger"),
        NO_DATA("bg-light text-dark"),
        NO_TARGET("bg-secondary");

        private final String badgeClass;

        Verdict(String badgeClass) {
            this.badgeClass = badgeClass;
        }

        public String badgeClass() {
            return badgeClass;
        }

        boolean atRisk() {
            return this == AT_RISK || this == OFF_TRACK;
        }

        /** For "the worst of several": off track, at risk, on track, no data, no target. */
        public int severity() {
            return switch (this) {
                case OFF_TRACK -> 4;
                case AT_RISK -> 3;
                case ON_TRACK -> 2;
                case NO_DATA -> 1;
                case NO_TARGET -> 0;
            };
        }
    }

    /** Why: each has a message report.forecast.reason.NAME whose arguments the template takes from the projection. */
    enum Reason { NO_DATA, NO_TARGET, REACHED, PAST_MET, PAST_MISSED, PAST_NO_DATA, IN_YEAR, ONE_YEAR, TREND_REACHES,
        TREND_SHORT, OUT_OF_REACH }

    /** How the pace was estimated. */
    enum Method { NONE, ONE_YEAR, TWO_YEARS, LEAST_SQUARES }

    /** One year's rate in percent (exact, not rounded). */
    record Point(int year, double rate) {

        static Point of(int year, Ratio ratio) {
            return new Point(year, ratio.numerator() * 100.0 / ratio.denominator());
        }
    }

    /** The projection to one target: percentages to one decimal; low/high null without a band. */
    record Projection(int targetYear, BigDecimal target, BigDecimal projected, BigDecimal low, BigDecimal high,
            BigDecimal neededPerYear, Verdict verdict, Reason reason) {
    }

    /** The fitted pace and the projection to each target. slope and last are null without data. */
    record Result(Method method, int years, Integer lastYear, BigDecimal last, BigDecimal slope,
            List<Projection> projections) {

        /** The projection of the first target year at or after the year, else the last; null without targets. */
        Projection toward(int year) {
            return projections.stream().filter(p -> p.targetYear() >= year).findFirst()
                    .orElse(projections.isEmpty() ? null : projections.get(projections.size() - 1));
        }

        /** The worst verdict over the targets still ahead of the year (or over all, when none is ahead). */
        Verdict worstAhead(int year) {
            List<Projection> ahead = projections.stream().filter(p -> p.targetYear() >= year).toList();
            Verdict worst = Verdict.NO_TARGET;
            for (Projection p : ahead.isEmpty() ? projections : ahead) {
                if (p.verdict().severity() > worst.severity()) {
                    worst = p.verdict();
                }
            }
            return worst;
        }
    }

    /**
     * points: the years recorded (any order, gaps allowed) up to the year viewed; targets sorted by year;
     * calendarYear: this year, which decides whether a target year with data is still open.
     */
    static Result of(List<Point> points, List<Target> targets, int asOf, int calendarYear) {
        List<Point> used = points.stream().filter(p -> p.year() <= asOf)
                .sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
        int n = used.size();
        Method method = n == 0 ? Method.NONE : n == 1 ? Method.ONE_YEAR : n == 2 ? Method.TWO_YEARS
                : Method.LEAST_SQUARES;
        Point last = n == 0 ? null : used.get(n - 1);
        double slope = 0;
        double intercept = 0;
        double meanYear = 0;
        double sxx = 0;
        double residualSd = 0;
        if (n >= 2) {
            double meanRate = 0;
            for (Point p : used) {
                meanYear += p.year();
                meanRate += p.rate();
            }
            meanYear /= n;
            meanRate /= n;
            double sxy = 0;
            for (Point p : used) {
                sxx += (p.year() - meanYear) * (p.year() - meanYear);
                sxy += (p.year() - meanYear) * (p.rate() - meanRate);
            }
            slope = sxy / sxx;
            intercept = meanRate - slope * meanYear;
            if (n >= 3) {
                double ssr = 0;
                for (Point p : used) {
                    double residual = p.rate() - (intercept + slope * p.year());
                    ssr += residual * residual;
                }
                residualSd = Math.sqrt(ssr / (n - 2));
            }
        }
        List<Projection> projections = new ArrayList<>();
        for (Target target : targets) {
            projections.add(project(target, used, last, n, slope, intercept, meanYear, sxx, residualSd, asOf,
                    calendarYear));
        }
        return new Result(method, n, last == null ? null : last.year(), last == null ? null : round(last.rate()),
                n >= 2 ? round(slope) : null, List.copyOf(projections));
    }

    private static Projection project(Target target, List<Point> used, Point last, int n, double slope,
            double intercept, double meanYear, double sxx, double residualSd, int asOf, int calendarYear) {
        int year = target.year();
        BigDecimal goal = target.percentage();
        double p = goal.doubleValue();
        if (year < asOf) {
            Point at = used.stream().filter(x -> x.year() == year).findFirst().orElse(null);
            if (at == null) {
                return new Projection(year, goal, null, null, null, null, Verdict.NO_DATA, Reason.PAST_NO_DATA);
            }
            boolean met = at.rate() >= p;
            return new Projection(year, goal, round(at.rate()), null, null, null,
                    met ? Verdict.ON_TRACK : Verdict.OFF_TRACK, met ? Reason.PAST_MET : Reason.PAST_MISSED);
        }
        if (last == null) {
            return new Projection(year, goal, null, null, null, null, Verdict.NO_DATA, Reason.NO_DATA);
        }
        if (last.rate() >= p) {
            return new Projection(year, goal, round(last.rate()), null, null, null, Verdict.ON_TRACK,
                    Reason.REACHED);
        }
        int ahead = year - last.year();
        if (ahead == 0) {
            boolean open = year >= calendarYear;
            return new Projection(year, goal, round(last.rate()), null, null, round(p - last.rate()),
                    open ? Verdict.AT_RISK : Verdict.OFF_TRACK, open ? Reason.IN_YEAR : Reason.PAST_MISSED);
        }
        BigDecimal needed = round((p - last.rate()) / ahead);
        if (n == 1) {
            return new Projection(year, goal, round(last.rate()), null, null, needed, Verdict.AT_RISK,
                    Reason.ONE_YEAR);
        }
        double projected = intercept + slope * year;
        double half = Math.abs(slope) * ahead / (n - 1);
        if (n >= 3) {
            double se = residualSd * Math.sqrt(1 + 1.0 / n + (year - meanYear) * (year - meanYear) / sxx);
            half = Math.max(half, t95(n - 2) * se);
        }
        double shown = clamp(projected);
        double high = clamp(projected + half);
        Verdict verdict = shown >= p ? Verdict.ON_TRACK : high >= p ? Verdict.AT_RISK : Verdict.OFF_TRACK;
        Reason reason = switch (verdict) {
            case ON_TRACK -> Reason.TREND_REACHES;
            case AT_RISK -> Reason.TREND_SHORT;
            default -> Reason.OUT_OF_REACH;
        };
        return new Projection(year, goal, round(shown), round(clamp(projected - half)), round(high), needed,
                verdict, reason);
    }

    static double t95(int degreesOfFreedom) {
        return degreesOfFreedom <= T95.length ? T95[degreesOfFreedom - 1] : 1.96;
    }

    private static double clamp(double rate) {
        return Math.max(0, Math.min(100, rate));
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
