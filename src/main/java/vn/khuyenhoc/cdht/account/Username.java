package vn.khuyenhoc.cdht.account;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a username may be wherever one is typed (the accounts page and the first-start page): required, from three
 * characters to the column's length, in lower-case unaccented letters, digits, dot, dash and underscore so that it is
 * typed alike on any keyboard. Each part reports on its own, as if written on the field.
 */
@NotBlank
@Size(min = 3, max = AppUser.USERNAME_LENGTH)
@Pattern(regexp = "[a-z0-9._-]*", message = "{account.username.pattern}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface Username {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
