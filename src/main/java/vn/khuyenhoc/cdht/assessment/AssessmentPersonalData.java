package vn.khuyenhoc.cdht.assessment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder;

/**
 * The citizen's assessments and scores for the privacy module. Erasure keeps them (scores, states and flags are
 * what the roll-ups and issued decisions count) and only scrubs the identity from the free-text notes and reasons.
 */
@Component
class AssessmentPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    AssessmentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long citizenId) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("assessment", jdbc.queryForList("select * from assessment where citizen_id = ? "
                + "order by assessment_year", citizenId));
        tables.put("assessment_score", jdbc.queryForList("select s.* from assessment_score s join assessment a "
                + "on a.id = s.assessment_id where a.citizen_id = ? order by s.assessment_id, s.indicator_code",
                citizenId));
        return tables;
    }

    @Override
    public Map<String, Collection<Long>> auditSubjects(long citizenId) {
        return Map.of(Assessments.AUDIT_TYPE, ids(citizenId));
    }

    @Override
    public void erase(long citizenId, ErasedIdentity identity) {
        for (String value : identity.values()) {
            jdbc.update("update assessment set return_reason = replace(return_reason, ?, ?) "
                    + "where citizen_id = ? and return_reason like ?", value, identity.tombstone(), citizenId,
                    "%" + value + "%");
            for (String column : List.of("evidence_note", "verifier_note")) {
                jdbc.update("update assessment_score set " + column + " = replace(" + column + ", ?, ?) "
                        + "where assessment_id in (select id from assessment where citizen_id = ?) and " + column
                        + " like ?", value, identity.tombstone(), citizenId, "%" + value + "%");
            }
        }
    }

    private List<Long> ids(long citizenId) {
        return jdbc.queryForList("select id from assessment where citizen_id = ?", Long.class, citizenId);
    }
}
