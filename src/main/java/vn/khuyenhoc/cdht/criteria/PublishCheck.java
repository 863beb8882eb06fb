package vn.khuyenhoc.cdht.criteria;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What stops a draft from being published. Pure: looks only at the draft's definition, and lists every problem
 * (not the first) so that an admin fixes them all in one pass.
 */
final class PublishCheck {

    private PublishCheck() {
    }

    /**
     * @param groupNames target group code → name, to name groups in the messages
     */
    static List<Problem> problems(CriteriaDefinition draft, Map<String, String> groupNames) {
        List<Problem> problems = new ArrayList<>();
        ScoringRules rules = draft.rules();

        if (draft.yearTo() < draft.yearFrom()) {
            problems.add(Problem.of("criteria.problem.years", draft.yearFrom(), draft.yearTo()));
        }
        if (draft.targetGroupCodes().isEmpty()) {
            problems.add(Problem.of("criteria.problem.noGroups"));
        }
        if (draft.competencies().isEmpty()) {
            problems.add(Problem.of("criteria.problem.noCompetencies"));
        }
        for (CompetencyDefinition competency : draft.competencies()) {
            List<IndicatorDefinition> indicators = draft.indicatorsOf(competency.code());
            if (indicators.isEmpty()) {
                problems.add(Problem.of("criteria.problem.emptyCompetency", competency.code(), competency.name()));
                continue;
            }
            int max = indicators.stream().mapToInt(IndicatorDefinition::maxPoints).sum();
            if (competency.minPoints() != null && competency.minPoints() > max) {
                problems.add(Problem.of("criteria.problem.competencyMinTooHigh", competency.code(),
                        competency.minPoints(), max));
            }
        }
        if (draft.maxTotal() != draft.totalPoints()) {
            problems.add(Problem.of("criteria.problem.totalMismatch", draft.maxTotal(), draft.totalPoints()));
        }
        if (rules.minTotal() < 0 || rules.minTotal() > draft.totalPoints()) {
            problems.add(Problem.of("criteria.problem.minTotalOutOfRange", rules.minTotal(), draft.totalPoints()));
        }
        for (IndicatorDefinition indicator : draft.indicators()) {
            if (indicator.maxPoints() <= indicator.minPoints()) {
                problems.add(Problem.of("criteria.problem.indicatorBounds", indicator.code(), indicator.minPoints(),
                        indicator.maxPoints()));
            }
            if (rules.minPerIndicator() > indicator.maxPoints()) {
                problems.add(Problem.of("criteria.problem.minPerIndicatorTooHigh", rules.minPerIndicator(),
                        indicator.code(), indicator.maxPoints()));
            }
            if (indicator.mandatory() && (indicator.mandatoryMin() < indicator.minPoints()
                    || indicator.mandatoryMin() > indicator.maxPoints())) {
                problems.add(Problem.of("criteria.problem.mandatoryOutOfRange", indicator.code(),
                        indicator.mandatoryMin(), indicator.minPoints(), indicator.maxPoints()));
            }
        }
        digitalProblems(draft, rules, problems);
        for (String group : draft.targetGroupCodes()) {
            List<String> missing = draft.indicators().stream()
                    .filter(i -> i.wordingFor(group).isEmpty())
                    .map(IndicatorDefinition::code)
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(Problem.of("criteria.problem.missingWording", groupNames.getOrDefault(group, group),
                        String.join(", ", missing)));
            }
        }
        return problems;
    }

    private static void digitalProblems(CriteriaDefinition draft, ScoringRules rules, List<Problem> problems) {
        if (rules.digitalIndicatorCode() == null) {
            problems.add(Problem.of("criteria.problem.noDigitalIndicator"));
            return;
        }
        Optional<IndicatorDefinition> found = draft.indicator(rules.digitalIndicatorCode());
        if (found.isEmpty()) {
            problems.add(Problem.of("criteria.problem.unknownDigitalIndicator", rules.digitalIndicatorCode()));
            return;
        }
        IndicatorDefinition digital = found.get();
        if (rules.digitalThreshold() < digital.minPoints() || rules.digitalThreshold() > digital.maxPoints()) {
            problems.add(Problem.of("criteria.problem.digitalThresholdOutOfRange", rules.digitalThreshold(),
                    digital.code(), digital.minPoints(), digital.maxPoints()));
        }
        if (rules.proficientThreshold() < rules.digitalThreshold()
                || rules.proficientThreshold() > digital.maxPoints()) {
            problems.add(Problem.of("criteria.problem.proficientThresholdOutOfRange", rules.proficientThreshold(),
                    rules.digitalThreshold(), digital.maxPoints()));
        }
    }

    /** One reason, as a message key and its arguments. */
    record Problem(String messageKey, List<Object> arguments) {

        static Problem of(String messageKey, Object... arguments) {
            return new Problem(messageKey, Arrays.asList(arguments));
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }
}
