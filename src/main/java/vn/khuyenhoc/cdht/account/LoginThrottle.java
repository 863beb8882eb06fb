package vn.khuyenhoc.cdht.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.Attempts;

/**
 * Slows down password guessing without letting anyone lock an account. Failures are counted per typed username
 * and client address, and per client address ({@link Attempts}); when either budget is spent, sign-in attempts from
 * that address (for that name) are answered "wait a few minutes" until a token flows back. The owner, signing in
 * from an address that has not failed, is never affected by a stranger hammering their name from elsewhere. The
 * answer never depends on whether the username exists: the key is the typed text, and every failure says "bad".
 */
@Component
class LoginThrottle {

    static final String AUDIT_TYPE = "LOGIN";

    private final Attempts attempts;
    private final SecurityProperties properties;
    private final AuditLog audit;

    LoginThrottle(Attempts attempts, SecurityProperties properties, AuditLog audit) {
        this.attempts = attempts;
        this.properties = properties;
        this.audit = audit;
    }

    /** Runs before the login filter: a POST /login from a throttled name+address or address is not even tried. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String address = request.getRemoteAddr();
                if (attempts.blockedFor(keys(request.getParameter("username"), address)).isPresent()) {
                    response.sendRedirect(request.getContextPath() + "/login?error=throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Every failure gets the same answer, whether the name exists, is disabled or the password is wrong. */
    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String username = typed(request.getParameter("username"));
            String address = request.getRemoteAddr();
            boolean slowed = false;
            for (Map.Entry<String, Attempts.Limit> key : keys(username, address).entrySet()) {
                slowed |= attempts.fail(key.getKey(), key.getValue());
            }
            audit.recordStandalone(username, slowed ? "LOGIN_THROTTLED" : "LOGIN_FAILED", AUDIT_TYPE, null,
                    "address=" + address);
            response.sendRedirect(request.getContextPath() + "/login?error=bad");
        };
    }

    /** The owner's success forgets the failures of their name from this address (not the address's own budget). */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            attempts.clear(userKey(typed(event.getAuthentication().getName()), details.getRemoteAddress()));
        }
    }

    private Map<String, Attempts.Limit> keys(String username, String address) {
        Map<String, Attempts.Limit> keys = new LinkedHashMap<>();
        keys.put(userKey(typed(username), address),
                new Attempts.Limit(properties.maxFailedAttempts(), properties.lockoutDuration()));
        keys.put("login:ip:" + address,
                new Attempts.Limit(properties.maxFailedPerAddress(), properties.lockoutDuration()));
        return keys;
    }

    private static String userKey(String username, String address) {
        return "login:user:" + username + "|" + address;
    }

    /** The typed name as a key and audit actor: trimmed, lower case, bounded. */
    private static String typed(String username) {
        String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return value.length() > 100 ? value.substring(0, 100) : value;
    }
}
