package vn.khuyenhoc.cdht.citizen;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * The citizen's own row for the privacy module. Erasure replaces the name by the tombstone and removes the phone
 * and the CCCD's hash and mask; birth year, gender, residence, target group and memberships stay, because the
 * roll-ups count by them and none of them names the person. Runs last, after the other modules read the identity.
 */
@Component
class CitizenPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    CitizenPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long citizenId) {
        return Map.of("citizen", jdbc.queryForList("select id, full_name, birth_year, gender, unit_id, target_group, "
                + "workplace_id, household_id, clan_id, phone, id_number_masked, "
                + "case when id_number_hash is null then null else 'HMAC-SHA256' end as id_number_hash_kind, "
                + "erased_at, created_at, updated_at from citizen where id = ?", citizenId));
    }

    @Override
    public Map<String, Collection<Long>> auditSubjects(long citizenId) {
        return Map.of(Citizens.AUDIT_TYPE, List.of(citizenId));
    }

    @Override
    public int erasureOrder() {
        return 100;
    }

    @Override
    public void erase(long citizenId, ErasedIdentity identity) {
        jdbc.update("update citizen set full_name = ?, search_name = ?, phone = null, id_number_hash = null, "
                        + "id_number_masked = null, erased_at = ?, updated_at = ?, version = version + 1 where id = ?",
                identity.tombstone(), SearchText.fold(identity.tombstone()), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()), citizenId);
    }
}
