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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final boolean postgres;

    AuditLog(AuditEventRepository events, org.springframework.jdbc.core.JdbcTemplate jdbc,
            vn.khuyenhoc.cdht.shared.PostgresDatabase database) {
        this.events = events;
        this.jdbc = jdbc;
        this.postgres = database.isPostgres();
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

    /**
     * A read of personal data (a citizen's page, an assessment, a list with names): who, when, which record or
     * which list. In its own transaction, since the reading request has none.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRead(String actor, String action, String entityType, Long entityId, Long unitId,
            String details) {
        // Issue 18: the read line's commit does not wait for the disk (asynchronous commit, this transaction only).
        // Served pages paid a disk sync each (7 ms of a form's 10 ms in the database); what it risks is the read lines
        // of the last fraction of a second if the PostgreSQL server itself crashes, never a change of data.
        if (postgres) {
            jdbc.execute("set local synchronous_commit = off");
        }
        // one plain insert: a read must not touch the persistence context of the page that was just served
        jdbc.update("insert into audit_event (id, occurred_at, actor, action, entity_type, entity_id, unit_id, "
                        + "details) values (?, ?, ?, ?, ?, ?, ?, ?)",
                vn.khuyenhoc.cdht.shared.SequenceBlocks.next(jdbc, "audit_event_seq", 1).get(0),
                java.sql.Timestamp.from(java.time.Instant.now()), actor, action, entityType, entityId, unitId,
                details);
    }

    /** Every line about the subjects (entity type → ids), oldest first: for a person's data export. */
    @Transactional(readOnly = true)
    public List<java.util.Map<String, Object>> linesAbout(java.util.Map<String, java.util.Collection<Long>> subjects) {
        List<java.util.Map<String, Object>> lines = new java.util.ArrayList<>();
        subjects.forEach((type, ids) -> {
            for (Long id : ids) {
                lines.addAll(jdbc.queryForList("select * from audit_event where entity_type = ? and entity_id = ? "
                        + "order by occurred_at, id", type, id));
            }
        });
        return lines;
    }

    /**
     * Erasure: the lines about the subjects lose their details (what was changed named the person), and the
     * erased values are replaced by the tombstone wherever else the trail quoted them. Who did what and when stays.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void redact(java.util.Map<String, java.util.Collection<Long>> subjects, List<String> values,
            String tombstone) {
        subjects.forEach((type, ids) -> {
            for (Long id : ids) {
                jdbc.update("update audit_event set details = ? where entity_type = ? and entity_id = ? "
                        + "and details is not null", tombstone, type, id);
            }
        });
        for (String value : values) {
            for (String column : List.of("details", "reason")) {
                jdbc.update("update audit_event set " + column + " = replace(" + column + ", ?, ?) where " + column
                        + " like ?", value, tombstone, "%" + value + "%");
            }
        }
    }

    /**
     * Read lines (actions in the list) within the subtree, newest first: the read audit page. The subtree's SQL is
     * the area module's (audit sits below it and names none of its tables).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> reads(List<String> actions, vn.khuyenhoc.cdht.shared.UnitSubtree within, int limit) {
        String actionsIn = String.join(",", java.util.Collections.nCopies(actions.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(actions);
        args.add(limit);
        return jdbc.query("select * from audit_event where action in (" + actionsIn + ") and unit_id in "
                + within.unitIds("u")
                + " order by occurred_at desc, id desc limit ?", (rs, n) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity_type"), rs.getObject("entity_id", Long.class),
                rs.getObject("unit_id", Long.class), rs.getString("details"), rs.getString("reason")),
                args.toArray());
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
