package vn.khuyenhoc.cdht.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import vn.khuyenhoc.cdht.shared.PostgresDatabase;

/**
 * Staff sessions in PostgreSQL (Spring Session JDBC, configured by Spring Boot), with the access time written at most
 * once a minute (issue 18). The library updates the session row on every request because its last-access time
 * moved: a row version, and a commit that waits for the disk, per page served. On PostgreSQL its update statement is
 * replaced by the same update that skips the row when nothing but the access time changed, by less than a minute; a
 * skipped row is neither written nor locked, so the commit waits for nothing. The cost: the 30-minute idle timeout is
 * counted from an access time up to a minute old. The parameters keep the library's order (session id, access time,
 * idle interval, expiry, principal, row key). The embedded H2 database of the demo keeps the library's statement.
 *
 * <p>On both databases, an attribute that two requests of the same session add at the same time (a double click, two
 * tabs: both read the session without it, both insert it) no longer fails the second request with a duplicate key
 * (a 500 page): the insert replaces the row another request has just written, as the library's update would have.
 */
@Configuration(proxyBeanMethods = false)
class StaffSessionStore {

    static final long ACCESS_TIME_PRECISION_MILLIS = 60_000;

    static final String UPDATE_WHEN_CHANGED = """
            UPDATE %TABLE_NAME% s
            SET SESSION_ID = n.sid, LAST_ACCESS_TIME = n.lat, MAX_INACTIVE_INTERVAL = n.mii, EXPIRY_TIME = n.exp,
                PRINCIPAL_NAME = n.pn
            FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT),
                          CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36)))) AS n(sid, lat, mii, exp, pn, pid)
            WHERE s.PRIMARY_ID = n.pid
              AND (s.SESSION_ID <> n.sid OR s.MAX_INACTIVE_INTERVAL <> n.mii OR s.PRINCIPAL_NAME IS DISTINCT FROM n.pn
                   OR n.lat < s.LAST_ACCESS_TIME OR n.lat - s.LAST_ACCESS_TIME >= """ + ACCESS_TIME_PRECISION_MILLIS + ")";

    static final String INSERT_OR_REPLACE_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""";

    /** The same on the embedded H2 database of the demo, in its own words. */
    static final String MERGE_ATTRIBUTE_H2 = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> accessTimeOncePerMinute(PostgresDatabase database) {
        return repository -> {
            if (database.isPostgres()) {
                repository.setUpdateSessionQuery(UPDATE_WHEN_CHANGED);
                repository.setCreateSessionAttributeQuery(INSERT_OR_REPLACE_ATTRIBUTE);
            } else {
                repository.setCreateSessionAttributeQuery(MERGE_ATTRIBUTE_H2);
            }
        };
    }
}
