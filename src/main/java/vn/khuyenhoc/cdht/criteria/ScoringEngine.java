package vn.khuyenhoc.cdht.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Scores one self-assessment (or verified assessment) against one criteria set. Pure: no Spring, no database, no
 * clock; the same input always gives the same result. Assessments call it through
 * {@link CriteriaCatalog#score(long, String, Map, Channel)}, which loads the version they name.
 */
public final class ScoringEngine {

    private ScoringEngine() {
    }

    /**
     * @param criteria        the set (any status: the admin pages try drafts out)
     * @param targetGroupCode the citizen's target group; the set must have a form for it
     * @param scores          indicator code → score, one for every indicator of the set and nothing else
     * @param channel         how the assessment was entered
     * @throws InvalidScoresException listing every problem when the input cannot be scored
     */
    public static ScoreResult score(CriteriaDefinition criteria, String targetGroupCode, Map<String, Integer> scores,
            Channel channel) {
        Objects.requireNonNull(criteria, "criteria");
        Map<String, Integer> given = scores == null ? Map.of() : scores;
        requireScorable(criteria, targetGroupCode, given, channel);

        List<RuleFailure> failures = new ArrayList<>();
        ScoringRules rules = criteria.rules();
        int total = 0;
        for (IndicatorDefinition indicator : criteria.indicators()) {
            int score = given.get(indicator.code());
            total += score;
            if (score < rules.minPerIndicator()) {
                failures.add(new RuleFailure(RuleFailure.Rule.MIN_PER_INDICATOR, indicator.code(),
                        "criteria.failure.minPerIndicator", List.of(indicator.code(), score, rules.minPerIndicator())));
            }
            if (indicator.mandatory() && score < indicator.mandatoryMin()) {
                failures.add(new RuleFailure(RuleFailure.Rule.MANDATORY_INDICATOR, indicator.code(),
                        "criteria.failure.mandatory", List.of(indicator.code(), score, indicator.mandatoryMin())));
            }
        }

        List<CompetencySubtotal> subtotals = new ArrayList<>();
        for (CompetencyDefinition competency : criteria.competencies()) {
            List<IndicatorDefinition> indicators = criteria.indicatorsOf(competency.code());
            int points = indicators.stream().mapToInt(i -> given.get(i.code())).sum();
            int max = indicators.stream().mapToInt(IndicatorDefinition::maxPoints).sum();
            subtotals.add(new CompetencySubtotal(competency.code(), competency.name(), points, max,
                    competency.minPoints()));
            if (competency.minPoints() != null && points < competency.minPoints()) {
                failures.add(new RuleFailure(RuleFailure.Rule.MIN_PER_COMPETENCY, competency.code(),
                        "criteria.failure.minPerCompetency",
                        List.of(competency.code(), points, competency.minPoints())));
            }
        }
        if (total < rules.minTotal()) {
            failures.add(new RuleFailure(RuleFailure.Rule.MIN_TOTAL, null, "criteria.failure.minTotal",
                    List.of(total, rules.minTotal())));
        }

        Integer digital = rules.digitalIndicatorCode() == null ? null : given.get(rules.digitalIndicatorCode());
        boolean hasDigitalSkills = digital != null && digital >= rules.digitalThreshold();
        boolean proficient = (digital != null && digital >= rules.proficientThreshold())
                || (rules.proficientWhenOnlineSelf() && channel == Channel.ONLINE_SELF);
        return new ScoreResult(total, criteria.maxTotal(), subtotals, failures, hasDigitalSkills, proficient);
    }

    /** Collects every reason the input cannot be scored, so that a form can show them all at once. */
    private static void requireScorable(CriteriaDefinition criteria, String targetGroupCode,
            Map<String, Integer> given, Channel channel) {
        List<ScoreProblem> problems = new ArrayList<>();
        if (channel == null) {
            problems.add(ScoreProblem.of(null, "criteria.score.noChannel"));
        }
        if (!criteria.hasTargetGroup(targetGroupCode)) {
            problems.add(ScoreProblem.of(null, "criteria.score.unknownGroup", targetGroupCode, criteria.title()));
        }
        problems.addAll(problems(criteria, given, true));
        if (!problems.isEmpty()) {
            throw new InvalidScoresException(problems);
        }
    }

    /**
     * Every problem of the scores entered so far, without scoring them: a score outside its indicator's bounds, an
     * indicator the set does not have, and, when the scores must be complete, every indicator without a score. A
     * partial save of a form and a row of an import check their scores here, as {@link #score} does.
     */
    public static List<ScoreProblem> problems(CriteriaDefinition criteria, Map<String, Integer> given,
            boolean complete) {
        List<ScoreProblem> problems = new ArrayList<>();
        for (IndicatorDefinition indicator : criteria.indicators()) {
            Integer score = given.get(indicator.code());
            if (score == null) {
                if (complete) {
                    problems.add(ScoreProblem.of(indicator.code(), "criteria.score.missing", indicator.code()));
                }
            } else if (score < indicator.minPoints() || score > indicator.maxPoints()) {
                problems.add(ScoreProblem.of(indicator.code(), "criteria.score.outOfRange", indicator.code(), score,
                        indicator.minPoints(), indicator.maxPoints()));
            }
        }
        Map<String, IndicatorDefinition> known = criteria.indicatorsByCode();
        TreeSet<String> unknown = new TreeSet<>();
        for (String code : given.keySet()) {
            if (code == null || !known.containsKey(code)) {
                unknown.add(String.valueOf(code));
            }
        }
        for (String code : unknown) {
            problems.add(ScoreProblem.of(code, "criteria.score.unknownIndicator", code, criteria.title()));
        }
        if (criteria.indicators().isEmpty()) {
            problems.add(ScoreProblem.of(null, "criteria.score.noIndicators", criteria.title()));
        }
        return problems;
    }
}
