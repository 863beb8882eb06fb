package vn.khuyenhoc.cdht.shared;

import org.springframework.validation.BindingResult;

/** Puts a refused rule onto the form so that the page re-renders with the user's input and the reason. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, BusinessRuleException e) {
        if (e.field() != null) {
            result.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
        } else {
            result.reject(e.messageKey(), e.arguments(), e.messageKey());
        }
    }
}
