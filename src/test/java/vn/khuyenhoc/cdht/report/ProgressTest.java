package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.report.ReportQueries.TargetRow;

/** Traffic lights against the straight line toward the targets, and the nearest target up the tree. */
class ProgressTest {

    private static final List<Target> NATIONAL = List.of(target(2025, 40, null), target(2030, 60, null));

    @Test
    void before_the_first_target_the_line_starts_at_zero_in_2021() {
        // 2023: halfway from (2021, 0 %) to (2025, 40 %) is 20 %
        assertThat(Progress.expected(2023, NATIONAL)).isEqualByComparingTo("20");
        assertThat(Progress.judge(Ratio.of(1, 4), 2023, NATIONAL).light()).isEqualTo(TrafficLight.ON_TRACK);
        assertThat(Progress.judge(Ratio.of(1, 5), 2023, NATIONAL).light()).isEqualTo(TrafficLight.ON_TRACK);
        assertThat(Progress.judge(Ratio.of(1, 10), 2023, NATIONAL).light()).isEqualTo(TrafficLight.BEHIND);
        assertThat(Progress.judge(Ratio.of(2, 5), 2023, NATIONAL).light()).isEqualTo(TrafficLight.MET);
        assertThat(Progress.judge(Ratio.of(2, 5), 2023, NATIONAL).due().year()).isEqualTo(2025);
    }

    @Test
    void between_targets_the_line_joins_them_and_met_means_the_next_one_is_reached() {
        // 2027: 40 % + (60 - 40) × 2/5 = 48 %
        assertThat(Progress.expected(2027, NATIONAL)).isEqualByComparingTo("48");
        assertThat(Progress.judge(Ratio.of(1, 2), 2027, NATIONAL).light()).isEqualTo(TrafficLight.ON_TRACK);
        assertThat(Progress.judge(Ratio.of(45, 100), 2027, NATIONAL).light()).isEqualTo(TrafficLight.BEHIND);
        assertThat(Progress.judge(Ratio.of(3, 5), 2027, NATIONAL).light()).isEqualTo(TrafficLight.MET);
        // in a target year the line is the target itself
        assertThat(Progress.expected(2025, NATIONAL)).isEqualByComparingTo("40");
        assertThat(Progress.judge(Ratio.of(39, 100), 2025, NATIONAL).light()).isEqualTo(TrafficLight.BEHIND);
    }

    @Test
    void after_the_last_target_it_stays_due_and_without_data_or_targets_there_is_no_light() {
        assertThat(Progress.expected(2032, NATIONAL)).isEqualByComparingTo("60");
        assertThat(Progress.judge(Ratio.of(59, 100), 2032, NATIONAL).light()).isEqualTo(TrafficLight.BEHIND);
        assertThat(Progress.judge(Ratio.of(0, 0), 2025, NATIONAL).light()).isEqualTo(TrafficLight.NO_DATA);
        assertThat(Progress.judge(null, 2025, NATIONAL).light()).isEqualTo(TrafficLight.NO_DATA);
        assertThat(Progress.judge(Ratio.of(1, 2), 2025, List.of()).light()).isEqualTo(TrafficLight.NO_TARGET);
        // exact comparison: 2/3 is below 66.67 % although it rounds to 66.7 %
        assertThat(Ratio.of(2, 3).rate()).isEqualByComparingTo("66.7");
        assertThat(Ratio.of(2, 3).atLeast(new BigDecimal("66.67"))).isFalse();
        assertThat(Ratio.of(2, 3).atLeast(new BigDecimal("66.66"))).isTrue();
    }

    @Test
    void the_nearest_target_up_the_tree_wins_year_by_year() {
        long country = 1;
        long province = 51;
        long commune = 101;
        long hamlet = 151;
        long otherProvince = 52;
        TargetBook book = new TargetBook(List.of(
                new TargetRow(Indicator.ADULTS, target(2025, 40, null)),
                new TargetRow(Indicator.ADULTS, target(2030, 60, null)),
                new TargetRow(Indicator.ADULTS, target(2025, 50, province)),
                new TargetRow(Indicator.ADULTS, target(2025, 70, commune))));
        List<Target> forHamlet = book.forChain(List.of(country, province, commune, hamlet)).get(Indicator.ADULTS);
        assertThat(forHamlet).extracting(Target::year, t -> t.percentage().intValue(), Target::scopeUnitId)
                .containsExactly(tuple(2025, 70, commune),
                        tuple(2030, 60, null));
        assertThat(book.forChain(List.of(country, province, 102L)).get(Indicator.ADULTS).get(0).percentage())
                .isEqualByComparingTo("50");
        assertThat(book.forChain(List.of(country, otherProvince)).get(Indicator.ADULTS).get(0).percentage())
                .isEqualByComparingTo("40");
        assertThat(book.forChain(List.of(country)).get(Indicator.DIGITAL)).isEmpty();
        assertThat(TargetBook.chain("/1/51/101/")).containsExactly(1L, 51L, 101L);
    }

    private static Target target(int year, int percentage, Long scope) {
        return new Target(year, BigDecimal.valueOf(percentage), scope, scope == null ? null : "unit " + scope);
    }
}
