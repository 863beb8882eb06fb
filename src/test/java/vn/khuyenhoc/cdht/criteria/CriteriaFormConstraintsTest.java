package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.shared.CodedForm;
import vn.khuyenhoc.cdht.support.FormValidation;

/**
 * The code and name of the criteria forms: required and the code's characters from {@link CodedForm}, each form's
 * column lengths and the module's message from the form's own getters, so that each field reports once.
 */
class CriteriaFormConstraintsTest {

    private static final Validator VALIDATOR = FormValidation.VALIDATOR;

    @Test
    void eachFormHoldsItsColumnLengths() {
        assertThat(violations(filled(new CompetencyForm(), "x".repeat(21), "n".repeat(300))))
                .containsExactly("code Size");
        assertThat(violations(filled(new CompetencyForm(), "x".repeat(20), "n".repeat(301))))
                .containsExactly("name Size");
        assertThat(violations(filled(new TargetGroupForm(), "x".repeat(30), "n".repeat(201))))
                .containsExactly("name Size");
        assertThat(violations(filled(new CriteriaSetForm(), "x".repeat(31), "n".repeat(300)), "code", "name"))
                .containsExactly("code Size");
        assertThat(violations(filled(IndicatorForm.blank(1L, List.of()), "x".repeat(20), "n".repeat(1001))))
                .containsExactly("name Size");
        assertThat(violations(filled(IndicatorForm.blank(1L, List.of()), "x".repeat(20), "n".repeat(1000))))
                .isEmpty();
    }

    @Test
    void codeAndNameAreRequiredAndTheCodeKeepsToItsCharacters() {
        assertThat(violations(filled(new TargetGroupForm(), "", " ")))
                .containsExactlyInAnyOrder("code NotBlank", "name NotBlank");
        Set<ConstraintViolation<TargetGroupForm>> wrong = VALIDATOR.validate(filled(new TargetGroupForm(), "a b",
                "Nhóm"));
        assertThat(wrong).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("code");
            assertThat(v.getMessageTemplate()).isEqualTo("{criteria.code.pattern}");
        });
    }

    private static <F extends CodedForm> F filled(F form, String code, String name) {
        form.setCode(code);
        form.setName(name);
        return form;
    }

    /** "property ConstraintName" of each violation, only of the given properties when some are named. */
    private static List<String> violations(Object form, String... properties) {
        return VALIDATOR.validate(form).stream()
                .filter(v -> properties.length == 0 || List.of(properties).contains(v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + " "
                        + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())
                .toList();
    }
}
