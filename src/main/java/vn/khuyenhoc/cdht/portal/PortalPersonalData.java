package vn.khuyenhoc.cdht.portal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder;

/**
 * The citizen's portal records for the privacy module: invitations, their access, their sign-ins (sessions) and
 * their consents and withdrawals (with the notice version, time and channel), without the hashes of codes, PINs and
 * tokens. Erasure ends portal access: every session, the access row and the invitations go. The consent log stays:
 * it is the record that processing was lawful, and it names the person only by the id of the row that becomes the
 * tombstone.
 */
@Component
class PortalPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    PortalPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long citizenId) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("portal_invitation", jdbc.queryForList("select id, citizen_id, unit_id, assessment_year, status, "
                + "expires_at, issued_at, issued_by, used_at, revoked_at, revoked_by from portal_invitation "
                + "where citizen_id = ? order by id", citizenId));
        tables.put("portal_access", jdbc.queryForList("select citizen_id, reference, assessment_year, "
                + "pin_hash is not null as pin_set, magic_expires_at, activated_at, created_at, updated_at "
                + "from portal_access where citizen_id = ?", citizenId));
        tables.put("portal_session", jdbc.queryForList("select citizen_id, created_at, last_seen_at, expires_at "
                + "from portal_session where citizen_id = ? order by created_at", citizenId));
        tables.put("portal_consent", jdbc.queryForList("select id, citizen_id, notice_version, kind, channel, "
                + "recorded_at from portal_consent where citizen_id = ? order by id", citizenId));
        return tables;
    }

    @Override
    public Map<String, Collection<Long>> auditSubjects(long citizenId) {
        return Map.of(Invitations.AUDIT_TYPE, jdbc.queryForList("select id from portal_invitation "
                + "where citizen_id = ?", Long.class, citizenId), CitizenAccess.AUDIT_TYPE, List.of(citizenId));
    }

    @Override
    public void erase(long citizenId, ErasedIdentity identity) {
        jdbc.update("delete from portal_session where citizen_id = ?", citizenId);
        jdbc.update("delete from portal_access where citizen_id = ?", citizenId);
        jdbc.update("delete from portal_invitation where citizen_id = ?", citizenId);
        // portal_consent stays: the record of lawful processing (notice version, time, channel; no identity)
    }
}
