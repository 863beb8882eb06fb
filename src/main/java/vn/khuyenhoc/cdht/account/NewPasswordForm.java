package vn.khuyenhoc.cdht.account;

import jakarta.validation.constraints.NotBlank;

/**
 * A new password typed twice, as the password page and the first-start page post it; {@link PasswordPolicy} checks
 * the two against each other and against the rules.
 */
abstract class NewPasswordForm {

    @NotBlank
    private String newPassword;

    @NotBlank
    private String confirmation;

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
