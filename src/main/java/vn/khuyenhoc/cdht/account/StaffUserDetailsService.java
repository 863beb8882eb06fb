package vn.khuyenhoc.cdht.account;

import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;

/** Loads staff for login, and counts failures so that the sixth guess meets a locked door. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final SecurityProperties properties;
    private final AuditLog audit;

    StaffUserDetailsService(AppUserRepository users, SecurityProperties properties, AuditLog audit) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new StaffPrincipal(user, !user.isLockedAt(Instant.now()));
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        users.findByUsername(username).ifPresent(user -> {
            AppUser.FailureState state = user.afterFailure(properties.maxFailedAttempts(),
                    properties.lockoutDuration(), Instant.now());
            users.updateLoginFailures(user.getId(), state.failedAttempts(), state.lockedUntil());
            if (state.lockedNow()) {
                audit.recordStandalone(username, "ACCOUNT_LOCKED", AccountService.AUDIT_TYPE, user.getId(),
                        "locked until " + state.lockedUntil());
            }
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            users.recordSuccessfulLogin(principal.userId(), Instant.now());
        }
    }
}
