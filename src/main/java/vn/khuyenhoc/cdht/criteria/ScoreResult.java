package vn.khuyenhoc.cdht.criteria;

import java.util.List;

/**
 * What the scoring engine concludes from one set of scores.
 *
 * @param total               the sum of every indicator's score
 * @param maxTotal            the sum of every indicator's maximum
 * @param subtotals           per competency, in form order
 * @param failures            every rule that failed, in form order (indicators, competencies, then the total)
 * @param hasDigitalSkills    the digital-skills indicator reached the "has digital skills" threshold
 * @param digitallyProficient it reached the "proficient" threshold, or (when the set says so) the citizen
 *                            self-assessed online
 */
public record ScoreResult(int total, int maxTotal, List<CompetencySubtotal> subtotals, List<RuleFailure> failures,
        boolean hasDigitalSkills, boolean digitallyProficient) {

    public ScoreResult {
        subtotals = List.copyOf(subtotals);
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public int subtotal(String competencyCode) {
        return subtotals.stream().filter(s -> s.code().equals(competencyCode)).mapToInt(CompetencySubtotal::points)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no competency " + competencyCode));
    }
}
