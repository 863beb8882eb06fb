package vn.khuyenhoc.cdht.assessment;

import java.util.List;
import vn.khuyenhoc.cdht.criteria.CompetencySubtotal;
import vn.khuyenhoc.cdht.criteria.ScoreProblem;
import vn.khuyenhoc.cdht.criteria.ScoreResult;

/**
 * What the form shows while someone types: the running total of the scores entered so far and, once every
 * indicator is scored, the scoring engine's result (pass, or the rules that failed).
 *
 * @param total    the engine's total when complete, else the sum of the valid scores entered so far
 * @param scored   how many indicators have a valid score
 * @param result   the engine's result; null while the input cannot be scored
 * @param problems why it cannot be scored (missing or out-of-range scores); empty when result is set
 * @param subtotals per competency of the set, in form order: the valid scores entered so far against the
 *                  competency's maximum (the engine's own subtotals once complete)
 */
public record ScorePreview(int total, int maxTotal, int scored, int indicators, ScoreResult result,
        List<ScoreProblem> problems, List<CompetencySubtotal> subtotals) {

    public ScorePreview {
        problems = List.copyOf(problems);
        subtotals = List.copyOf(subtotals);
    }

    public boolean complete() {
        return result != null;
    }

    public int missing() {
        return indicators - scored;
    }

    /** Problems other than a score not entered yet (out of range, unknown indicator). */
    public List<ScoreProblem> errors() {
        return problems.stream().filter(p -> !"criteria.score.missing".equals(p.messageKey())).toList();
    }
}
