package vn.khuyenhoc.cdht.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;

/**
 * The dashboard's SQL: sums of the precomputed rows over a subtree (one path-prefix join on admin_unit), grouped
 * by the child unit each row falls under. Never loads an entity, never recurses per request over the tree; the only
 * recursion is the short chain from each retired unit to its current successor (today's boundaries).
 */
@Repository
@Transactional(readOnly = true)
class ReportQueries {

    /**
     * Today's boundaries: every current unit of the subtree stands for itself; every retired unit (anywhere: a
     * merged province's communes may now lie in this one) stands for its current successor: its own succession row
     * (the first successor by code when it was split), else its parent's, step by step until a current unit.
     */
    static final String CURRENT_UNIT_MAP = """
            WITH RECURSIVE first_successor (old_unit_id, new_unit_id) AS (
                SELECT x.old_unit_id, x.new_unit_id FROM (
                    SELECT s.old_unit_id, s.new_unit_id,
                           ROW_NUMBER() OVER (PARTITION BY s.old_unit_id ORDER BY n.code, n.id) AS rn
                    FROM unit_succession s JOIN admin_unit n ON n.id = s.new_unit_id) x
                WHERE x.rn = 1),
            retired (id, parent_id) AS (
                SELECT id, parent_id FROM admin_unit WHERE valid_to < :today),
            chain (start_id, cur_id, hops) AS (
                SELECT r.id, COALESCE(f.new_unit_id, r.parent_id), 1
                FROM retired r LEFT JOIN first_successor f ON f.old_unit_id = r.id
                UNION ALL
                SELECT c.start_id, COALESCE(f.new_unit_id, r.parent_id), c.hops + 1
                FROM chain c JOIN retired r ON r.id = c.cur_id LEFT JOIN first_successor f ON f.old_unit_id = r.id
                WHERE c.hops < 20),
            unit_map (source_id, shown_path) AS (
                SELECT u.id, u.path FROM admin_unit u
                WHERE\s""" + Subtree.below("u.path", "prefix") + """

                AND (u.valid_to IS NULL OR u.valid_to >= :today)
                UNION ALL
                SELECT c.start_id, t.path FROM chain c JOIN admin_unit t ON t.id = c.cur_id
                WHERE\s""" + Subtree.below("t.path", "prefix") + """

                AND (t.valid_to IS NULL OR t.valid_to >= :today))
            """;

    /** The boundaries of the time: every unit of the subtree, current or retired, stands for itself. */
    static final String HISTORICAL_UNIT_MAP = """
            WITH unit_map (source_id, shown_path) AS (
                SELECT u.id, u.path FROM admin_unit u WHERE\s""" + Subtree.below("u.path", "prefix") + """
            )
            """;

    /** The id (as text) of the child whose subtree holds the shown unit; null for the unit itself. */
    static final String CHILD = """
            CASE WHEN m.shown_path = :prefix THEN NULL
                 ELSE SUBSTRING(m.shown_path, :childStart, POSITION('/' IN SUBSTRING(m.shown_path, :childStart)) - 1)
            END""";

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitScope scope;

