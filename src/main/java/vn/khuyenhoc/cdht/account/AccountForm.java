package vn.khuyenhoc.cdht.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.Role;

class AccountForm {

    @Username
    private String username;

    @NotBlank
    @Size(max = AppUser.DISPLAY_NAME_LENGTH)
    private String displayName;

    @NotNull
    private Role role;

    @NotBlank
    @Size(max = Units.CODE_LENGTH)
    private String unitCode;

    private boolean enabled = true;

    private long version;

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

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
