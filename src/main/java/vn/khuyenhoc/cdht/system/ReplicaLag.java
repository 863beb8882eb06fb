package vn.khuyenhoc.cdht.system;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells a page served from the replica how stale it may be: the layout shows "replicaLagSeconds" when the replica
 * is more than {@code cdht.datasource.replica.max-lag} behind. Asked at most every five seconds; a replica that does
 * not answer counts as lagging by an unknown amount (-1).
 */
class ReplicaLag {

    private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);
    private static final long ASK_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final JdbcTemplate replica;
    private final Duration maxLag;
    private volatile long askedAt;
    private volatile Long lastLag;

    ReplicaLag(JdbcTemplate replica, Duration maxLag) {
        this.replica = replica;
        this.maxLag = maxLag;
    }

    /** Seconds behind the primary now (0: all received WAL replayed, or not a standby at all), -1 when unknown. */
    long seconds() {
        long now = System.nanoTime();
        Long cached = lastLag;
        if (cached != null && now - askedAt < ASK_EVERY_NANOS) {
            return cached;
        }
        long lag;
        try {
            List<Long> rows = replica.queryForList("""
                    select case when not pg_is_in_recovery() then 0
                                when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                                else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp())::bigint, 0)
                           end""", Long.class);
            lag = rows.isEmpty() || rows.get(0) == null ? 0 : rows.get(0);
        } catch (RuntimeException e) {
            log.warn("replica lag unknown: {}", e.toString());
            lag = -1;
        }
        lastLag = lag;
        askedAt = now;
        return lag;
    }

    /** What the page shows: the lag when it is beyond the setting or unknown, else nothing. */
    Long lagShown() {
        long lag = seconds();
        return lag < 0 || lag > maxLag.toSeconds() ? lag : null;
    }
}
