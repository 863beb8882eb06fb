package vn.khuyenhoc.cdht.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The citizen portal's settings.
 *
 * @param invitationValidity how long an invitation code can be used (default 30 days)
 * @param magicLinkValidity  how long a citizen's bookmarkable sign-in link works (default 180 days)
 * @param sessionIdleTimeout a citizen session ends after this long without a request (default 30 minutes)
 * @param sessionMaxAge      and in any case this long after it began (default 12 hours)
 * @param maxFailedAttempts  wrong tries of one invitation or one reference before it is locked (default 5)
 * @param maxFailedPerIp     wrong tries from one client address before it is locked (default 20)
 * @param lockoutDuration    how long a lock lasts, and the window failures are counted in (default 15 minutes)
 * @param baseUrl            the address printed in links and QR codes, e.g. https://cdht.example.vn; empty: the
 *                           address of the staff request that issues the invitations
 */
@ConfigurationProperties("cdht.portal")
record PortalProperties(Duration invitationValidity, Duration magicLinkValidity, Duration sessionIdleTimeout,
        Duration sessionMaxAge, int maxFailedAttempts, int maxFailedPerIp, Duration lockoutDuration,
        String baseUrl) {

    PortalProperties {
        invitationValidity = invitationValidity == null ? Duration.ofDays(30) : invitationValidity;
        magicLinkValidity = magicLinkValidity == null ? Duration.ofDays(180) : magicLinkValidity;
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
        sessionMaxAge = sessionMaxAge == null ? Duration.ofHours(12) : sessionMaxAge;
        maxFailedAttempts = maxFailedAttempts <= 0 ? 5 : maxFailedAttempts;
        maxFailedPerIp = maxFailedPerIp <= 0 ? 20 : maxFailedPerIp;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        baseUrl = baseUrl == null ? "" : baseUrl.trim().replaceAll("/+$", "");
    }
}
