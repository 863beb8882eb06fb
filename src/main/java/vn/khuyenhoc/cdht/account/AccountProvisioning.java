package vn.khuyenhoc.cdht.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.SystemActor;

/** Accounts the application creates itself: the first admin, and the demo accounts in demo mode. */
@Service
public class AccountProvisioning {

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    AccountProvisioning(AppUserRepository users, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public boolean adminExists() {
        return users.existsByRole(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.existsByUsername(username);
    }

    @Transactional
    public long create(String username, String displayName, Role role, long unitId, String rawPassword,
            boolean mustChangePassword) {
        AppUser user = users.save(new AppUser(username, displayName, role, unitId, encoder.encode(rawPassword),
                mustChangePassword));
        audit.record(SystemActor.INSTANCE.username(), "ACCOUNT_CREATED", AccountService.AUDIT_TYPE, user.getId(),
                unitId, username + " " + role, null);
        return user.getId();
    }
}
