package vn.khuyenhoc.cdht.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.JdbcBatches;
import vn.khuyenhoc.cdht.shared.SequenceBlocks;

/**
 * Audit lines for bulk imports: the same table as {@link AuditLog}, written with JDBC batches instead of one
 * entity per line, so that 100,000 lines neither fill the persistence context nor take one round trip each. Joins
 * the caller's transaction. Ids: {@link SequenceBlocks}.
 */
@Service
public class AuditBatch {

    private final JdbcTemplate jdbc;

    AuditBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Line(String actor, String action, String entityType, Long entityId, Long unitId, String details) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Long> ids = SequenceBlocks.next(jdbc, "audit_event_seq", lines.size());
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> args = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String details = l.details() == null || l.details().length() <= 4000 ? l.details()
                    : l.details().substring(0, 3999);
            args.add(new Object[] {ids.get(i), now, l.actor(), l.action(), l.entityType(), l.entityId(), l.unitId(),
                    details});
        }
        JdbcBatches.insert(jdbc, "audit_event", "id, occurred_at, actor, action, entity_type, entity_id, unit_id, "
                + "details", args);
    }
}
