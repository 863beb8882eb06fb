package vn.khuyenhoc.cdht.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditBatch;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;
import vn.khuyenhoc.cdht.criteria.ScoreResult;
import vn.khuyenhoc.cdht.criteria.ScoringEngine;
import vn.khuyenhoc.cdht.shared.JdbcBatches;
import vn.khuyenhoc.cdht.shared.SequenceBlocks;

/**
 * Set-based writes of assessments for bulk imports (module transfer). The caller has checked scope, role, the
 * set in force and the score bounds; this class scores with the engine (channel STAFF_PROXY), keeps the columns
 * consistent as {@link Assessment} does (totals only when complete, submitted/verified who and when), inserts with
 * COPY on PostgreSQL (JDBC batches on H2), updates with JDBC batches, audits every assessment with the file's
 * name and tells the roll-ups once per unit and year.
 *
 * <p>Verified scores come with the file: where one differs from the self-score the verifier's note, which the
 * pages require, says that it was imported from the file.
 */
@Service
public class AssessmentBulkImport {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditBatch audit;
    private final ApplicationEventPublisher events;

    AssessmentBulkImport(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, AuditBatch audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.named = named;
        this.audit = audit;
        this.events = events;
    }

    public record Existing(long id, long citizenId, int year, long criteriaSetId, String targetGroup, long unitId,
            AssessmentState state, long version, Map<String, Integer> selfScores,
            Map<String, Integer> verifiedScores) {
    }

    /**
     * One assessment to write. existingId/existingVersion null: a new one. state is DRAFT, SUBMITTED or VERIFIED;
     * verified scores are given (complete) only for VERIFIED. workplaceId is the citizen's, for the roll-ups.
     */
    public record Row(Long existingId, Long existingVersion, long citizenId, Long workplaceId, int year,
            CriteriaDefinition criteria, String targetGroup, long unitId, AssessmentState state,
            Map<String, Integer> selfScores, Map<String, Integer> verifiedScores) {
    }

    /** The assessments of these citizens in these years, with their scores. */
    @Transactional(readOnly = true)
    public List<Existing> find(Collection<Long> citizenIds, Collection<Integer> years) {
        if (citizenIds.isEmpty() || years.isEmpty()) {
            return List.of();
        }
        boolean postgres = JdbcBatches.postgres(jdbc);
        Map<String, Object> params = Map.of("citizens", citizenIds, "years", years);
        // PostgreSQL: one array parameter each, the same statement for every chunk; elsewhere IN lists
        String where = postgres ? "citizen_id = any(?) and assessment_year = any(?)"
                : "citizen_id in (:citizens) and assessment_year in (:years)";
        PreparedStatementSetter arrays = ps -> {
            ps.setArray(1, JdbcBatches.array(ps, "bigint", citizenIds));
            ps.setArray(2, JdbcBatches.array(ps, "integer", years));
        };
        Map<Long, Map<String, Integer>> self = new HashMap<>();
        Map<Long, Map<String, Integer>> verified = new HashMap<>();
        RowCallbackHandler scores = rs -> {
            long id = rs.getLong(1);
            String code = rs.getString(2);
            Integer s = rs.getObject(3, Integer.class);
            Integer v = rs.getObject(4, Integer.class);
            if (s != null) {
                self.computeIfAbsent(id, k -> new HashMap<>()).put(code, s);
            }
            if (v != null) {
                verified.computeIfAbsent(id, k -> new HashMap<>()).put(code, v);
            }
        };
        String scoreSql = "select s.assessment_id, s.indicator_code, s.self_score, s.verified_score "
                + "from assessment_score s join assessment a on a.id = s.assessment_id where a." + where
                        .replace(" and assessment_year", " and a.assessment_year");
        String assessmentSql = "select id, citizen_id, assessment_year, criteria_set_id, target_group, unit_id, "
                + "state, version from assessment where " + where;
        RowMapper<Existing> mapper = (rs, i) -> new Existing(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getLong(4), rs.getString(5), rs.getLong(6), AssessmentState.valueOf(rs.getString(7)),
                rs.getLong(8), self.getOrDefault(rs.getLong(1), Map.of()),
                verified.getOrDefault(rs.getLong(1), Map.of()));
        if (postgres) {
            jdbc.query(scoreSql, arrays, scores);
            return jdbc.query(assessmentSql, arrays, mapper);
        }
        named.query(scoreSql, params, scores);
        return named.query(assessmentSql, params, mapper);
    }

