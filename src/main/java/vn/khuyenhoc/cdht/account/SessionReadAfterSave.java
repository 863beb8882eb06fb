package vn.khuyenhoc.cdht.account;

import jakarta.servlet.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The session repository that Spring Session's filter uses (issue 18): the library's table, less one read per request.
 * After every request the filter saves the session and then reads it back from the table by id, only to ask
 * whether the id the browser sent is still valid (Spring Session issue #1731, open): a second query, commit and
 * deserialisation per page, and the session it finds is the one just saved. That read is answered with the saved
 * session, read-only: the filter only asks its id and whether it expired, and marks its access time, which it never
 * saves. Every other read (the first of a request, the registry's, another node's) goes to the table. The memory of
 * the save lives on the request's thread between the save and the end of the request, cleared by a filter that
 * wraps the session filter, so no later request can be answered from it, and each save answers one read only.
 *
 * <p>Registered as an auto-configuration that runs after Spring Boot's JDBC session configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}): Spring Boot creates the table's repository only when the
 * application declares no session repository, so this one must be declared after it.
 */
@AutoConfiguration(after = JdbcSessionAutoConfiguration.class)
@ConditionalOnBean(JdbcIndexedSessionRepository.class)
class SessionReadAfterSave {

    private static final ThreadLocal<Session> SAVED_IN_THIS_REQUEST = new ThreadLocal<>();

    /** Primary for the session filter; the registry and the sessions endpoint keep asking the table itself. */
    @Bean
    @Primary
    @SuppressWarnings({"unchecked", "rawtypes"})
    SessionRepository<Session> sessionRepositoryForFilter(JdbcIndexedSessionRepository table) {
        return new Repository((SessionRepository) table);
    }

    @Bean
    FilterRegistrationBean<Filter> forgetSavedSessionAfterRequest() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            SAVED_IN_THIS_REQUEST.remove();
            try {
                chain.doFilter(request, response);
            } finally {
                SAVED_IN_THIS_REQUEST.remove();
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setName("forgetSavedSessionAfterRequest");
        return registration;
    }

    static final class Repository implements SessionRepository<Session> {

        private final SessionRepository<Session> table;

        Repository(SessionRepository<Session> table) {
            this.table = table;
        }

        @Override
        public Session createSession() {
            return table.createSession();
        }

        @Override
        public void save(Session session) {
            table.save(session);
            SAVED_IN_THIS_REQUEST.set(session);
        }

        @Override
        public Session findById(String id) {
            Session saved = SAVED_IN_THIS_REQUEST.get();
            if (saved != null && saved.getId().equals(id)) {
                SAVED_IN_THIS_REQUEST.remove();
                if (!saved.isExpired()) {
                    return new AsSaved(saved);
                }
            }
            return table.findById(id);
        }

        @Override
        public void deleteById(String id) {
            SAVED_IN_THIS_REQUEST.remove();
            table.deleteById(id);
        }
    }

    /** The session as just saved, for reading: changes made through it are dropped, as they were on the re-read copy. */
    private record AsSaved(Session saved) implements Session {

        @Override
        public String getId() {
            return saved.getId();
        }

        @Override
        public String changeSessionId() {
            throw new UnsupportedOperationException("read-only view of a saved session");
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return saved.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return saved.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            throw new UnsupportedOperationException("read-only view of a saved session");
        }

        @Override
        public void removeAttribute(String attributeName) {
            throw new UnsupportedOperationException("read-only view of a saved session");
        }

        @Override
        public Instant getCreationTime() {
            return saved.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // the filter marks the re-read copy as accessed and never saves it: nothing to keep
        }

        @Override
        public Instant getLastAccessedTime() {
            return saved.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            throw new UnsupportedOperationException("read-only view of a saved session");
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return saved.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return saved.isExpired();
        }
    }
}
