package vn.khuyenhoc.cdht.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class SetupForm extends NewPasswordForm {

    @NotBlank
    private String token;

    @NotBlank
    @Size(min = 3, max = 50)
    @Pattern(regexp = "[a-z0-9._-]*", message = "{account.username.pattern}")
    private String username;

    @NotBlank
    @Size(max = 150)
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
