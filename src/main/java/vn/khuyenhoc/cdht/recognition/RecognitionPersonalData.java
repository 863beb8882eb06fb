package vn.khuyenhoc.cdht.recognition;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder;

/**
 * The citizen's lines in recognition decisions for the privacy module. An issued decision is a legal record: its
 * number, date, issuer and counts stay; erasure replaces the copied name on the person's line by the tombstone (and
 * scrubs a revocation reason that named them).
 */
@Component
class RecognitionPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    RecognitionPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long citizenId) {
        return Map.of("recognition_item", jdbc.queryForList("select i.*, d.number as decision_number, "
                + "d.issued_on as decision_issued_on, d.decision_year, d.issuer_name, d.status as decision_status "
                + "from recognition_item i join recognition_decision d on d.id = i.decision_id "
                + "where i.citizen_id = ? order by i.id", citizenId));
    }

    @Override
    public void erase(long citizenId, ErasedIdentity identity) {
        jdbc.update("update recognition_item set citizen_name = ? where citizen_id = ?", identity.tombstone(),
                citizenId);
        for (String value : identity.values()) {
            jdbc.update("update recognition_item set revoke_reason = replace(revoke_reason, ?, ?) "
                    + "where citizen_id = ? and revoke_reason like ?", value, identity.tombstone(), citizenId,
                    "%" + value + "%");
        }
    }
}
