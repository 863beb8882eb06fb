package vn.khuyenhoc.cdht.account;

import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads staff for login and notes successful sign-ins (failures are throttled by {@link LoginThrottle}). */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    StaffUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        // never locked by failures: LoginThrottle slows guessing down per name and address instead
        return new StaffPrincipal(user, true);
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            users.recordSuccessfulLogin(principal.userId(), Instant.now());
        }
    }
}
