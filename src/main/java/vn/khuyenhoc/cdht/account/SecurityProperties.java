package vn.khuyenhoc.cdht.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling: failures allowed per username and address, and per address, before sign-in from there slows
 * down to one more try per {@code lockoutDuration / budget} (see {@link LoginThrottle}).
 */
@ConfigurationProperties("cdht.security")
record SecurityProperties(int maxFailedAttempts, Duration lockoutDuration, int maxFailedPerAddress) {

    SecurityProperties {
        if (maxFailedAttempts <= 0) {
            maxFailedAttempts = 5;
        }
        if (lockoutDuration == null) {
            lockoutDuration = Duration.ofMinutes(15);
        }
        if (maxFailedPerAddress <= 0) {
            maxFailedPerAddress = 30;
        }
    }
}
