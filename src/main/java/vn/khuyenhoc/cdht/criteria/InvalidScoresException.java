package vn.khuyenhoc.cdht.criteria;

import java.util.List;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The scores cannot be scored: a score is missing or outside its indicator's bounds, or names an indicator the set
 * does not have, or the target group or channel is wrong. Scores are never clamped. {@link #problems()} lists every
 * problem; the message key and arguments of the exception itself are those of the first.
 */
public class InvalidScoresException extends BusinessRuleException {

    private final transient List<ScoreProblem> problems;

    public InvalidScoresException(List<ScoreProblem> problems) {
        super(problems.get(0).messageKey(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<ScoreProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return problems.stream().map(p -> p.messageKey() + " " + p.arguments()).toList().toString();
    }
}
