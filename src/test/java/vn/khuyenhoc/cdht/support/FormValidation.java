package vn.khuyenhoc.cdht.support;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * Bean Validation as a form's constraints are checked outside Spring, for the tests that hold a form's annotations to
 * its rules. One validator for the test run: it keeps no state between calls.
 */
public final class FormValidation {

    public static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private FormValidation() {
    }
}
