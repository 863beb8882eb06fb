package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.khuyenhoc.cdht.criteria.CriteriaFixtures.all;
import static vn.khuyenhoc.cdht.criteria.CriteriaFixtures.qd324;
import static vn.khuyenhoc.cdht.criteria.CriteriaFixtures.scores;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The pass rule and the digital flags at every boundary, on QĐ 324 and variations of its rules. */
class ScoringEngineTest {

    private static final CriteriaDefinition QD324 = qd324();

    @Test
    void total_80_passes_and_79_fails_with_the_total_rule() {
        ScoreResult eighty = score(QD324, all(8));
        assertThat(eighty.total()).isEqualTo(80);
        assertThat(eighty.passed()).isTrue();
        assertThat(eighty.failures()).isEmpty();

        ScoreResult seventyNine = score(QD324, scores(8, 8, 8, 8, 8, 8, 8, 8, 8, 7));
        assertThat(seventyNine.total()).isEqualTo(79);
        assertThat(seventyNine.passed()).isFalse();
        assertThat(seventyNine.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleFailure.Rule.MIN_TOTAL);
            assertThat(f.messageKey()).isEqualTo("criteria.failure.minTotal");
            assertThat(f.arguments()).containsExactly(79, 80);
        });
    }

    @Test
    void one_indicator_at_4_fails_even_with_a_high_total_and_at_5_passes() {
        ScoreResult four = score(QD324, scores(10, 10, 10, 10, 4, 10, 10, 10, 10, 10));
        assertThat(four.total()).isEqualTo(94);
        assertThat(four.passed()).isFalse();
        assertThat(four.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleFailure.Rule.MIN_PER_INDICATOR);
            assertThat(f.subject()).isEqualTo("5");
            assertThat(f.arguments()).containsExactly("5", 4, 5);
        });

        ScoreResult five = score(QD324, scores(10, 10, 10, 10, 5, 10, 10, 10, 10, 10));
        assertThat(five.total()).isEqualTo(95);
        assertThat(five.passed()).isTrue();
    }

    @Test
    void all_tens_pass_with_100_and_both_digital_flags() {
        ScoreResult result = score(QD324, all(10));
        assertThat(result.total()).isEqualTo(100);
        assertThat(result.maxTotal()).isEqualTo(100);
        assertThat(result.passed()).isTrue();
        assertThat(result.hasDigitalSkills()).isTrue();
        assertThat(result.digitallyProficient()).isTrue();
        assertThat(result.subtotals()).extracting(CompetencySubtotal::points).containsExactly(40, 40, 20);
        assertThat(result.subtotals()).extracting(CompetencySubtotal::maxPoints).containsExactly(40, 40, 20);
    }

    @Test
    void all_fives_make_50_and_fail_on_the_total_only() {
        ScoreResult result = score(QD324, all(5));
        assertThat(result.total()).isEqualTo(50);
        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).extracting(RuleFailure::rule).containsExactly(RuleFailure.Rule.MIN_TOTAL);
    }

    @Test
    void subtotals_follow_the_competencies() {
        ScoreResult result = score(QD324, scores(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(result.subtotal("1")).isEqualTo(10);
        assertThat(result.subtotal("2")).isEqualTo(26);
        assertThat(result.subtotal("3")).isEqualTo(19);
        assertThat(result.total()).isEqualTo(55);
    }

    @Test
    void every_failed_rule_is_listed_in_form_order() {
        ScoreResult result = score(QD324, scores(4, 10, 3, 10, 10, 10, 10, 10, 10, 2));
        assertThat(result.failures()).extracting(RuleFailure::rule, RuleFailure::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RuleFailure.Rule.MIN_PER_INDICATOR, "1"),
                org.assertj.core.groups.Tuple.tuple(RuleFailure.Rule.MIN_PER_INDICATOR, "3"),
                org.assertj.core.groups.Tuple.tuple(RuleFailure.Rule.MIN_PER_INDICATOR, "10"),
                org.assertj.core.groups.Tuple.tuple(RuleFailure.Rule.MIN_TOTAL, null));
    }

    @Test
    void a_missing_indicator_is_rejected_not_scored() {
        Map<String, Integer> scores = all(10);
        scores.remove("7");
        assertThatThrownBy(() -> score(QD324, scores))
                .isInstanceOfSatisfying(InvalidScoresException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("criteria.score.missing");
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.indicatorCode()).isEqualTo("7");
                        assertThat(p.arguments()).containsExactly("7");
                    });
                });
    }

    @Test
    void a_null_score_counts_as_missing() {
        Map<String, Integer> scores = new HashMap<>(all(10));
        scores.put("3", null);
        assertThatThrownBy(() -> score(QD324, scores)).isInstanceOfSatisfying(InvalidScoresException.class,
                e -> assertThat(e.problems()).extracting(ScoreProblem::indicatorCode).containsExactly("3"));
    }

    @Test
    void scores_outside_the_bounds_are_rejected_never_clamped() {
        assertThatThrownBy(() -> score(QD324, scores(11, 10, 10, 10, 10, 10, 10, 10, 10, -1)))
                .isInstanceOfSatisfying(InvalidScoresException.class, e -> assertThat(e.problems())
                        .extracting(ScoreProblem::messageKey, ScoreProblem::arguments)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("criteria.score.outOfRange",
                                        List.of("1", 11, 0, 10)),
                                org.assertj.core.groups.Tuple.tuple("criteria.score.outOfRange",
                                        List.of("10", -1, 0, 10))));
    }

    @Test
    void the_bounds_themselves_are_accepted() {
        assertThat(score(QD324, all(0)).total()).isZero();
        assertThat(score(QD324, all(10)).total()).isEqualTo(100);
    }

    @Test
    void an_indicator_of_another_set_is_rejected() {
        Map<String, Integer> scores = all(10);
        scores.put("11", 5);
        scores.put("CS-X", 5);
        assertThatThrownBy(() -> score(QD324, scores)).isInstanceOfSatisfying(InvalidScoresException.class,
                e -> assertThat(e.problems()).extracting(ScoreProblem::messageKey, ScoreProblem::arguments)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("criteria.score.unknownIndicator",
                                        List.of("11", QD324.title())),
                                org.assertj.core.groups.Tuple.tuple("criteria.score.unknownIndicator",
                                        List.of("CS-X", QD324.title()))));
    }

    @Test
    void a_target_group_the_set_has_no_form_for_and_a_missing_channel_are_rejected_together() {
        Map<String, Integer> scores = all(10);
        scores.remove("2");
        assertThatThrownBy(() -> ScoringEngine.score(QD324, "STUDENT", scores, null))
                .isInstanceOfSatisfying(InvalidScoresException.class, e -> assertThat(e.problems())
                        .extracting(ScoreProblem::messageKey)
                        .containsExactly("criteria.score.noChannel", "criteria.score.unknownGroup",
                                "criteria.score.missing"));
    }

    @Test
    void no_scores_at_all_lists_every_indicator() {
        assertThatThrownBy(() -> ScoringEngine.score(QD324, "FARMER", null, Channel.STAFF_PROXY))
                .isInstanceOfSatisfying(InvalidScoresException.class,
                        e -> assertThat(e.problems()).hasSize(10));
    }

    @Test
    void a_competency_minimum_applies_only_when_configured() {
        Map<String, Integer> scores = scores(10, 10, 10, 10, 7, 7, 7, 8, 10, 10);
        assertThat(score(QD324, scores).passed()).isTrue();

        CriteriaDefinition withMinimum = qd324(ScoringRules.defaults("5"), Map.of("2", 30), Map.of());
        ScoreResult twentyNine = score(withMinimum, scores);
        assertThat(twentyNine.total()).isEqualTo(89);
        assertThat(twentyNine.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleFailure.Rule.MIN_PER_COMPETENCY);
            assertThat(f.subject()).isEqualTo("2");
            assertThat(f.arguments()).containsExactly("2", 29, 30);
        });
        assertThat(twentyNine.subtotals().get(1).minPoints()).isEqualTo(30);

        scores.put("8", 9);
        assertThat(score(withMinimum, scores).passed()).isTrue();
    }

    @Test
    void a_mandatory_indicator_must_reach_its_own_minimum() {
        CriteriaDefinition mandatory = qd324(ScoringRules.defaults("5"), Map.of(), Map.of("5", 8));
        ScoreResult seven = score(mandatory, scores(10, 10, 10, 10, 7, 10, 10, 10, 10, 10));
        assertThat(seven.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleFailure.Rule.MANDATORY_INDICATOR);
            assertThat(f.arguments()).containsExactly("5", 7, 8);
        });
        assertThat(score(mandatory, scores(10, 10, 10, 10, 8, 10, 10, 10, 10, 10)).passed()).isTrue();
    }

    @Test
    void a_changed_minimum_total_and_minimum_per_indicator_are_applied() {
        CriteriaDefinition lenient = qd324(ScoringRules.defaults("5").withMinTotal(70).withMinPerIndicator(3));
        assertThat(score(lenient, scores(3, 10, 10, 10, 10, 10, 10, 10, 10, 0)).failures())
                .extracting(RuleFailure::rule).containsExactly(RuleFailure.Rule.MIN_PER_INDICATOR);
        assertThat(score(lenient, all(7)).passed()).isTrue();
        assertThat(score(QD324, all(7)).passed()).isFalse();
    }

    @Test
    void digital_skills_from_5_not_at_4() {
        assertThat(digital(4, Channel.STAFF_PROXY).hasDigitalSkills()).isFalse();
        assertThat(digital(5, Channel.STAFF_PROXY).hasDigitalSkills()).isTrue();
    }

    @Test
    void proficient_from_8_not_at_7_when_entered_by_staff() {
        ScoreResult seven = digital(7, Channel.STAFF_PROXY);
        assertThat(seven.hasDigitalSkills()).isTrue();
        assertThat(seven.digitallyProficient()).isFalse();
        assertThat(digital(8, Channel.STAFF_PROXY).digitallyProficient()).isTrue();
    }

    @Test
    void online_self_assessment_makes_proficient_unless_the_set_switches_it_off() {
        assertThat(digital(5, Channel.ONLINE_SELF).digitallyProficient()).isTrue();
        CriteriaDefinition switchedOff = qd324(ScoringRules.defaults("5").withProficientWhenOnlineSelf(false));
        ScoreResult result = ScoringEngine.score(switchedOff, "FARMER", scores(10, 10, 10, 10, 7, 10, 10, 10, 10, 10),
                Channel.ONLINE_SELF);
        assertThat(result.digitallyProficient()).isFalse();
        assertThat(result.hasDigitalSkills()).isTrue();
    }

    @Test
    void digital_flags_are_computed_whether_or_not_the_assessment_passes() {
        ScoreResult failed = ScoringEngine.score(QD324, "FARMER", scores(0, 0, 0, 0, 9, 0, 0, 0, 0, 0),
                Channel.STAFF_PROXY);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.hasDigitalSkills()).isTrue();
        assertThat(failed.digitallyProficient()).isTrue();
    }

    @Test
    void a_set_without_a_digital_indicator_has_no_digital_skills() {
        CriteriaDefinition none = qd324(new ScoringRules(80, 5, null, 5, 8, false));
        ScoreResult result = score(none, all(10));
        assertThat(result.hasDigitalSkills()).isFalse();
        assertThat(result.digitallyProficient()).isFalse();
    }

    @Test
    void the_failure_renders_as_the_vietnamese_reason() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/criteria");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        RuleFailure failure = score(QD324, scores(10, 10, 10, 10, 4, 10, 10, 10, 10, 10)).failures().get(0);
        assertThat(messages.getMessage(failure.messageKey(), failure.args(), Locale.forLanguageTag("vi")))
                .isEqualTo("Chỉ số 5 đạt 4 điểm, dưới mức tối thiểu 5");
        RuleFailure total = score(QD324, all(7)).failures().get(0);
        assertThat(messages.getMessage(total.messageKey(), total.args(), Locale.forLanguageTag("vi")))
                .isEqualTo("Tổng điểm 70, dưới mức tối thiểu 80");
        assertThat(messages.getMessage(failure.messageKey(), failure.args(), Locale.ENGLISH))
                .isEqualTo("Indicator 5 scored 4 points, below the minimum of 5");
    }

    private static ScoreResult digital(int digitalScore, Channel channel) {
        return ScoringEngine.score(QD324, "FARMER", scores(10, 10, 10, 10, digitalScore, 10, 10, 10, 10, 10), channel);
    }

    private static ScoreResult score(CriteriaDefinition criteria, Map<String, Integer> scores) {
        return ScoringEngine.score(criteria, "FARMER", scores, Channel.STAFF_PROXY);
    }
}
