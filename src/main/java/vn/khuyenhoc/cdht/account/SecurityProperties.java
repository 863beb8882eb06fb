package vn.khuyenhoc.cdht.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login throttling: failures before a lockout, and how long it lasts. */
@ConfigurationProperties("cdht.security")
record SecurityProperties(int maxFailedAttempts, Duration lockoutDuration) {

    SecurityProperties {
        if (maxFailedAttempts <= 0) {
            maxFailedAttempts = 5;
        }
        if (lockoutDuration == null) {
            lockoutDuration = Duration.ofMinutes(15);
        }
    }
}
