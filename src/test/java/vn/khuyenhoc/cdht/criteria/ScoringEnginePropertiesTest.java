package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the engine over random scores and random (valid) rules. */
class ScoringEnginePropertiesTest {

    @Property
    void the_total_is_the_sum_of_the_scores(@ForAll("tenScores") List<Integer> values,
            @ForAll("rules") ScoringRules rules) {
        ScoreResult result = ScoringEngine.score(CriteriaFixtures.qd324(rules), "WORKER", toScores(values),
                Channel.STAFF_ENTRY);
        int sum = values.stream().mapToInt(Integer::intValue).sum();
        assertThat(result.total()).isEqualTo(sum);
        assertThat(result.subtotals().stream().mapToInt(CompetencySubtotal::points).sum()).isEqualTo(sum);
    }

    @Property
    void raising_one_score_never_turns_a_pass_into_a_fail(@ForAll("tenScores") List<Integer> values,
            @ForAll @IntRange(min = 0, max = 9) int raised, @ForAll @IntRange(min = 1, max = 10) int by,
            @ForAll("rules") ScoringRules rules, @ForAll("competencyMinimums") Map<String, Integer> competencyMins,
            @ForAll("mandatoryMinimums") Map<String, Integer> mandatoryMins) {
        CriteriaDefinition criteria = CriteriaFixtures.qd324(rules, competencyMins, mandatoryMins);
        Map<String, Integer> before = toScores(values);
        Map<String, Integer> after = new HashMap<>(before);
        String code = String.valueOf(raised + 1);
        after.put(code, Math.min(10, before.get(code) + by));

        ScoreResult first = ScoringEngine.score(criteria, "WORKER", before, Channel.STAFF_ENTRY);
        ScoreResult second = ScoringEngine.score(criteria, "WORKER", after, Channel.STAFF_ENTRY);
        if (first.passed()) {
            assertThat(second.passed()).isTrue();
        }
        assertThat(second.failures().size()).isLessThanOrEqualTo(first.failures().size());
        if (first.hasDigitalSkills()) {
            assertThat(second.hasDigitalSkills()).isTrue();
        }
        if (first.digitallyProficient()) {
            assertThat(second.digitallyProficient()).isTrue();
        }
    }

    @Property
    void a_score_outside_0_to_10_is_always_rejected(@ForAll("tenScores") List<Integer> values,
            @ForAll @IntRange(min = 0, max = 9) int index, @ForAll("outOfRange") int bad) {
        Map<String, Integer> scores = toScores(values);
        scores.put(String.valueOf(index + 1), bad);
        assertThatThrownBy(() -> ScoringEngine.score(CriteriaFixtures.qd324(), "OTHER", scores, Channel.ONLINE_SELF))
                .isInstanceOf(InvalidScoresException.class);
    }

    @Property
    void pass_is_exactly_total_and_indicator_minimums_under_the_default_rules(
            @ForAll("tenScores") List<Integer> values) {
        ScoreResult result = ScoringEngine.score(CriteriaFixtures.qd324(), "FARMER", toScores(values),
                Channel.STAFF_ENTRY);
        boolean expected = values.stream().mapToInt(Integer::intValue).sum() >= 80
                && values.stream().allMatch(v -> v >= 5);
        assertThat(result.passed()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Integer>> tenScores() {
        return Arbitraries.integers().between(0, 10).list().ofSize(10);
    }

    @Provide
    Arbitrary<Integer> outOfRange() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-1000, -1), Arbitraries.integers().between(11, 1000));
    }

    @Provide
    Arbitrary<ScoringRules> rules() {
        Arbitrary<Integer> minTotal = Arbitraries.integers().between(0, 100);
        Arbitrary<Integer> minPerIndicator = Arbitraries.integers().between(0, 10);
        Arbitrary<Integer> digital = Arbitraries.integers().between(0, 10);
        Arbitrary<Integer> proficientStep = Arbitraries.integers().between(0, 5);
        Arbitrary<Boolean> online = Arbitraries.of(true, false);
        return Combinators.combine(minTotal, minPerIndicator, digital, proficientStep, online)
                .as((total, perIndicator, threshold, step, onlineSelf) -> new ScoringRules(total, perIndicator, "5",
                        threshold, Math.min(10, threshold + step), onlineSelf));
    }

    @Provide
    Arbitrary<Map<String, Integer>> competencyMinimums() {
        return Arbitraries.maps(Arbitraries.of("1", "2", "3"), Arbitraries.integers().between(0, 20)).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Map<String, Integer>> mandatoryMinimums() {
        return Arbitraries.maps(Arbitraries.integers().between(1, 10).map(String::valueOf),
                Arbitraries.integers().between(0, 10)).ofMaxSize(3);
    }

    private static Map<String, Integer> toScores(List<Integer> values) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            scores.put(String.valueOf(i + 1), values.get(i));
        }
        return scores;
    }
}
