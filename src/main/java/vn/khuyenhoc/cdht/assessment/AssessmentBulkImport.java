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
import org.springframework.beans.factory.ObjectProvider;
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
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;
import vn.khuyenhoc.cdht.criteria.ScoreResult;
import vn.khuyenhoc.cdht.criteria.ScoringEngine;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.JdbcBatches;
import vn.khuyenhoc.cdht.shared.SequenceBlocks;

/**
 * Bulk import of assessments (module transfer): the row check ({@link #check}, the workflow's rules for one row),
 * look-ups of the stored assessments in batches, and set-based writes of the rows the check passed. The writes keep
 * the columns consistent as {@link Assessment} does (totals only when complete, who started, typed, submitted and
 * verified, and when), keep the evidence notes, insert with COPY on PostgreSQL (JDBC batches on H2), update with
 * JDBC batches, audit every assessment with the file's name as {@link Changes} and tell the roll-ups once per unit
 * and year.
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
    private final CriteriaCatalog catalog;
    private final UnitScope scope;
    private final WorkflowSettings settings;
    private final ObjectProvider<SelfAssessmentConsent> consent;

    AssessmentBulkImport(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, AuditBatch audit,
            ApplicationEventPublisher events, CriteriaCatalog catalog, UnitScope scope,
            WorkflowSettings settings, ObjectProvider<SelfAssessmentConsent> consent) {
        this.consent = consent;
        this.jdbc = jdbc;
        this.named = named;
        this.audit = audit;
        this.events = events;
        this.catalog = catalog;
        this.scope = scope;
        this.settings = settings;
    }

    /** An assessment as stored, with what the row check and the history compare. */
    public record Existing(long id, long citizenId, int year, long criteriaSetId, String targetGroup, long unitId,
            AssessmentState state, Channel channel, long version, Integer selfTotal, Integer verifiedTotal,
            Boolean hasDigitalSkills, Boolean digitalProficient, String scoresEnteredBy, String scoresChangedBy,
            Map<String, Integer> selfScores, Map<String, Integer> verifiedScores) {

        boolean scoresTypedBy(String username) {
            return username != null && (username.equals(scoresEnteredBy) || username.equals(scoresChangedBy));
        }

        Changes.Snapshot snapshot() {
            return new Changes.Snapshot(state, channel, selfTotal, verifiedTotal, hasDigitalSkills,
                    digitalProficient);
        }
    }

    /**
     * One assessment to write, as {@link ImportRowCheck} decided it: stored null for a new one; the state it
     * reaches; whether the self-scores change (edit), a submission or a verification happens now.
     */
    public record Row(Existing stored, long citizenId, Long workplaceId, int year, CriteriaDefinition criteria,
            String targetGroup, long unitId, AssessmentState state, Channel channel, Map<String, Integer> selfScores,
            Map<String, Integer> verifiedScores, boolean edit, boolean submit, boolean verify) {

        /** The row for the citizen it belongs to, once known (a citizen of the same file gets its id on write). */
        public Row of(long citizen, Long workplace) {
            return new Row(stored, citizen, workplace, year, criteria, targetGroup, unitId, state, channel,
                    selfScores, verifiedScores, edit, submit, verify);
        }
    }

    /** The row check of one import by this user, who asked for imported assessments to be DRAFT or SUBMITTED. */
    @Transactional(readOnly = true)
    public ImportRowCheck check(CurrentUser user, AssessmentState requested) {
        return new ImportRowCheck(user, requested, catalog, scope, settings.provincesWithoutSeparation(),
                consent.getIfAvailable(SelfAssessmentConsent::none));
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
                + "state, channel, version, self_total, verified_total, has_digital_skills, digital_proficient, "
                + "scores_entered_by, scores_changed_by from assessment where " + where;
        RowMapper<Existing> mapper = (rs, i) -> new Existing(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getLong(4), rs.getString(5), rs.getLong(6), AssessmentState.valueOf(rs.getString(7)),
                Channel.valueOf(rs.getString(8)), rs.getLong(9), rs.getObject(10, Integer.class),
                rs.getObject(11, Integer.class), rs.getObject(12, Boolean.class), rs.getObject(13, Boolean.class),
                rs.getString(14), rs.getString(15), self.getOrDefault(rs.getLong(1), Map.of()),
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
     * @throws vn.khuyenhoc.cdht.criteria.InvalidScoresException when a row the check did not pass cannot be scored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(String username, String fileName, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> created = rows.stream().filter(r -> r.stored() == null).toList();
        List<Long> newIds = SequenceBlocks.next(jdbc, "assessment_seq", created.size());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> newScores = new ArrayList<>();
        List<Object[]> changedScores = new ArrayList<>();
        List<Long> changedIds = new ArrayList<>();
        List<AuditBatch.Line> lines = new ArrayList<>();
        Map<List<Object>, AssessmentChanged> announce = new LinkedHashMap<>();
        int next = 0;
        for (Row row : rows) {
            Existing stored = row.stored();
            long id = stored == null ? newIds.get(next++) : stored.id();
            Totals t = totals(row);
            String typedBy = row.edit() && !row.selfScores().isEmpty() ? username : null;
            Object[] values = {row.state().name(), t.selfTotal, t.selfPassed, t.verifiedTotal, t.verifiedPassed,
                    t.digital, t.proficient, row.channel().name(), row.submit() ? now : null,
                    row.submit() ? username : null, row.verify() ? now : null, row.verify() ? username : null};
            if (stored == null) {
                inserts.add(concat(concat(new Object[] {id, row.citizenId(), row.year(), row.criteria().id(),
                        row.targetGroup(), row.unitId(), username, now}, values),
                        new Object[] {typedBy, typedBy, now, 0}));
            } else {
                updates.add(concat(values, new Object[] {typedBy, typedBy, now, id, stored.version()}));
                changedIds.add(id);
            }
            for (IndicatorDefinition indicator : row.criteria().indicators()) {
                Integer self = row.selfScores().get(indicator.code());
                Integer verified = row.verifiedScores().get(indicator.code());
                String note = verified != null && !verified.equals(self) ? abbreviate("import: " + fileName) : null;
                Object[] score = {self, verified, note, id, indicator.code()};
                if (stored != null) {
                    changedScores.add(score);
                } else if (self != null) {
                    newScores.add(new Object[] {id, indicator.code(), self, null, null});
                }
            }
            lines.add(new AuditBatch.Line(username, stored == null ? "ASSESSMENT_IMPORTED" : "ASSESSMENT_UPDATED",
                    Assessments.AUDIT_TYPE, id, row.unitId(), changes(row, fileName, t).json()));
            announce.putIfAbsent(List.of(row.unitId(), row.year(), Objects.requireNonNullElse(row.workplaceId(), 0L)),
                    new AssessmentChanged(id, row.citizenId(), row.unitId(), row.year(), false));
        }
        JdbcBatches.insert(jdbc, "assessment", """
                id, citizen_id, assessment_year, criteria_set_id, target_group, unit_id, entered_by, created_at,
                state, self_total, self_passed, verified_total, verified_passed, has_digital_skills,
                digital_proficient, channel, submitted_at, submitted_by, verified_at, verified_by, scores_entered_by,
                scores_changed_by, updated_at, version""", inserts);
        JdbcBatches.insert(jdbc, "assessment_score",
                "assessment_id, indicator_code, self_score, verified_score, verifier_note", newScores);
        update(updates, changedScores, changedIds);
        audit.record(lines);
        announce.values().forEach(events::publishEvent);
    }

    /**
     * Updates stored assessments: their columns (who submitted and verified only when it happens now; who typed the
     * scores only when they change), then each indicator's scores in place, so that evidence notes stay.
     */
    private void update(List<Object[]> updates, List<Object[]> scores, List<Long> ids) {
        if (updates.isEmpty()) {
            return;
        }
        int[] counts = JdbcBatches.run(jdbc, """
                update assessment set state = ?, self_total = ?, self_passed = ?, verified_total = ?,
                    verified_passed = ?, has_digital_skills = ?, digital_proficient = ?, channel = ?,
                    submitted_at = coalesce(?, submitted_at), submitted_by = coalesce(?, submitted_by),
                    verified_at = coalesce(?, verified_at), verified_by = coalesce(?, verified_by),
                    scores_entered_by = coalesce(scores_entered_by, ?),
                    scores_changed_by = coalesce(?, scores_changed_by), updated_at = ?, version = version + 1
                where id = ? and version = ?""", updates);
        for (int count : counts) {
            if (count == 0) {
                throw new OptimisticLockingFailureException("an assessment changed while the file was imported");
            }
        }
        int[] found = JdbcBatches.run(jdbc, """
                update assessment_score set self_score = ?, verified_score = ?, verifier_note = ?
                where assessment_id = ? and indicator_code = ?""", scores);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            Object[] s = scores.get(i);
            if (found[i] == 0 && (s[0] != null || s[1] != null)) {
                missing.add(new Object[] {s[3], s[4], s[0], s[1], s[2]});
            }
        }
        JdbcBatches.insert(jdbc, "assessment_score",
                "assessment_id, indicator_code, self_score, verified_score, verifier_note", missing);
        // a row left without scores or notes is no row (as the entity keeps it)
        String empty = " and self_score is null and verified_score is null and evidence_note is null"
                + " and verifier_note is null";
        if (JdbcBatches.postgres(jdbc)) {
            jdbc.update("delete from assessment_score where assessment_id = any(?)" + empty,
                    ps -> ps.setArray(1, JdbcBatches.array(ps, "bigint", ids)));
        } else {
            JdbcBatches.run(jdbc, "delete from assessment_score where assessment_id = ?" + empty,
                    ids.stream().map(id -> new Object[] {id}).toList());
        }
    }

    /** The history of the row: the file, what was started or changed, and the engine's verdict. */
    private static Changes changes(Row row, String fileName, Totals t) {
        Changes changes = new Changes().add("file", fileName);
        Existing stored = row.stored();
        if (stored == null) {
            changes.created(row.year(), row.criteria().id(), row.targetGroup(), Channel.STAFF_PROXY);
        }
        Changes.Snapshot before = stored == null
                ? new Changes.Snapshot(AssessmentState.DRAFT, Channel.STAFF_PROXY, null, null, null, null)
                : stored.snapshot();
        if (row.edit()) {
            changes.selfScores(row.criteria(), stored == null ? Map.of() : stored.selfScores(), row.selfScores(),
                    Map.of(), Map.of());
        }
        if (row.verify()) {
            Map<String, String> notes = new HashMap<>();
            row.verifiedScores().forEach((code, score) -> {
                if (!score.equals(row.selfScores().get(code))) {
                    notes.put(code, "import: " + fileName);
                }
            });
            changes.verifiedScores(row.criteria(), row.selfScores(), row.verifiedScores(), notes);
        }
        changes.transition(before, new Changes.Snapshot(row.state(), row.channel(), t.selfTotal, t.verifiedTotal,
                t.digital, t.proficient));
        return changes.verdict(row.verify() ? t.verifiedResult : row.edit() || row.submit() ? t.selfResult : null);
    }

    private record Totals(Integer selfTotal, Boolean selfPassed, Integer verifiedTotal, Boolean verifiedPassed,
            Boolean digital, Boolean proficient, ScoreResult selfResult, ScoreResult verifiedResult) {
    }

    private static Totals totals(Row row) {
        CriteriaDefinition criteria = row.criteria();
        boolean selfComplete = criteria.indicators().stream().allMatch(i -> row.selfScores().containsKey(i.code()));
        ScoreResult self = selfComplete
                ? ScoringEngine.score(criteria, row.targetGroup(), row.selfScores(), row.channel()) : null;
        if (row.state() != AssessmentState.DRAFT && row.state() != AssessmentState.RETURNED && self == null) {
            throw new IllegalArgumentException("a submitted assessment needs every self-score");
        }
        ScoreResult verified = null;
        if (row.state() == AssessmentState.VERIFIED) {
            verified = ScoringEngine.score(criteria, row.targetGroup(), row.verifiedScores(), row.channel());
        }
        return new Totals(self == null ? null : self.total(), self == null ? null : self.passed(),
                verified == null ? null : verified.total(), verified == null ? null : verified.passed(),
                verified == null ? null : verified.hasDigitalSkills(),
                verified == null ? null : verified.digitallyProficient(), self, verified);
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
}
