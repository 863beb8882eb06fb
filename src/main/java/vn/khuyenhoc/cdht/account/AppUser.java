package vn.khuyenhoc.cdht.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

@Entity
@Table(name = "app_user")
class AppUser extends VersionedEntity {

    static final int USERNAME_LENGTH = 50;
    static final int DISPLAY_NAME_LENGTH = 150;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = USERNAME_LENGTH)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected AppUser() {
    }

    AppUser(String username, String displayName, Role role, long unitId, String passwordHash,
            boolean mustChangePassword) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.unitId = unitId;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.enabled = true;
        created();
    }

    void changePassword(String newHash, boolean mustChangeNext) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChangeNext;
        touch();
    }

    AccountSummary toSummary() {
        return new AccountSummary(id, username, displayName, role, unitId, enabled, mustChangePassword,
                lastLoginAt, getVersion());
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
    }

    Long getUnitId() {
        return unitId;
    }

    void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }
}
