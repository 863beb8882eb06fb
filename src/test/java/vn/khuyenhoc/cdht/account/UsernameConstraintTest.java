package vn.khuyenhoc.cdht.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.FormValidation;

/**
 * The accounts page and the first-start page hold a username to the same rule, written once in {@link Username}: each
 * broken part reports on its own, with the message it had when it was written on each form's field.
 */
class UsernameConstraintTest {

    private static final Validator VALIDATOR = FormValidation.VALIDATOR;

    @Test
    void bothFormsJudgeAUsernameAlike() {
        for (String username : List.of("", "ab", "Hoa.Nguyen", "tên", "a".repeat(51), "nguyen.hoa-2_b", "a".repeat(50))) {
            assertThat(problems(new AccountForm(), AccountForm::setUsername, username))
                    .as(username)
                    .isEqualTo(problems(new SetupForm(), SetupForm::setUsername, username));
        }
    }

    @Test
    void eachBrokenPartReportsOnce() {
        assertThat(problems(new AccountForm(), AccountForm::setUsername, ""))
                .containsExactlyInAnyOrder("{jakarta.validation.constraints.NotBlank.message}",
                        "{jakarta.validation.constraints.Size.message}");
        assertThat(problems(new AccountForm(), AccountForm::setUsername, "ab"))
                .containsExactly("{jakarta.validation.constraints.Size.message}");
        assertThat(problems(new AccountForm(), AccountForm::setUsername, "Hoa Nguyen"))
                .containsExactly("{account.username.pattern}");
        assertThat(problems(new AccountForm(), AccountForm::setUsername, "a".repeat(AppUser.USERNAME_LENGTH + 1)))
                .containsExactly("{jakarta.validation.constraints.Size.message}");
        assertThat(problems(new AccountForm(), AccountForm::setUsername, "nguyen.hoa-2_b")).isEmpty();
    }

    private static <F> List<String> problems(F form, BiConsumer<F, String> setUsername, String username) {
        setUsername.accept(form, username);
        return VALIDATOR.validateProperty(form, "username").stream()
                .map(violation -> violation.getMessageTemplate())
                .sorted()
                .toList();
    }
}
