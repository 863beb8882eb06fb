package vn.khuyenhoc.cdht.portal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed attempts per key (a client address, an invitation, a reference) in the database, so that the count
 * holds across restarts and instances and stays bounded (one row per key that failed recently). A key that
 * reaches its limit within the window is locked for the lockout duration; while locked, even the right answer is
 * refused. Failures are written in their own transaction: a refused attempt is counted whatever happens next.
 */
@Component
class Throttle {

    private final NamedParameterJdbcTemplate jdbc;
    private final PortalProperties properties;

    Throttle(NamedParameterJdbcTemplate jdbc, PortalProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    static String ip(String address) {
        return "ip:" + (address == null ? "?" : address);
    }

    static String invitation(long id) {
        return "inv:" + id;
    }

    static String reference(String reference) {
        return "ref:" + reference;
    }

    /** How long the longest lock among the keys still lasts, if any is locked. */
    @Transactional(readOnly = true)
    public Optional<Duration> lockedFor(String... keys) {
        Instant now = Instant.now();
        List<Timestamp> until = jdbc.queryForList("select locked_until from portal_throttle "
                + "where throttle_key in (:keys) and locked_until is not null", Map.of("keys", List.of(keys)),
                Timestamp.class);
        return until.stream().map(Timestamp::toInstant).filter(now::isBefore).max(Instant::compareTo)
                .map(u -> Duration.between(now, u));
    }

    /** One more failure for the key; locks it when it reaches the limit inside the window. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void fail(String key, int limit) {
        Instant now = Instant.now();
        Duration window = properties.lockoutDuration();
        List<Map<String, Object>> rows = jdbc.queryForList("select failures, window_start from portal_throttle "
                + "where throttle_key = :key for update", Map.of("key", key));
        if (rows.isEmpty()) {
            try {
                if (limit <= 1) {
                    jdbc.update("insert into portal_throttle (throttle_key, failures, window_start, locked_until) "
                            + "values (:key, 0, :now, :locked)", params(key, now, now.plus(window)));
                } else {
                    jdbc.update("insert into portal_throttle (throttle_key, failures, window_start) "
                            + "values (:key, 1, :now)", params(key, now, null));
                }
                return;
            } catch (DuplicateKeyException e) {
                // another request inserted it first: count on its row
                rows = jdbc.queryForList("select failures, window_start from portal_throttle "
                        + "where throttle_key = :key for update", Map.of("key", key));
            }
        }
        int failures = ((Number) rows.get(0).get("failures")).intValue();
        Instant start = Times.instant(rows.get(0).get("window_start"));
        if (start.plus(window).isBefore(now)) {
            failures = 0;
            start = now;
        }
        failures++;
        Instant locked = null;
        if (failures >= limit) {
            locked = now.plus(window);
            failures = 0;
            start = now;
        }
        var params = params(key, start, locked);
        params.put("failures", failures);
        jdbc.update("update portal_throttle set failures = :failures, window_start = :now"
                + (locked == null ? "" : ", locked_until = :locked") + " where throttle_key = :key", params);
    }

    /** A success forgets the key's failures. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String key) {
        jdbc.update("delete from portal_throttle where throttle_key = :key and (locked_until is null "
                + "or locked_until < :now)", Map.of("key", key, "now", Timestamp.from(Instant.now())));
    }

    private static java.util.HashMap<String, Object> params(String key, Instant now, Instant locked) {
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("key", key);
        params.put("now", Timestamp.from(now));
        params.put("locked", locked == null ? null : Timestamp.from(locked));
        return params;
    }
}
