package vn.khuyenhoc.cdht.criteria;

import java.util.List;

/**
 * A rule an assessment failed, with the reason as a message key and its arguments, e.g.
 * {@code criteria.failure.minPerIndicator [5, 4, 5]} renders "Chỉ số 5 đạt 4 điểm, dưới mức tối thiểu 5".
 *
 * @param subject the indicator or competency code at fault; null for the total
 */
public record RuleFailure(Rule rule, String subject, String messageKey, List<Object> arguments) {

    public RuleFailure {
        arguments = List.copyOf(arguments);
    }

    /** The arguments as an array, the shape MessageSource and Thymeleaf's #messages expect. */
    public Object[] args() {
        return arguments.toArray();
    }

    public enum Rule {
        MIN_PER_INDICATOR,
        MANDATORY_INDICATOR,
        MIN_PER_COMPETENCY,
        MIN_TOTAL
    }
}
