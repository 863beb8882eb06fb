package vn.khuyenhoc.cdht.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Keeps the precomputed roll-up rows true. {@link #refresh} recomputes one unit's rows for one year with
 * INSERT ... SELECT ... GROUP BY over the raw tables restricted to that unit (a hamlet: milliseconds); it runs in
 * the caller's transaction, so the counts commit or roll back with the change that moved them. {@link #rebuildAll}
 * recomputes everything with the same statements unrestricted, for bulk loads and to check the incremental path.
 */
@Service
@Transactional
public class ReportRefresh {

    /** "Adult" in Decision 677/QĐ-TTg's sense: this age or more in the year, from the birth year. */
    public static final int ADULT_AGE = 15;
    /** The target group whose members the officials indicator counts (a code of the criteria module's data). */
    public static final String OFFICIAL_GROUP = "OFFICIAL";

    private static final Logger log = LoggerFactory.getLogger(ReportRefresh.class);
    /** First key of PostgreSQL's two-key advisory locks taken here, clear of anyone else's single-key locks. */
    static final int LOCK_SPACE = 6_2025;
    private static final String[] TABLES = {"report_unit_year", "report_unit_register", "report_unit_collective",
        "report_collective_year", "report_unit_cube"};

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final ReportVersion version;
    private volatile Boolean postgres;

    ReportRefresh(NamedParameterJdbcTemplate jdbc, AuditLog audit, ReportVersion version) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.version = version;
    }

    /** Recomputes the unit's rows of that year (and its year-less register and collective totals). */
    public void refresh(long unitId, int year) {
        refresh(List.of(unitId), year, EnumSet.allOf(Part.class));
    }

    /** Recomputes every row of the unit, all years. */
    public void refreshUnit(long unitId) {
        refresh(List.of(unitId), null, EnumSet.allOf(Part.class));
    }

    /** The tables a change can move: a listener refreshes only those (an assessment moves report_unit_year). */
    enum Part { UNIT_YEAR, COLLECTIVE_YEAR, REGISTER, COLLECTIVES }

    /**
     * Recomputes the units' rows of the given tables for the year (null: all years). Units are locked in id
     * order, so that two transactions refreshing overlapping units wait for each other instead of deadlocking.
     */
    void refresh(Collection<Long> unitIds, Integer year, Set<Part> parts) {
        recompute(unitIds, year, parts);
        bumpVersion();
    }

    /** {@link #refresh} without moving the dashboards' version on: the caller does, once, after its last refresh. */
    void recompute(Collection<Long> unitIds, Integer year, Set<Part> parts) {
        String parallel = serialPlans();
        for (long unitId : new TreeSet<>(unitIds)) {
            lock(unitId);
            run(new Restriction(unitId, year), parts);
        }
        // not in a finally: after a failed statement PostgreSQL refuses any other until the rollback, which drops
        // the transaction-local setting anyway
        restorePlans(parallel);
    }

    /**
     * Moves the dashboards' version on in this transaction ({@link ReportVersion}). After the unit locks: its row
     * stays locked until the commit, and a transaction holding it must not wait for another's unit lock.
     */
    void bumpVersion() {
        version.bump();
    }

    /**
     * A unit's refresh reads a few thousand rows through indexes; PostgreSQL still plans parallel workers for the
     * membership scans, and starting them costs more than the scan (EXPLAIN ANALYZE of a hamlet at 1.6 M citizens:
     * about 40 % of the statement on a busy machine). So the refresh runs with none, for this transaction only, and
     * puts the caller's setting back after. Returns that setting (null on H2, which has no such thing).
     */
    private String serialPlans() {
        if (!isPostgres()) {
            return null;
        }
        return jdbc.getJdbcTemplate().queryForObject("SELECT current_setting('max_parallel_workers_per_gather'), "
                + "set_config('max_parallel_workers_per_gather', '0', true)", (rs, n) -> rs.getString(1));
    }

    private void restorePlans(String parallel) {
        if (parallel != null) {
            jdbc.getJdbcTemplate().queryForObject("SELECT set_config('max_parallel_workers_per_gather', ?, true)",
                    String.class, parallel);
        }
    }

    /** Recomputes every row from the raw tables, in one transaction; readers see the old rows until it commits. */
    public RebuildSummary rebuildAll() {
        long started = System.nanoTime();
        if (isPostgres()) {
            // Refreshes running now finish first, later ones wait for this commit and then see the new rows.
            jdbc.getJdbcTemplate().execute("LOCK TABLE " + String.join(", ", TABLES) + " IN SHARE ROW EXCLUSIVE MODE");
        }
        Map<String, Integer> rows = run(new Restriction(null, null), EnumSet.allOf(Part.class));
        bumpVersion();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Roll-ups rebuilt in {} ms: {}", millis, rows);
        return new RebuildSummary(rows.get("report_unit_year"), rows.get("report_unit_register"),
                rows.get("report_unit_collective"), rows.get("report_collective_year"), rows.get("report_unit_cube"),
                millis);
    }

    /** 403 unless the role may rebuild the roll-ups. */
    public void requireRebuilder(CurrentUser user) {
        ReportPolicy.REBUILD.require(user);
    }

    /** Rebuilds on a user's request (403 for a role that may not), with an audit line in the same transaction. */
    public RebuildSummary rebuildBy(CurrentUser user) {
        requireRebuilder(user);
        RebuildSummary summary = rebuildAll();
        audit.record(user.username(), "REPORT_REBUILT", "REPORT", null, null, summary.toString(), null);
        return summary;
    }

    /** Rows written per table and how long the rebuild took. */
    public record RebuildSummary(int unitYearRows, int registerRows, int collectiveRows, int collectiveYearRows,
            int cubeRows, long millis) {
    }

    private Map<String, Integer> run(Restriction r, Set<Part> parts) {
        Map<String, Object> params = new HashMap<>();
        params.put("unitId", r.unitId());
        params.put("year", r.year());
        params.put("adultAge", ADULT_AGE);
        params.put("officialGroup", OFFICIAL_GROUP);
        Map<String, Integer> written = new HashMap<>();
        if (parts.contains(Part.UNIT_YEAR)) {
            jdbc.update("DELETE FROM report_unit_year WHERE 1 = 1" + r.on("unit_id", "report_year"), params);
            written.put("report_unit_year", jdbc.update(unitYearInsert(r), params));
            // the pivot's finer rows count the same assessments: they move together
            jdbc.update("DELETE FROM report_unit_cube WHERE 1 = 1" + r.on("unit_id", "report_year"), params);
            written.put("report_unit_cube", jdbc.update(cubeInsert(r), params));
        }
        if (parts.contains(Part.COLLECTIVE_YEAR)) {
            jdbc.update("DELETE FROM report_collective_year WHERE 1 = 1" + r.on("unit_id", "report_year"), params);
            written.put("report_collective_year", jdbc.update("INSERT INTO report_collective_year (unit_id, "
                    + "report_year, kind, recognised, recognised_members)\n" + collectiveYearSelect(r), params));
        }
        // The register and the collective totals have no year: a unit's refresh of any year keeps them true.
        if (parts.contains(Part.REGISTER)) {
            jdbc.update("DELETE FROM report_unit_register WHERE 1 = 1" + r.on("unit_id", null), params);
            written.put("report_unit_register", jdbc.update("INSERT INTO report_unit_register (unit_id, "
                    + "target_group, registered)\n" + registerSelect(r), params));
        }
        if (parts.contains(Part.COLLECTIVES)) {
            jdbc.update("DELETE FROM report_unit_collective WHERE 1 = 1" + r.on("unit_id", null), params);
            written.put("report_unit_collective", jdbc.update("INSERT INTO report_unit_collective (unit_id, "
                    + "kind, total)\n" + collectiveSelect(r), params));
        }
        return written;
    }

    static String unitYearInsert(Filter f) {
        return "INSERT INTO report_unit_year (unit_id, report_year, target_group, " + Measure.columns() + ")\n"
                + "SELECT t.unit_id, t.report_year, t.target_group, " + Measure.sums("t", false)
                + "\nFROM (" + unitYearSources(f) + ") t\n"
                + "GROUP BY t.unit_id, t.report_year, t.target_group";
    }

    /**
     * The pivot's rows: assessments by their own unit, year and target group, and by the citizen's gender, the age
     * band in the year ({@link AgeBand}) and the channel; with the last time any of them changed (completeness).
     */
    static String cubeInsert(Filter f) {
        String recognised = "a.state = 'RECOGNISED'";
        return "INSERT INTO report_unit_cube (unit_id, report_year, target_group, gender, age_band, channel, "
                + CubeMeasure.columns() + ", last_entry_at)\n"
                + "SELECT x.unit_id, x.report_year, x.target_group, x.gender, x.age_band, x.channel, "
                + CubeMeasure.sums("x") + ", MAX(x.updated_at)\nFROM (SELECT a.unit_id, a.assessment_year AS "
                + "report_year, a.target_group, c.gender, " + AgeBand.sql("a.assessment_year - c.birth_year")
                + " AS age_band, a.channel, a.updated_at, 1 AS assessed, "
                + "CASE WHEN a.verified_passed = TRUE THEN 1 ELSE 0 END AS passed, "
                + "CASE WHEN " + recognised + " THEN 1 ELSE 0 END AS recognised, "
                + "CASE WHEN " + recognised + " AND a.has_digital_skills = TRUE THEN 1 ELSE 0 END AS recognised_digital, "
                + "CASE WHEN " + recognised + " AND a.digital_proficient = TRUE THEN 1 ELSE 0 END AS "
                + "recognised_proficient\n      FROM assessment_outcome a JOIN citizen_register c ON c.id = a.citizen_id"
                + "\n      WHERE 1 = 1"
                + f.on("a.unit_id", "a.assessment_year") + ") x\n"
                + "GROUP BY x.unit_id, x.report_year, x.target_group, x.gender, x.age_band, x.channel";
    }

    static String collectiveYearSelect(Filter f) {
        return """
                SELECT k.unit_id, y.status_year, k.kind, COUNT(*), SUM(COALESCE(y.member_count, 0))
                FROM collective_register k JOIN collective_status y ON y.collective_id = k.id
                WHERE y.recognised = TRUE""" + f.on("k.unit_id", "y.status_year") + """

                GROUP BY k.unit_id, y.status_year, k.kind""";
    }

    static String registerSelect(Filter f) {
        return "SELECT c.unit_id, c.target_group, COUNT(*) FROM citizen_register c\nWHERE 1 = 1"
                + f.on("c.unit_id", null)
                + "\nGROUP BY c.unit_id, c.target_group";
    }

    static String collectiveSelect(Filter f) {
        return "SELECT k.unit_id, k.kind, COUNT(*) FROM collective_register k\nWHERE 1 = 1" + f.on("k.unit_id", null)
                + "\nGROUP BY k.unit_id, k.kind";
    }

    /**
     * Three sources, each attributed to the unit it belongs to, one row per counted thing (columns unit_id,
     * report_year, target_group, then every {@link Measure}): assessments (by their own unit and group), adults who
     * are members of a household, clan or hamlet community recognised that year (by residence), and OFFICIAL-group
     * citizens working in a learning unit recognised that year (by the learning unit's unit). Every source row
     * counts 1 somewhere, so summing them never writes an all-zero row.
     */
    static String unitYearSources(Filter r) {
        String assessments = "SELECT a.unit_id AS unit_id, a.assessment_year AS report_year, "
                + "a.target_group AS target_group, " + expressions(Source.ASSESSMENT) + """

                FROM assessment_outcome a JOIN citizen_register c ON c.id = a.citizen_id
                WHERE 1 = 1""" + r.on("a.unit_id", "a.assessment_year");
        String memberships = """
                SELECT h.id AS citizen_id, y.status_year AS member_year
                FROM citizen_register h JOIN collective_status y ON y.collective_id = h.household_id
                WHERE y.recognised = TRUE%1$s
                UNION
                SELECT h.id, y.status_year
                FROM citizen_register h JOIN collective_status y ON y.collective_id = h.clan_id
                WHERE y.recognised = TRUE%1$s
                UNION
                SELECT h.id, y.status_year
                FROM citizen_register h JOIN collective_register k ON k.unit_id = h.unit_id AND k.kind = 'COMMUNITY'
                JOIN collective_status y ON y.collective_id = k.id
                WHERE y.recognised = TRUE%1$s""".formatted(r.on("h.unit_id", "y.status_year"));
        String adults = "SELECT c.unit_id, m.member_year, c.target_group, " + expressions(Source.ADULT_MEMBER)
                + "\nFROM (" + memberships + ") m JOIN citizen_register c ON c.id = m.citizen_id" + """

                LEFT JOIN assessment_outcome r ON r.citizen_id = c.id AND r.assessment_year = m.member_year
                    AND r.state = 'RECOGNISED'
                WHERE m.member_year - c.birth_year >= :adultAge""";
        String officials = "SELECT k.unit_id, y.status_year, c.target_group, " + expressions(Source.OFFICIAL_MEMBER)
                + """

                FROM collective_register k JOIN collective_status y ON y.collective_id = k.id
                JOIN citizen_register c ON c.workplace_id = k.id
                LEFT JOIN assessment_outcome r ON r.citizen_id = c.id AND r.assessment_year = y.status_year
                    AND r.state = 'RECOGNISED'
                WHERE k.kind = 'LEARNING_UNIT' AND y.recognised = TRUE AND c.target_group = :officialGroup"""
                + r.on("k.unit_id", "y.status_year");
        return assessments + "\nUNION ALL\n" + adults + "\nUNION ALL\n" + officials;
    }

    private enum Source { ASSESSMENT, ADULT_MEMBER, OFFICIAL_MEMBER }

    private static String expressions(Source source) {
        return Arrays.stream(Measure.values()).map(m -> expression(source, m) + " AS " + m.column())
                .collect(Collectors.joining(", "));
    }

    private static String expression(Source source, Measure m) {
        String recognisedThatYear = "CASE WHEN r.id IS NOT NULL THEN 1 ELSE 0 END";
        return switch (source) {
            case ASSESSMENT -> assessmentExpression(m);
            case ADULT_MEMBER -> m == Measure.ADULTS_IN_RECOGNISED_COLLECTIVES ? "1"
                    : m == Measure.CDHT_ADULTS_IN_RECOGNISED_COLLECTIVES ? recognisedThatYear : "0";
            case OFFICIAL_MEMBER -> m == Measure.OFFICIALS_IN_RECOGNISED_UNITS ? "1"
                    : m == Measure.CDHT_OFFICIALS_IN_RECOGNISED_UNITS ? recognisedThatYear : "0";
        };
    }

    private static String assessmentExpression(Measure m) {
        String recognised = "a.state = 'RECOGNISED'";
        String condition = switch (m) {
            case ASSESSED -> null;
            case DRAFT, SUBMITTED, VERIFIED, RETURNED, RECOGNISED, NOT_RECOGNISED -> "a.state = '" + m.name() + "'";
            case PASSED -> "a.verified_passed = TRUE";
            case RECOGNISED_ADULTS -> recognised + " AND a.assessment_year - c.birth_year >= :adultAge";
            case RECOGNISED_DIGITAL -> recognised + " AND a.has_digital_skills = TRUE";
            case RECOGNISED_PROFICIENT -> recognised + " AND a.digital_proficient = TRUE";
            case RECOGNISED_DIGITAL_PROFICIENT -> recognised
                    + " AND a.has_digital_skills = TRUE AND a.digital_proficient = TRUE";
            case RECOGNISED_ONLINE_SELF -> recognised + " AND a.channel = 'ONLINE_SELF'";
            case ADULTS_IN_RECOGNISED_COLLECTIVES, CDHT_ADULTS_IN_RECOGNISED_COLLECTIVES,
                    OFFICIALS_IN_RECOGNISED_UNITS, CDHT_OFFICIALS_IN_RECOGNISED_UNITS -> "FALSE";
        };
        if (condition == null) {
            return "1";
        }
        return "FALSE".equals(condition) ? "0" : "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
    }

    /** Serialises refreshes of one unit on PostgreSQL (H2 runs only the single-user demo). */
    private void lock(long unitId) {
        if (isPostgres()) {
            jdbc.getJdbcTemplate().queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE,
                    (int) (unitId % Integer.MAX_VALUE));
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = jdbc.getJdbcTemplate().execute((ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
        }
        return postgres;
    }

    /** The conditions that restrict the statements above to some units and years. */
    interface Filter {

        /** " AND ..." on the unit column and the year column (null: the table has no year), or "". */
        String on(String unitColumn, String yearColumn);
    }

    /** Which rows a run touches: one unit or all (null), one year or all (null). */
    record Restriction(Long unitId, Integer year) implements Filter {

        /** " AND unitColumn = :unitId AND yearColumn = :year", each only when restricted. */
        @Override
        public String on(String unitColumn, String yearColumn) {
            return (unitId == null ? "" : " AND " + unitColumn + " = :unitId")
                    + (year == null || yearColumn == null ? "" : " AND " + yearColumn + " = :year");
        }
    }
}
