package vn.khuyenhoc.cdht.citizen;

import java.util.List;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * One field of a citizen that a rule refuses: the field's name on the citizen form (fullName, birthYear, gender,
 * targetGroup, phone, idNumber), the message key and its arguments.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    public Object[] args() {
        return arguments.toArray();
    }

    /** As the form reports it: the first problem, thrown. */
    BusinessRuleException toException() {
        return BusinessRuleException.onField(field, messageKey, args());
    }
}
