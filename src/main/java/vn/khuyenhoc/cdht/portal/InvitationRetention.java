package vn.khuyenhoc.cdht.portal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Retention of invitations never used: open ones that expired before the cut-off are deleted. */
@Service
public class InvitationRetention {

    private final JdbcTemplate jdbc;

    InvitationRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the unused invitations that expired before the instant; returns how many. */
    @Transactional
    public int purgeExpiredBefore(Instant cutoff) {
        return jdbc.update("delete from portal_invitation where status = 'OPEN' and used_at is null "
                + "and expires_at < ?", Timestamp.from(cutoff));
    }
}
