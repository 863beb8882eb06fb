package vn.khuyenhoc.cdht.shared;

import java.util.List;

/**
 * A rule of the domain refused a change. Carries a message key (with arguments) and, where one input is at fault,
 * the form field, so that the page shows the reason in the user's language beside what they typed. Nothing has
 * been changed when this is thrown.
 */
public class BusinessRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private BusinessRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static BusinessRuleException onField(String field, String messageKey, Object... arguments) {
        return new BusinessRuleException(field, messageKey, arguments);
    }

    /** The form field at fault, or null when the whole request is. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
