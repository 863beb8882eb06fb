package vn.khuyenhoc.cdht.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * The portal's privacy notice (what is processed, why, for how long, by whom), versioned: an administrator's save
 * publishes a new version (number, text, who, when) and the earlier ones stay, unchanged, since each consent names
 * the version the citizen read. Only administrators publish or read the history; the current text is public to the
 * signed-in citizen.
 */
@Service
@Transactional
class PrivacyNotices {

    static final String AUDIT_TYPE = "PORTAL_NOTICE";
    /** The longest text, as for any field ({@code system.InputHygiene}). */
    static final int MAX_LENGTH = 5000;

    private static final RowMapper<Notice> NOTICE = (rs, n) -> new Notice(rs.getInt("version_no"),
            rs.getString("body"), Times.instant(rs.getObject("published_at")),
            rs.getString("published_by"));

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;

    PrivacyNotices(NamedParameterJdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One published version of the notice. */
    public record Notice(int version, String body, Instant publishedAt, String publishedBy) {

        /** When, as the pages show it (Vietnam's time). */
        public String published() {
            return Times.format(publishedAt);
        }
    }

    /** The version in force: the latest. */
    @Transactional(readOnly = true)
    Notice current() {
        return jdbc.query("select version_no, body, published_at, published_by from portal_notice "
                + "order by version_no desc limit 1", Map.of(), NOTICE).get(0);
    }

    @Transactional(readOnly = true)
    int currentVersion() {
        return jdbc.queryForObject("select max(version_no) from portal_notice", Map.of(), Integer.class);
    }

    /** Every version, newest first (administrators only). */
    @Transactional(readOnly = true)
    List<Notice> history(CurrentUser user) {
        requireAdmin(user);
        return jdbc.query("select version_no, body, published_at, published_by from portal_notice "
                + "order by version_no desc", Map.of(), NOTICE);
    }

    /** One version as it was published (administrators only). */
    @Transactional(readOnly = true)
    Optional<Notice> version(CurrentUser user, int version) {
        requireAdmin(user);
        return jdbc.query("select version_no, body, published_at, published_by from portal_notice "
                + "where version_no = :version", Map.of("version", version), NOTICE).stream().findFirst();
    }

    /**
     * Publishes the text as a new version. basedOn: the version the administrator edited; another administrator's
     * newer version is never overwritten silently. Returns the new version's number.
     */
    int publish(CurrentUser user, String body, Integer basedOn) {
        requireAdmin(user);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw BusinessRuleException.onField("body", "portal.notice.bodyRequired");
        }
        if (text.length() > MAX_LENGTH) {
            throw BusinessRuleException.onField("body", "portal.notice.tooLong", MAX_LENGTH);
        }
        Notice current = current();
        if (basedOn == null || basedOn != current.version()) {
            throw BusinessRuleException.onField("body", "portal.notice.stale", current.version());
        }
        if (text.equals(current.body())) {
            throw BusinessRuleException.onField("body", "portal.notice.unchanged");
        }
        int version = current.version() + 1;
        try {
            jdbc.update("insert into portal_notice (version_no, body, published_at, published_by) "
                    + "values (:version, :body, :now, :by)", Map.of("version", version, "body", text,
                            "now", Timestamp.from(Instant.now()), "by", user.username()));
        } catch (DuplicateKeyException e) {
            // another administrator published the same number a moment ago
            throw BusinessRuleException.onField("body", "portal.notice.stale", version);
        }
        audit.record(user.username(), "PORTAL_NOTICE_PUBLISHED", AUDIT_TYPE, (long) version, null,
                "version=" + version + " length=" + text.length(), null);
        return version;
    }

    static void requireAdmin(CurrentUser user) {
        if (user == null || user.role() != Role.ADMIN) {
            throw new OutOfScopeException((user == null ? "?" : user.username())
                    + " may not manage the portal's privacy notice");
        }
    }
}
