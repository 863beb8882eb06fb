package vn.khuyenhoc.cdht.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring Session's registry over the session table, with one shortcut (issue 18): Spring Security asks the registry
 * about the request's own session on every request (is it marked expired?), and the registry answered by reading
 * the session from the table again, right after the session filter had read it. That question is answered from the
 * session the request already holds; every other question (an account's sessions, ending them) goes to the table.
 */
final class StaffSessionRegistry implements SessionRegistry {

    /** The attribute with which SpringSessionBackedSessionInformation marks a session expired (package-private there). */
    static final String EXPIRED_ATTRIBUTE =
            "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";
    private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

    private final SpringSessionBackedSessionRegistry<? extends Session> table;

    <S extends Session> StaffSessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        this.table = new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        HttpSession current = currentSession();
        if (current == null || !current.getId().equals(sessionId)) {
            return table.getSessionInformation(sessionId);
        }
        Object context = current.getAttribute(SECURITY_CONTEXT);
        String principal = context instanceof SecurityContext c && c.getAuthentication() != null
                ? c.getAuthentication().getName() : "";
        SessionInformation information = new SessionInformation(principal, sessionId,
                new Date(current.getLastAccessedTime()));
        if (Boolean.TRUE.equals(current.getAttribute(EXPIRED_ATTRIBUTE))) {
            information.expireNow();
        }
        return information;
    }

    private static HttpSession currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getSession(false);
        }
        return null;
    }

    @Override
    public List<Object> getAllPrincipals() {
        return table.getAllPrincipals();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return table.getAllSessions(principal, includeExpiredSessions);
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        table.refreshLastRequest(sessionId);
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        table.registerNewSession(sessionId, principal);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        table.removeSessionInformation(sessionId);
    }
}
