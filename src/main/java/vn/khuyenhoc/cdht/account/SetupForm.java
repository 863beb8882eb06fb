package vn.khuyenhoc.cdht.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class SetupForm extends NewPasswordForm {

    @NotBlank
    private String token;

    @Username
    private String username;

    @NotBlank
    @Size(max = AppUser.DISPLAY_NAME_LENGTH)
    private String displayName;

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
