package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.report.Forecast.Method;
import vn.khuyenhoc.cdht.report.Forecast.Point;
import vn.khuyenhoc.cdht.report.Forecast.Projection;
import vn.khuyenhoc.cdht.report.Forecast.Reason;
import vn.khuyenhoc.cdht.report.Forecast.Verdict;

/** The forecast on series computed by hand (the arithmetic is in the comments). */
class ForecastTest {

    private static final List<Target> TARGETS = List.of(target(2025, 40), target(2030, 60));

    @Test
    void a_rising_series_with_noise_uses_least_squares_and_the_t_band() {
        // 2022: 10, 2023: 22, 2024: 28. Mean year 2023, mean rate 20, Sxx = 2, Sxy = 10 + 0 + 8 = 18: slope 9,
        // fitted 11, 20, 29, residuals -1, 2, -1: SSR 6, s = sqrt(6 / 1) = 2.449.
        Forecast.Result r = Forecast.of(List.of(p(2024, 28), p(2022, 10), p(2023, 22)), TARGETS, 2024, 2024);
        assertThat(r.method()).isEqualTo(Method.LEAST_SQUARES);
        assertThat(r.slope()).isEqualByComparingTo("9.0");
        assertThat(r.last()).isEqualByComparingTo("28.0");
        // 2025: 20 + 9 * 2 = 38; se = 2.449 * sqrt(1 + 1/3 + 4/2) = 4.472; t(1) = 12.706: ± 56.8 → 0 .. 94.8.
        // 38 < 40 but 94.8 >= 40: at risk; still needed (40 - 28) / 1 = 12 points a year.
        Projection y2025 = r.projections().get(0);
        assertThat(y2025.projected()).isEqualByComparingTo("38.0");
        assertThat(y2025.low()).isEqualByComparingTo("0.0");
        assertThat(y2025.high()).isEqualByComparingTo("94.8");
        assertThat(y2025.neededPerYear()).isEqualByComparingTo("12.0");
        assertThat(y2025.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(y2025.reason()).isEqualTo(Reason.TREND_SHORT);
        // 2030: 20 + 9 * 7 = 83 >= 60: on track (band clamped to 0 .. 100); needed (60 - 28) / 6 = 5.3
        Projection y2030 = r.projections().get(1);
        assertThat(y2030.projected()).isEqualByComparingTo("83.0");
        assertThat(y2030.high()).isEqualByComparingTo("100.0");
        assertThat(y2030.neededPerYear()).isEqualByComparingTo("5.3");
        assertThat(y2030.verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(y2030.reason()).isEqualTo(Reason.TREND_REACHES);
        assertThat(r.worstAhead(2024)).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void a_perfect_line_keeps_a_band_of_the_trend_over_the_steps_observed() {
        // 2022: 10, 2023: 20, 2024: 30: slope 10, no residual; floor = 10 * (T - 2024) / 2.
        Forecast.Result r = Forecast.of(List.of(p(2022, 10), p(2023, 20), p(2024, 30)), TARGETS, 2024, 2024);
        Projection y2025 = r.projections().get(0);
        assertThat(y2025.projected()).isEqualByComparingTo("40.0");
        assertThat(y2025.low()).isEqualByComparingTo("35.0");
        assertThat(y2025.high()).isEqualByComparingTo("45.0");
        assertThat(y2025.verdict()).isEqualTo(Verdict.ON_TRACK);
        Projection y2030 = r.projections().get(1);
        // 30 + 60 = 90, ± 30 → 60 .. 100 (120 clamped)
        assertThat(y2030.projected()).isEqualByComparingTo("90.0");
        assertThat(y2030.low()).isEqualByComparingTo("60.0");
        assertThat(y2030.high()).isEqualByComparingTo("100.0");
    }

    @Test
    void a_flat_series_cannot_reach_a_higher_target() {
        // 25 % three years running: slope 0, no residual, no band: 25 < 40 and the top 25 < 40: off track
        Forecast.Result r = Forecast.of(List.of(p(2022, 25), p(2023, 25), p(2024, 25)), TARGETS, 2024, 2024);
        assertThat(r.slope()).isEqualByComparingTo("0.0");
        Projection y2025 = r.projections().get(0);
        assertThat(y2025.projected()).isEqualByComparingTo("25.0");
        assertThat(y2025.high()).isEqualByComparingTo("25.0");
        assertThat(y2025.neededPerYear()).isEqualByComparingTo("15.0");
        assertThat(y2025.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(y2025.reason()).isEqualTo(Reason.OUT_OF_REACH);
        // (60 - 25) / 6 = 5.83
        assertThat(r.projections().get(1).neededPerYear()).isEqualByComparingTo("5.8");
        assertThat(r.projections().get(1).verdict()).isEqualTo(Verdict.OFF_TRACK);
    }

    @Test
    void one_year_only_gives_no_pace_and_is_at_risk_unless_already_there() {
        Forecast.Result r = Forecast.of(List.of(p(2024, 30)), TARGETS, 2024, 2024);
        assertThat(r.method()).isEqualTo(Method.ONE_YEAR);
        assertThat(r.slope()).isNull();
        Projection y2025 = r.projections().get(0);
        assertThat(y2025.low()).isNull();
        assertThat(y2025.high()).isNull();
        assertThat(y2025.neededPerYear()).isEqualByComparingTo("10.0");
        assertThat(y2025.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(y2025.reason()).isEqualTo(Reason.ONE_YEAR);

        Forecast.Result there = Forecast.of(List.of(p(2024, 45)), TARGETS, 2024, 2024);
        assertThat(there.projections().get(0).verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(there.projections().get(0).reason()).isEqualTo(Reason.REACHED);
        assertThat(there.projections().get(1).verdict()).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void gaps_are_years_without_a_point_and_two_years_give_the_line_through_them() {
        // 2021: 10 and 2024: 25 (2022, 2023 missing): slope 15 / 3 = 5; 2030: 25 + 30 = 55; the band ± 5 * 6 / 1
        // = 30 → 25 .. 85; 55 < 60 <= 85: at risk; needed (60 - 25) / 6 = 5.8
        Forecast.Result r = Forecast.of(List.of(p(2021, 10), p(2024, 25)), TARGETS, 2026, 2026);
        assertThat(r.method()).isEqualTo(Method.TWO_YEARS);
        assertThat(r.slope()).isEqualByComparingTo("5.0");
        Projection y2030 = r.projections().get(1);
        assertThat(y2030.projected()).isEqualByComparingTo("55.0");
        assertThat(y2030.low()).isEqualByComparingTo("25.0");
        assertThat(y2030.high()).isEqualByComparingTo("85.0");
        assertThat(y2030.neededPerYear()).isEqualByComparingTo("5.8");
        assertThat(y2030.verdict()).isEqualTo(Verdict.AT_RISK);
        // 2025 lies before the year viewed (2026) and has no data
        assertThat(r.projections().get(0).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(r.projections().get(0).reason()).isEqualTo(Reason.PAST_NO_DATA);

        // gaps with least squares: 2021: 10, 2023: 20, 2024: 25. Mean year 2022.667, mean 18.333; Sxx = 2.778 +
        // 0.111 + 1.778 = 4.667; Sxy = 13.889 + 0.556 + 8.889 = 23.333; slope 5.0; 2030: 18.333 + 5 * 7.333 = 55.0
        Forecast.Result gaps = Forecast.of(List.of(p(2021, 10), p(2023, 20), p(2024, 25)), TARGETS, 2024, 2024);
        assertThat(gaps.slope()).isEqualByComparingTo("5.0");
        assertThat(gaps.projections().get(1).projected()).isEqualByComparingTo("55.0");
    }

    @Test
    void past_targets_are_judged_on_their_own_year_and_an_open_year_is_at_risk() {
        // viewed in 2026: 2025 recorded 38 % < 40: missed; recorded 41 %: met
        Forecast.Result missed = Forecast.of(List.of(p(2024, 30), p(2025, 38), p(2026, 45)), TARGETS, 2026, 2026);
        assertThat(missed.projections().get(0).verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(missed.projections().get(0).reason()).isEqualTo(Reason.PAST_MISSED);
        assertThat(missed.worstAhead(2026)).isEqualTo(missed.projections().get(1).verdict());
        Forecast.Result met = Forecast.of(List.of(p(2024, 30), p(2025, 41)), TARGETS, 2026, 2026);
        assertThat(met.projections().get(0).reason()).isEqualTo(Reason.PAST_MET);
        // 2025 is the last year recorded and the calendar year: still open, 2 points missing
        Forecast.Result open = Forecast.of(List.of(p(2024, 30), p(2025, 38)), TARGETS, 2025, 2025);
        assertThat(open.projections().get(0).verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(open.projections().get(0).reason()).isEqualTo(Reason.IN_YEAR);
        assertThat(open.projections().get(0).neededPerYear()).isEqualByComparingTo("2.0");
        // nothing recorded at all
        Forecast.Result none = Forecast.of(List.of(), TARGETS, 2026, 2026);
        assertThat(none.method()).isEqualTo(Method.NONE);
        assertThat(none.projections()).extracting(Projection::verdict)
                .containsExactly(Verdict.NO_DATA, Verdict.NO_DATA);
        assertThat(Forecast.of(List.of(p(2024, 30)), List.of(), 2024, 2024).worstAhead(2024))
                .isEqualTo(Verdict.NO_TARGET);
    }

    private static Point p(int year, double rate) {
        return new Point(year, rate);
    }

    private static Target target(int year, int percentage) {
        return new Target(year, BigDecimal.valueOf(percentage), null, null);
    }
}