    /**
     * Writes the rows (all of them or, with the caller's transaction, none).
     *
     * @throws OptimisticLockingFailureException when an assessment changed since it was read
     * @throws vn.khuyenhoc.cdht.criteria.InvalidScoresException when a row the caller passed cannot be scored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(String username, String fileName, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> created = rows.stream().filter(r -> r.existingId() == null).toList();
        List<Row> changed = rows.stream().filter(r -> r.existingId() != null).toList();
        List<Long> newIds = SequenceBlocks.next(jdbc, "assessment_seq", created.size());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        List<Long> deletes = new ArrayList<>();
        List<AuditBatch.Line> lines = new ArrayList<>();
        Map<List<Object>, AssessmentChanged> announce = new LinkedHashMap<>();
        int next = 0;
        for (Row row : rows) {
            boolean isNew = row.existingId() == null;
            long id = isNew ? newIds.get(next++) : row.existingId();
            Totals t = totals(row);
            boolean submitted = row.state() != AssessmentState.DRAFT;
            boolean verifiedState = row.state() == AssessmentState.VERIFIED;
            Object[] values = {row.state().name(), t.selfTotal, t.selfPassed, t.verifiedTotal, t.verifiedPassed,
                    t.digital, t.proficient, submitted ? now : null, submitted ? username : null,
                    verifiedState ? now : null, verifiedState ? username : null, now};
            if (isNew) {
                Object[] head = {id, row.citizenId(), row.year(), row.criteria().id(), row.targetGroup(), row.unitId(),
                        Channel.STAFF_PROXY.name(), username, now};
                inserts.add(concat(concat(head, values), new Object[] {0}));
            } else {
                updates.add(concat(values, new Object[] {id, row.existingVersion()}));
                deletes.add(id);
            }
            for (IndicatorDefinition indicator : row.criteria().indicators()) {
                Integer self = row.selfScores().get(indicator.code());
                Integer verified = row.verifiedScores().get(indicator.code());
                if (self == null && verified == null) {
                    continue;
                }
                String note = verified != null && !verified.equals(self) ? abbreviate("import: " + fileName) : null;
                scores.add(new Object[] {id, indicator.code(), self, verified, note});
            }
            lines.add(new AuditBatch.Line(username, isNew ? "ASSESSMENT_IMPORTED" : "ASSESSMENT_UPDATED",
                    Assessments.AUDIT_TYPE, id, row.unitId(), "file='" + fileName + "' citizen=" + row.citizenId()
                            + " year=" + row.year() + " set=" + row.criteria().label() + " group="
                            + row.targetGroup() + " channel=" + Channel.STAFF_PROXY + " state=" + row.state()
                            + " self=" + orDash(t.selfTotal) + " verified=" + orDash(t.verifiedTotal)));
            announce.putIfAbsent(List.of(row.unitId(), row.year(), Objects.requireNonNullElse(row.workplaceId(), 0L)),
                    new AssessmentChanged(id, row.citizenId(), row.unitId(), row.year(), false));
        }
        JdbcBatches.insert(jdbc, "assessment", """
                id, citizen_id, assessment_year, criteria_set_id, target_group, unit_id, channel, entered_by,
                created_at, state, self_total, self_passed, verified_total, verified_passed, has_digital_skills,
                digital_proficient, submitted_at, submitted_by, verified_at, verified_by, updated_at, version""",
                inserts);
        if (!updates.isEmpty()) {
            int[] counts = JdbcBatches.run(jdbc, """
                    update assessment set state = ?, self_total = ?, self_passed = ?, verified_total = ?,
                        verified_passed = ?, has_digital_skills = ?, digital_proficient = ?,
                        submitted_at = ?, submitted_by = ?, verified_at = ?, verified_by = ?, updated_at = ?,
                        return_reason = null, version = version + 1
                    where id = ? and version = ?""", updates);
            for (int count : counts) {
                if (count == 0) {
                    throw new OptimisticLockingFailureException("an assessment changed while the file was imported");
                }
            }
            if (JdbcBatches.postgres(jdbc)) {
                jdbc.update("delete from assessment_score where assessment_id = any(?)",
                        ps -> ps.setArray(1, JdbcBatches.array(ps, "bigint", deletes)));
            } else {
                JdbcBatches.run(jdbc, "delete from assessment_score where assessment_id = ?",
                        deletes.stream().map(id -> new Object[] {id}).toList());
            }
        }
        JdbcBatches.insert(jdbc, "assessment_score",
                "assessment_id, indicator_code, self_score, verified_score, verifier_note", scores);
        audit.record(lines);
        announce.values().forEach(events::publishEvent);
    }

    private record Totals(Integer selfTotal, Boolean selfPassed, Integer verifiedTotal, Boolean verifiedPassed,
            Boolean digital, Boolean proficient) {
    }

    private static Totals totals(Row row) {
        CriteriaDefinition criteria = row.criteria();
        boolean selfComplete = criteria.indicators().stream().allMatch(i -> row.selfScores().containsKey(i.code()));
        ScoreResult self = selfComplete
                ? ScoringEngine.score(criteria, row.targetGroup(), row.selfScores(), Channel.STAFF_PROXY) : null;
        if (row.state() != AssessmentState.DRAFT && self == null) {
            throw new IllegalArgumentException("a submitted assessment needs every self-score");
        }
        ScoreResult verified = null;
        if (row.state() == AssessmentState.VERIFIED) {
            verified = ScoringEngine.score(criteria, row.targetGroup(), row.verifiedScores(), Channel.STAFF_PROXY);
        }
        return new Totals(self == null ? null : self.total(), self == null ? null : self.passed(),
                verified == null ? null : verified.total(), verified == null ? null : verified.passed(),
                verified == null ? null : verified.hasDigitalSkills(),
                verified == null ? null : verified.digitallyProficient());
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String abbreviate(String note) {
        return note.length() <= 1000 ? note : note.substring(0, 999);
    }

    private static String orDash(Object value) {
        return value == null ? "–" : value.toString();
    }
}
