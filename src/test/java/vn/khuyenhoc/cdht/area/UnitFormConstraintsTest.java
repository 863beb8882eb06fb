package vn.khuyenhoc.cdht.area;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.FormValidation;

/** The unit form's code and name: shared.CodedForm's rules plus the unit table's lengths and area's message. */
class UnitFormConstraintsTest {

    private static final Validator VALIDATOR = FormValidation.VALIDATOR;

    @Test
    void codeAndNameFollowTheUnitTable() {
        assertThat(violations("x".repeat(30), "n".repeat(200))).isEmpty();
        assertThat(violations("x".repeat(31), "n".repeat(201))).containsExactlyInAnyOrder("code Size", "name Size");
        assertThat(violations("", "")).containsExactlyInAnyOrder("code NotBlank", "name NotBlank");
        assertThat(VALIDATOR.validate(form("xã 1", "Xã"))).singleElement()
                .satisfies(v -> assertThat(v.getMessageTemplate()).isEqualTo("{area.code.pattern}"));
    }

    private static UnitForm form(String code, String name) {
        UnitForm form = new UnitForm();
        form.setCode(code);
        form.setName(name);
        form.setLevelCode("XA");
        form.setValidFrom(LocalDate.of(2025, 7, 1));
        return form;
    }

    private static List<String> violations(String code, String name) {
        return VALIDATOR.validate(form(code, name)).stream()
                .map(v -> v.getPropertyPath() + " "
                        + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())
                .toList();
    }
}
