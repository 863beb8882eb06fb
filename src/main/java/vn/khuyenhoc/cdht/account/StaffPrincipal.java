package vn.khuyenhoc.cdht.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.Role;

/** The signed-in staff member, kept in the session. Pages receive it as {@link CurrentUser}. */
final class StaffPrincipal implements UserDetails, CredentialsContainer, CurrentUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final long unitId;
    private final boolean mustChangePassword;
    private final boolean enabled;
    private final boolean nonLocked;
    private transient String passwordHash;

    StaffPrincipal(AppUser user, boolean nonLocked) {
        this(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(), user.getUnitId(),
                user.isMustChangePassword(), user.isEnabled(), nonLocked, user.getPasswordHash());
    }

    private StaffPrincipal(long userId, String username, String displayName, Role role, long unitId,
            boolean mustChangePassword, boolean enabled, boolean nonLocked, String passwordHash) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.unitId = unitId;
        this.mustChangePassword = mustChangePassword;
        this.enabled = enabled;
        this.nonLocked = nonLocked;
        this.passwordHash = passwordHash;
    }

    StaffPrincipal withPasswordChanged() {
        return new StaffPrincipal(userId, username, displayName, role, unitId, false, enabled, nonLocked, null);
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public long unitId() {
        return unitId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffPrincipal p && p.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + ", " + role + ", unit " + unitId + "]";
    }
}
