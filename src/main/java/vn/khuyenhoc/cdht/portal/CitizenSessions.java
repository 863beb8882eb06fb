package vn.khuyenhoc.cdht.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizen sessions, kept apart from staff sessions (no HttpSession, no Spring Security context): the cookie holds a
 * random token, the table its SHA-256 with the citizen, the last request and an absolute end. A session ends after
 * the idle timeout or the maximum age, or when the citizen signs out.
 */
@Component
@Transactional
class CitizenSessions {

    /** Touching the row on every request would write on every page; once a minute is enough for a 30-minute idle. */
    private static final long TOUCH_AFTER_SECONDS = 60;

    private final NamedParameterJdbcTemplate jdbc;
    private final PortalProperties properties;

    CitizenSessions(NamedParameterJdbcTemplate jdbc, PortalProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A new session for the citizen; returns the token for the cookie (only its hash is stored). */
    String open(long citizenId) {
        Instant now = Instant.now();
        String token = Secrets.token();
        jdbc.update("insert into portal_session (token_hash, citizen_id, created_at, last_seen_at, expires_at) "
                + "values (:hash, :citizen, :now, :now, :end)", Map.of("hash", Secrets.hash(token), "citizen",
                        citizenId, "now", Timestamp.from(now), "end",
                        Timestamp.from(now.plus(properties.sessionMaxAge()))));
        return token;
    }

    /** Removes sessions past their maximum age or idle too long (the scheduled clean-up); returns how many. */
    int purgeEnded() {
        Instant now = Instant.now();
        return jdbc.update("delete from portal_session where expires_at < :now or last_seen_at < :idle",
                Map.of("now", Timestamp.from(now), "idle",
                        Timestamp.from(now.minus(properties.sessionIdleTimeout()))));
    }

    /** The citizen of a live session, touching it; empty for an unknown, idle or expired token. */
    Optional<Long> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        List<Map<String, Object>> rows = jdbc.queryForList("select citizen_id, last_seen_at, expires_at "
                + "from portal_session where token_hash = :hash", Map.of("hash", hash));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Instant lastSeen = Times.instant(rows.get(0).get("last_seen_at"));
        Instant end = Times.instant(rows.get(0).get("expires_at"));
        if (!now.isBefore(end) || !now.isBefore(lastSeen.plus(properties.sessionIdleTimeout()))) {
            jdbc.update("delete from portal_session where token_hash = :hash", Map.of("hash", hash));
            return Optional.empty();
        }
        if (lastSeen.plusSeconds(TOUCH_AFTER_SECONDS).isBefore(now)) {
            jdbc.update("update portal_session set last_seen_at = :now where token_hash = :hash",
                    Map.of("now", Timestamp.from(now), "hash", hash));
        }
        return Optional.of(((Number) rows.get(0).get("citizen_id")).longValue());
    }

    void close(String token) {
        if (token != null && !token.isBlank()) {
            jdbc.update("delete from portal_session where token_hash = :hash", Map.of("hash", Secrets.hash(token)));
        }
    }
}
