package vn.khuyenhoc.cdht.account;

import jakarta.validation.constraints.NotBlank;

class PasswordForm extends NewPasswordForm {

    @NotBlank
    private String currentPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }
}
