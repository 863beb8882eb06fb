package vn.khuyenhoc.cdht.portal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.shared.Attempts;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * How a citizen gets in without a username: the first time with the invitation code and their birth year (the code
 * then counts as used), later with a bookmarkable magic link or with the short reference printed on their slip and
 * a PIN they chose. Every refusal says why in Vietnamese; wrong answers are counted per client address and per
 * invitation or reference ({@link Attempts}, token buckets: a few tries, then one every few minutes). A spent
 * invitation or reference is refused even with the right answer until a token comes back; a spent address only
 * stops invitation codes and wrong links, never a valid magic link or a correct PIN.
 */
@Service
@Transactional
class CitizenAccess {

    static final String AUDIT_TYPE = "PORTAL_ACCESS";

    private final NamedParameterJdbcTemplate jdbc;
    private final Attempts throttle;
    private final CitizenSessions sessions;
    private final PasswordEncoder encoder;
    private final PortalProperties properties;
    private final Citizens citizens;
    private final AuditLog audit;

    CitizenAccess(NamedParameterJdbcTemplate jdbc, Attempts throttle, CitizenSessions sessions,
            PasswordEncoder encoder, PortalProperties properties, Citizens citizens, AuditLog audit) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.sessions = sessions;
        this.encoder = encoder;
        this.properties = properties;
        this.citizens = citizens;
        this.audit = audit;
    }

    /** A signed-in citizen: the session token for the cookie, and a new magic link when one was just made. */
    record Entry(long citizenId, String sessionToken, String magicToken) {
    }

    /** What the citizen's own account page shows. */
    public record Overview(long citizenId, String fullName, String reference, Integer year, boolean hasPin,
            Instant magicExpiresAt) {
    }

    /**
     * First access: the invitation code and the citizen's birth year. Success uses the invitation up, makes a magic
     * link and opens a session.
     */
    Entry prove(String typedCode, Integer birthYear, String clientAddress) {
        String ipKey = ipKey(clientAddress);
        requireUnlocked(Map.of(ipKey, perAddress()));
        String code = Secrets.normalize(typedCode);
        if (code == null) {
            throw BusinessRuleException.onField("code", "portal.proof.codeRequired");
        }
        if (birthYear == null) {
            throw BusinessRuleException.onField("birthYear", "portal.proof.birthYearRequired");
        }
        if (!Secrets.wellFormed(code, Secrets.CODE_LENGTH)) {
            throw refuse("code", "portal.proof.invalid", ipKey);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select i.id, i.citizen_id, i.status, i.expires_at, "
                + "i.assessment_year, c.birth_year from portal_invitation i "
                + "join citizen_register c on c.id = i.citizen_id "
                + "where i.code_hash = :hash", Map.of("hash", Secrets.hash(code)));
        if (rows.isEmpty()) {
            throw refuse("code", "portal.proof.invalid", ipKey);
        }
        Map<String, Object> row = rows.get(0);
        long invitationId = ((Number) row.get("id")).longValue();
        long citizenId = ((Number) row.get("citizen_id")).longValue();
        String invitationKey = "portal:inv:" + invitationId;
        requireUnlocked(Map.of(invitationKey, perSecret()));
        String status = (String) row.get("status");
        if ("REVOKED".equals(status)) {
            throw refuse("code", "portal.proof.revoked", ipKey);
        }
        if ("USED".equals(status)) {
            throw refuse("code", "portal.proof.used", ipKey);
        }
        if (!Instant.now().isBefore(Times.instant(row.get("expires_at")))) {
            throw refuse("code", "portal.proof.expired", ipKey);
        }
        if (((Number) row.get("birth_year")).intValue() != birthYear) {
            throttle.fail(invitationKey, perSecret());
            throw refuse("code", "portal.proof.invalid", ipKey);
        }
        Instant now = Instant.now();
        int used = jdbc.update("update portal_invitation set status = 'USED', used_at = :now "
                + "where id = :id and status = 'OPEN'", Map.of("now", Timestamp.from(now), "id", invitationId));
        if (used == 0) {
            // someone used it in the same moment
            throw refuse("code", "portal.proof.used", ipKey);
        }
        int year = ((Number) row.get("assessment_year")).intValue();
        String reference = ensureAccess(citizenId);
        String magic = Secrets.token();
        jdbc.update("update portal_access set assessment_year = :year, magic_hash = :magic, "
                + "magic_expires_at = :magicEnd, activated_at = coalesce(activated_at, :now), updated_at = :now "
                + "where citizen_id = :citizen", Map.of("year", year, "magic", Secrets.hash(magic), "magicEnd",
                        Timestamp.from(now.plus(properties.magicLinkValidity())), "now", Timestamp.from(now),
                        "citizen", citizenId));
        throttle.clear(invitationKey);
        audit.record(SelfActor.of(citizenId), "PORTAL_INVITATION_USED", Invitations.AUDIT_TYPE, invitationId,
                unitOf(invitationId), "citizen=" + citizenId + " year=" + year + " reference=" + reference, null);
        return new Entry(citizenId, sessions.open(citizenId), magic);
    }

    /** Returning: the reference from the slip and the PIN the citizen chose. */
    Entry signInWithPin(String typedReference, String pin, String clientAddress) {
        // no gate on the address: a correct PIN is never refused for other people's failures from a shared
        // address (carrier NAT); each reference has its own backoff instead
        String ipKey = ipKey(clientAddress);
        String reference = Secrets.normalize(typedReference);
        if (reference == null) {
            throw BusinessRuleException.onField("reference", "portal.pin.referenceRequired");
        }
        if (pin == null || pin.isBlank()) {
            throw BusinessRuleException.onField("pin", "portal.pin.required");
        }
        if (!Secrets.wellFormed(reference, Secrets.REFERENCE_LENGTH)) {
            throw refuse("pin", "portal.pin.invalid", ipKey);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select citizen_id, pin_hash from portal_access "
                + "where reference = :reference", Map.of("reference", reference));
        if (rows.isEmpty()) {
            throw refuse("pin", "portal.pin.invalid", ipKey);
        }
        String referenceKey = "portal:ref:" + reference;
        requireUnlocked(Map.of(referenceKey, perSecret()));
        String hash = (String) rows.get(0).get("pin_hash");
        if (hash == null || !encoder.matches(pin.trim(), hash)) {
            throttle.fail(referenceKey, perSecret());
            throw refuse("pin", "portal.pin.invalid", ipKey);
        }
        throttle.clear(referenceKey);
        long citizenId = ((Number) rows.get(0).get("citizen_id")).longValue();
        return new Entry(citizenId, sessions.open(citizenId), null);
    }

    /** Returning: the bookmarked link. */
    Entry signInWithMagicLink(String token, String clientAddress) {
        // a valid link always works (a 256-bit secret is not guessable); only wrong links meet the address's budget
        String ipKey = ipKey(clientAddress);
        if (token == null || token.length() < 20 || token.length() > 100) {
            requireUnlocked(Map.of(ipKey, perAddress()));
            throw refuse(null, "portal.magic.invalid", ipKey);
        }
        List<Long> ids = jdbc.queryForList("select citizen_id from portal_access where magic_hash = :hash "
                + "and magic_expires_at > :now", Map.of("hash", Secrets.hash(token), "now",
                        Timestamp.from(Instant.now())), Long.class);
        if (ids.isEmpty()) {
            requireUnlocked(Map.of(ipKey, perAddress()));
            throw refuse(null, "portal.magic.invalid", ipKey);
        }
        return new Entry(ids.get(0), sessions.open(ids.get(0)), null);
    }

    /** The citizen sets or changes their PIN: 4 to 6 digits, typed twice. */
    void setPin(long citizenId, String pin, String confirmation) {
        String value = pin == null ? "" : pin.trim();
        if (!value.matches("\\d{4,6}")) {
            throw BusinessRuleException.onField("pin", "portal.pin.format");
        }
        if (value.chars().distinct().count() == 1) {
            throw BusinessRuleException.onField("pin", "portal.pin.tooSimple");
        }
        if (!value.equals(confirmation == null ? "" : confirmation.trim())) {
            throw BusinessRuleException.onField("confirmation", "portal.pin.mismatch");
        }
        jdbc.update("update portal_access set pin_hash = :hash, updated_at = :now where citizen_id = :citizen",
                Map.of("hash", encoder.encode(value), "now", Timestamp.from(Instant.now()), "citizen", citizenId));
        audit.record(SelfActor.of(citizenId), "PORTAL_PIN_SET", AUDIT_TYPE, citizenId, null, "PIN set", null);
    }

    /** A new magic link; the previous one stops working. Returns the token (shown once). */
    String renewMagicLink(long citizenId) {
        String magic = Secrets.token();
        Instant now = Instant.now();
        jdbc.update("update portal_access set magic_hash = :magic, magic_expires_at = :end, updated_at = :now "
                + "where citizen_id = :citizen", Map.of("magic", Secrets.hash(magic), "end",
                        Timestamp.from(now.plus(properties.magicLinkValidity())), "now", Timestamp.from(now),
                        "citizen", citizenId));
        return magic;
    }

    @Transactional(readOnly = true)
    Overview overview(long citizenId) {
        Map<String, Object> row = jdbc.queryForMap("select reference, assessment_year, pin_hash, magic_expires_at "
                + "from portal_access where citizen_id = :citizen", Map.of("citizen", citizenId));
        String name = citizens.find(citizenId).map(CitizenSummary::fullName).orElse("");
        Instant magic = Times.instant(row.get("magic_expires_at"));
        Number year = (Number) row.get("assessment_year");
        return new Overview(citizenId, name, (String) row.get("reference"), year == null ? null : year.intValue(),
                row.get("pin_hash") != null, magic);
    }

    /** The citizen's reference, creating their access row (without PIN or link) on the first invitation. */
    String ensureAccess(long citizenId) {
        List<String> existing = jdbc.queryForList("select reference from portal_access where citizen_id = :citizen",
                Map.of("citizen", citizenId), String.class);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        String reference = Secrets.reference();
        while (jdbc.queryForObject("select count(*) from portal_access where reference = :reference",
                Map.of("reference", reference), Integer.class) > 0) {
            reference = Secrets.reference();
        }
        jdbc.update("insert into portal_access (citizen_id, reference, created_at, updated_at) "
                + "values (:citizen, :reference, :now, :now)", Map.of("citizen", citizenId, "reference", reference,
                        "now", Timestamp.from(Instant.now())));
        return reference;
    }

    private Long unitOf(long invitationId) {
        return jdbc.queryForObject("select unit_id from portal_invitation where id = :id", Map.of("id", invitationId),
                Long.class);
    }

    private void requireUnlocked(Map<String, Attempts.Limit> keys) {
        Optional<Duration> locked = throttle.blockedFor(keys);
        if (locked.isPresent()) {
            throw new BusinessRuleException("portal.throttled", minutes(locked.get()));
        }
    }

    private BusinessRuleException refuse(String field, String messageKey, String ipKey) {
        throttle.fail(ipKey, perAddress());
        return field == null ? new BusinessRuleException(messageKey) : BusinessRuleException.onField(field, messageKey);
    }

    private static String ipKey(String address) {
        return "portal:ip:" + (address == null ? "?" : address);
    }

    /** Wrong answers for one invitation or reference: a few at once, then one more every few minutes. */
    private Attempts.Limit perSecret() {
        return new Attempts.Limit(properties.maxFailedAttempts(), properties.lockoutDuration());
    }

    private Attempts.Limit perAddress() {
        return new Attempts.Limit(properties.maxFailedPerIp(), properties.lockoutDuration());
    }

    static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }
}
