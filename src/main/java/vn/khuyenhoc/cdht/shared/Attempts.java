package vn.khuyenhoc.cdht.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Throttling of failed attempts (staff login, citizen portal) with Bucket4j token buckets. Every failure takes a
 * token from the buckets of its keys; a key whose bucket is empty is refused until a token flows back, one per
 * {@code window / capacity}. That is a slow-down, never a wall: after a burst, one more try every few minutes, and
 * a key nobody failed on (another address, a valid link) is never touched. On PostgreSQL the buckets live in the
 * table {@code rate_limit_bucket} (advisory locks, so every node sees the same counts); on the embedded H2 demo
 * database they are kept in memory.
 */
@Component
public class Attempts {

    /** A budget of failures: {@code capacity} at once, then the tokens come back evenly over {@code window}. */
    public record Limit(int capacity, Duration window) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                    .build();
        }
    }

    private final ProxyManager<String> store;
    private static final int SWEEP_EVERY = 500;

    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    public Attempts(DataSource dataSource) {
        this.store = isPostgreSql(dataSource) ? Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(5)))
                .build() : null;
    }

    /** How long the key must still wait before it may fail again, if its budget is spent. */
    public Optional<Duration> blockedFor(String key, Limit limit) {
        EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The longest wait among the keys, if any is blocked. */
    public Optional<Duration> blockedFor(Map<String, Limit> keys) {
        return keys.entrySet().stream().map(e -> blockedFor(e.getKey(), e.getValue()))
                .flatMap(Optional::stream).max(Duration::compareTo);
    }

    /** One failure on the key; true when this spent its last token (the key is now slowed down). */
    public boolean fail(String key, Limit limit) {
        if (failures.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        Bucket bucket = bucket(key, limit);
        bucket.tryConsume(1);
        return bucket.getAvailableTokens() <= 0;
    }

    /** A success forgets the key's failures. */
    public void clear(String key) {
        if (store == null) {
            local.remove(key);
        } else {
            store.removeProxy(key);
        }
    }

    /** Sweeps buckets that have refilled completely (they hold no information any more). */
    void sweep() {
        if (store instanceof PostgreSQLadvisoryLockBasedProxyManager<String> cleaner) {
            while (cleaner.removeExpired(1000) > 0) {
                // keep going until a batch comes back short
            }
        } else if (local.size() > 100_000) {
            local.clear();
        }
    }

    private Bucket bucket(String key, Limit limit) {
        if (store == null) {
            return local.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit.configuration().getBandwidths()[0])
                    .build());
        }
        return store.getProxy(key, limit::configuration);
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the throttling should use", e);
        }
    }
}
