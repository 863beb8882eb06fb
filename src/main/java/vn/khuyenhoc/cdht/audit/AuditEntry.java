package vn.khuyenhoc.cdht.audit;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(Long id, Instant occurredAt, String actor, String action, String entityType, Long entityId,
        Long unitId, String details, String reason) {
}
