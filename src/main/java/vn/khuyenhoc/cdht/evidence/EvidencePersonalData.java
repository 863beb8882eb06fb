package vn.khuyenhoc.cdht.evidence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder;

/** The citizen's evidence files for the privacy module (their bytes go into the export's folder); erasure deletes them. */
@Component
class EvidencePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final EvidenceFiles files;

    EvidencePersonalData(JdbcTemplate jdbc, EvidenceFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long citizenId) {
        return Map.of("evidence_file", jdbc.queryForList("select id, assessment_id, citizen_id, unit_id, "
                + "indicator_code, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
                + "from evidence_file where citizen_id = ? order by id", citizenId));
    }

    @Override
    public Map<String, Collection<Long>> auditSubjects(long citizenId) {
        return Map.of(EvidenceFiles.AUDIT_TYPE, jdbc.queryForList("select id from evidence_file "
                + "where citizen_id = ?", Long.class, citizenId));
    }

    @Override
    public void erase(long citizenId, ErasedIdentity identity) {
        files.removeAllOf(citizenId);
    }
}
