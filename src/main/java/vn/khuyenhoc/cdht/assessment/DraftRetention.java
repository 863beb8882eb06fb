package vn.khuyenhoc.cdht.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.SystemActor;

/**
 * Retention of drafts never submitted: a DRAFT (never submitted, never returned) started before the cut-off is
 * deleted with its scores (its evidence files go with it by foreign key), each deletion audited and told to the
 * roll-ups like any other change.
 */
@Service
public class DraftRetention {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DraftRetention(JdbcTemplate jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** Deletes the drafts started before the instant and never submitted; returns how many. */
    @Transactional
    public int purgeStartedBefore(Instant cutoff) {
        List<Map<String, Object>> drafts = jdbc.queryForList("select id, citizen_id, unit_id, assessment_year "
                + "from assessment where state = 'DRAFT' and submitted_at is null and created_at < ?",
                Timestamp.from(cutoff));
        for (Map<String, Object> draft : drafts) {
            long id = ((Number) draft.get("id")).longValue();
            long unit = ((Number) draft.get("unit_id")).longValue();
            jdbc.update("delete from assessment_score where assessment_id = ?", id);
            jdbc.update("delete from assessment where id = ?", id);
            audit.record(SystemActor.INSTANCE.username(), "ASSESSMENT_PURGED", Assessments.AUDIT_TYPE, id, unit,
                    "{\"retention\":\"draft never submitted\"}", null);
            events.publishEvent(new AssessmentChanged(id, ((Number) draft.get("citizen_id")).longValue(), unit,
                    ((Number) draft.get("assessment_year")).intValue(), false));
        }
        return drafts.size();
    }
}
