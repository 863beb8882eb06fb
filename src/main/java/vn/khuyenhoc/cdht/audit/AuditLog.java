package vn.khuyenhoc.cdht.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail. Joins the caller's transaction, so a change and its audit line commit or roll back together.
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, Long entityId, Long unitId, String details,
            String reason) {
        events.save(new AuditEvent(actor, action, entityType, entityId, unitId, details, reason));
    }

    /** Security events (failed logins, lockouts) happen outside any business transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordStandalone(String actor, String action, String entityType, Long entityId, String details) {
        events.save(new AuditEvent(actor, action, entityType, entityId, null, details, null));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> history(String entityType, long entityId) {
        return events.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(entityType, entityId).stream()
                .map(AuditEvent::toEntry)
                .toList();
    }
}

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(String entityType, Long entityId);
}