    ReportQueries(NamedParameterJdbcTemplate jdbc, UnitScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    String path(long unitId) {
        return scope.subtreeOf(unitId).path();
    }

    /** Counts per child (null: the unit itself) and target group for one year. */
    List<GroupRow> yearRows(String prefix, int year, Boundaries boundaries) {
        return jdbc.query(yearRowsSql(boundaries), params(prefix, year), (rs, i) ->
                new GroupRow(rs.getString("child"), rs.getString("target_group"), measures(rs)));
    }

    static String yearRowsSql(Boundaries boundaries) {
        return unitMap(boundaries) + "SELECT x.child, x.target_group, " + Measure.sums("x", true) + """

                FROM (SELECT """ + " " + CHILD + " AS child, r.* " + """
                      FROM report_unit_year r JOIN unit_map m ON m.source_id = r.unit_id
                      WHERE r.report_year = :year) x
                GROUP BY x.child, x.target_group""";
    }

    /** Registered citizens (now) per child and target group. */
    List<CountRow> registerRows(String prefix, Boundaries boundaries) {
        return jdbc.query(registerRowsSql(boundaries), params(prefix, null),
                (rs, i) -> new CountRow(rs.getString("child"), rs.getString("target_group"), rs.getLong("n"), 0));
    }

    static String registerRowsSql(Boundaries boundaries) {
        return unitMap(boundaries) + "SELECT x.child, x.target_group, SUM(x.registered) AS n\nFROM (SELECT " + CHILD
                + " AS child, r.target_group, r.registered" + """

                      FROM report_unit_register r JOIN unit_map m ON m.source_id = r.unit_id) x
                GROUP BY x.child, x.target_group""";
    }

    /** Collectives (now) per child and kind. */
    List<CountRow> collectiveRows(String prefix, Boundaries boundaries) {
        return jdbc.query(collectiveRowsSql(boundaries), params(prefix, null),
                (rs, i) -> new CountRow(rs.getString("child"), rs.getString("kind"), rs.getLong("n"), 0));
    }

    static String collectiveRowsSql(Boundaries boundaries) {
        return unitMap(boundaries) + "SELECT x.child, x.kind, SUM(x.total) AS n\nFROM (SELECT " + CHILD
                + " AS child, r.kind, r.total" + """

                      FROM report_unit_collective r JOIN unit_map m ON m.source_id = r.unit_id) x
                GROUP BY x.child, x.kind""";
    }

    /** Collectives recognised in the year per child and kind, with the members recognised learning units declared. */
    List<CountRow> collectiveYearRows(String prefix, int year, Boundaries boundaries) {
        return jdbc.query(collectiveYearRowsSql(boundaries), params(prefix, year),
                (rs, i) -> new CountRow(rs.getString("child"), rs.getString("kind"), rs.getLong("n"),
                        rs.getLong("members")));
    }

    static String collectiveYearRowsSql(Boundaries boundaries) {
        return unitMap(boundaries) + "SELECT x.child, x.kind, SUM(x.recognised) AS n, SUM(x.recognised_members) "
                + "AS members\nFROM (SELECT " + CHILD + " AS child, r.kind, r.recognised, r.recognised_members" + """

                      FROM report_collective_year r JOIN unit_map m ON m.source_id = r.unit_id
                      WHERE r.report_year = :year) x
                GROUP BY x.child, x.kind""";
    }

    /** Counts of the whole subtree per year, every year there is something. */
    List<YearRow> trend(String prefix, Boundaries boundaries) {
        return jdbc.query(trendSql(boundaries), params(prefix, null),
                (rs, i) -> new YearRow(rs.getInt("report_year"), measures(rs)));
    }

    static String trendSql(Boundaries boundaries) {
        return unitMap(boundaries) + "SELECT r.report_year, " + Measure.sums("r", true) + """

                FROM report_unit_year r JOIN unit_map m ON m.source_id = r.unit_id
                GROUP BY r.report_year
                ORDER BY r.report_year""";
    }

    PopulationFigures population(long unitId, int year) {
        List<PopulationFigures> found = jdbc.query("""
                SELECT adults, officials, association_members, association_trained FROM report_population
                WHERE unit_id = :id AND population_year = :year""", Map.of("id", unitId, "year", year),
                (rs, i) -> new PopulationFigures(rs.getObject("adults", Long.class),
                        rs.getObject("officials", Long.class), rs.getObject("association_members", Long.class),
                        rs.getObject("association_trained", Long.class)));
        return found.isEmpty() ? null : found.get(0);
    }

    /** National targets and those set on any of the given units. */
    List<TargetRow> targets(Collection<Long> scopeUnitIds) {
        return jdbc.query("""
                SELECT t.indicator, t.scope_unit_id, t.target_year, t.percentage, s.name AS scope_name
                FROM report_target t LEFT JOIN admin_unit s ON s.id = t.scope_unit_id
                WHERE t.scope_unit_id IS NULL OR t.scope_unit_id IN (:ids)
                ORDER BY t.target_year""", Map.of("ids", scopeUnitIds.isEmpty() ? List.of(-1L) : scopeUnitIds),
                (rs, i) -> new TargetRow(Indicator.valueOf(rs.getString("indicator")),
                        new Target(rs.getInt("target_year"), rs.getBigDecimal("percentage"),
                                rs.getObject("scope_unit_id", Long.class), rs.getString("scope_name"))));
    }

    private static String unitMap(Boundaries boundaries) {
        return boundaries == Boundaries.CURRENT ? CURRENT_UNIT_MAP : HISTORICAL_UNIT_MAP;
    }

    static Map<String, Object> params(String prefix, Integer year) {
        Map<String, Object> params = new HashMap<>();
        params.put("prefix", prefix);
        params.put("childStart", prefix.length() + 1);
        params.put("today", LocalDate.now());
        params.put("year", year);
        return params;
    }

    private static long[] measures(ResultSet rs) throws SQLException {
        long[] values = new long[Measure.COUNT];
        for (Measure m : Measure.values()) {
            values[m.ordinal()] = rs.getLong(m.column());
        }
        return values;
    }

    /** Sums of one child (null: the unit itself) and target group. */
    record GroupRow(String child, String targetGroup, long[] values) {
    }

    /** A count (and a second one) of one child and key (target group or collective kind). */
    record CountRow(String child, String key, long count, long second) {
    }

    record YearRow(int year, long[] values) {
    }

    record TargetRow(Indicator indicator, Target target) {
    }
}
