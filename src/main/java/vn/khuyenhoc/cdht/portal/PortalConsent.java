package vn.khuyenhoc.cdht.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.khuyenhoc.cdht.assessment.SelfAssessmentConsent;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The consent rule of the portal, and its published API. A citizen may open or post their self-assessment only
 * while their latest word is a consent to the notice version in force: none yet, consent to an older version (an
 * administrator published a new one) or a withdrawal sends them to the notice first ({@link ConsentRequired}).
 * Every consent and every withdrawal is a row of its own (notice version, time, channel): the log is the record of
 * lawful processing, exported with the citizen's data and kept by erasure. A citizen who withdrew may consent again.
 *
 * <p>The workflow asks this module through the assessment module's {@link SelfAssessmentConsent} port, which this
 * class implements: the portal owns the rule because the notice, the consent and the self-assessment it governs all
 * live on the portal, and the portal already depends on the assessment module (the privacy module depends on the
 * portal, so it could not be asked from here).
 */
@Service
@Transactional
public class PortalConsent implements SelfAssessmentConsent {

    /** How consent is given today: on the portal, by the signed-in citizen. */
    static final String CHANNEL = "PORTAL";

    private final NamedParameterJdbcTemplate jdbc;
    private final PrivacyNotices notices;
    private final AuditLog audit;

    PortalConsent(NamedParameterJdbcTemplate jdbc, PrivacyNotices notices, AuditLog audit) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.audit = audit;
    }

    /**
     * Where a citizen stands: the notice version in force; the version they consented to and when (null unless
     * their latest word is a consent); when they withdrew (null unless their latest word is a withdrawal).
     */
    public record ConsentState(int currentVersion, Integer consentedVersion, Instant consentedAt,
            Instant withdrawnAt) {

        /** Consent to the version in force: the portal's form is open. */
        public boolean current() {
            return consentedVersion != null && consentedVersion == currentVersion;
        }

        public boolean withdrawn() {
            return withdrawnAt != null;
        }

        /** Consented once, to a version no longer in force. */
        public boolean outdated() {
            return consentedVersion != null && consentedVersion != currentVersion;
        }

        public String consentedAtText() {
            return Times.format(consentedAt);
        }

        public String withdrawnAtText() {
            return Times.format(withdrawnAt);
        }
    }

    @Transactional(readOnly = true)
    public ConsentState state(long citizenId) {
        int current = notices.currentVersion();
        List<Map<String, Object>> latest = latest(citizenId);
        if (latest.isEmpty()) {
            return new ConsentState(current, null, null, null);
        }
        Map<String, Object> row = latest.get(0);
        Instant at = Times.instant(row.get("recorded_at"));
        if ("WITHDRAWN".equals(row.get("kind"))) {
            return new ConsentState(current, null, null, at);
        }
        return new ConsentState(current, ((Number) row.get("notice_version")).intValue(), at, null);
    }

    /** Whether the citizen may open or post their self-assessment now. */
    @Transactional(readOnly = true)
    public boolean hasCurrentConsent(long citizenId) {
        return state(citizenId).current();
    }

    /**
     * The citizen consents to the notice version they read. A version no longer in force is refused (the page
     * shows the new one); consenting again to the version already consented to records nothing new.
     */
    void give(long citizenId, Integer readVersion) {
        ConsentState state = state(citizenId);
        if (readVersion == null || readVersion != state.currentVersion()) {
            throw new BusinessRuleException("portal.consent.newerNotice");
        }
        if (state.current()) {
            return;
        }
        record(citizenId, state.currentVersion(), "GIVEN");
    }

    /** The citizen withdraws: their self-assessment is no longer accepted or processed until they consent again. */
    void withdraw(long citizenId) {
        ConsentState state = state(citizenId);
        if (state.consentedVersion() == null) {
            throw new BusinessRuleException("portal.consent.nothingToWithdraw");
        }
        record(citizenId, state.consentedVersion(), "WITHDRAWN");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> withdrawnAt(long citizenId) {
        return Optional.ofNullable(state(citizenId).withdrawnAt());
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> withdrawnAmong(Collection<Long> citizenIds) {
        if (citizenIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select c.citizen_id from portal_consent c "
                + "where c.citizen_id in (:ids) and c.kind = 'WITHDRAWN' "
                + "and c.id = (select max(l.id) from portal_consent l where l.citizen_id = c.citizen_id)",
                Map.of("ids", citizenIds), Long.class));
    }

    private List<Map<String, Object>> latest(long citizenId) {
        return jdbc.queryForList("select kind, notice_version, recorded_at from portal_consent "
                + "where citizen_id = :citizen order by id desc limit 1", Map.of("citizen", citizenId));
    }

    private void record(long citizenId, int version, String kind) {
        long id = jdbc.queryForObject("select nextval('portal_consent_seq')", Map.of(), Long.class);
        jdbc.update("insert into portal_consent (id, citizen_id, notice_version, kind, channel, recorded_at) "
                + "values (:id, :citizen, :version, :kind, :channel, :now)", Map.of("id", id, "citizen", citizenId,
                        "version", version, "kind", kind, "channel", CHANNEL, "now", Timestamp.from(Instant.now())));
        audit.record(SelfActor.of(citizenId), "GIVEN".equals(kind) ? "PORTAL_CONSENT_GIVEN"
                : "PORTAL_CONSENT_WITHDRAWN", CitizenAccess.AUDIT_TYPE, citizenId, null,
                "notice=" + version + " channel=" + CHANNEL, null);
    }
}
