package vn.khuyenhoc.cdht.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.Subtree;

/**
 * The SQL of the pages that look ahead and across (forecast, completeness, comparison, pivot): sums of the roll-up
 * rows over a subtree, like the dashboard's, grouped by year as well, or by the shown unit's path when the caller
 * rolls them up to a level (a level is data and may sit at any depth, so Java walks the few thousand paths instead
 * of SQL joining every row against every unit of the level).
 */
@Repository
@Transactional(readOnly = true)
class InsightQueries {

    private final NamedParameterJdbcTemplate jdbc;

    InsightQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sums per child (null: the unit itself) and year, every year. */
    List<KeyYearRow> childYearRows(String prefix, Boundaries boundaries) {
        return jdbc.query(childYearRowsSql(boundaries), ReportQueries.params(prefix, null),
                (rs, i) -> new KeyYearRow(rs.getString("child"), rs.getInt("report_year"), measures(rs)));
    }

    static String childYearRowsSql(Boundaries boundaries) {
        return unitMap(boundaries) + "SELECT x.child, x.report_year, " + Measure.sums("x", true) + "\nFROM (SELECT "
                + ReportQueries.CHILD + " AS child, r.*\n      FROM report_unit_year r JOIN unit_map m "
                + "ON m.source_id = r.unit_id) x\nGROUP BY x.child, x.report_year";
    }

    /** Sums per shown unit (its path) and year on today's boundaries, for rolling up to any level. */
    List<KeyYearRow> pathYearRows(String prefix) {
        return jdbc.query(pathYearRowsSql(), ReportQueries.params(prefix, null),
                (rs, i) -> new KeyYearRow(rs.getString("shown_path"), rs.getInt("report_year"), measures(rs)));
    }

    static String pathYearRowsSql() {
        return ReportQueries.CURRENT_UNIT_MAP + "SELECT m.shown_path, r.report_year, " + Measure.sums("r", true)
                + "\nFROM report_unit_year r JOIN unit_map m ON m.source_id = r.unit_id"
                + "\nGROUP BY m.shown_path, r.report_year";
    }

    static final String LEVEL_UNITS = """
            SELECT id, code, name, path FROM admin_unit
            WHERE level_code = :level AND\s""" + Subtree.below("path", "prefix") + """

            AND (valid_to IS NULL OR valid_to >= :today)
            ORDER BY code, id""";

    /** Today's units of a level within the subtree: the rows of a list or a pivot by unit. */
    List<LevelUnit> levelUnits(String prefix, String level) {
        return jdbc.query(LEVEL_UNITS, Map.of("level", level, "prefix", prefix, "today", LocalDate.now()),
                (rs, i) -> new LevelUnit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("path")));
    }

    /** The levels that have current units below the unit (for the level pickers), shallowest first. */
    List<String> levelsBelow(String prefix) {
        return jdbc.queryForList("""
                SELECT l.code FROM area_level l
                WHERE EXISTS (SELECT 1 FROM admin_unit u WHERE u.level_code = l.code AND\s"""
                + Subtree.below("u.path", "prefix") + """

                              AND u.path <> :prefix AND (u.valid_to IS NULL OR u.valid_to >= :today))
                ORDER BY l.sort_order""", Map.of("prefix", prefix, "today", LocalDate.now()), String.class);
    }

    /** Collectives recognised per year and kind over the subtree (the 387 rates' numerators, year by year). */
    List<KeyYearRow> collectiveYearSeries(String prefix) {
        return jdbc.query(collectiveYearSeriesSql(), ReportQueries.params(prefix, null),
                (rs, i) -> new KeyYearRow(rs.getString("kind"), rs.getInt("report_year"),
                        new long[] {rs.getLong("n")}));
    }

    static String collectiveYearSeriesSql() {
        return ReportQueries.CURRENT_UNIT_MAP + """
                SELECT r.kind, r.report_year, SUM(r.recognised) AS n
                FROM report_collective_year r JOIN unit_map m ON m.source_id = r.unit_id
                GROUP BY r.kind, r.report_year""";
    }

    /** The association figures entered for the unit, year by year: {trained, members}. */
    List<KeyYearRow> associationSeries(long unitId) {
        return jdbc.query("""
                SELECT population_year, association_trained, association_members FROM report_population
                WHERE unit_id = :id AND association_trained IS NOT NULL AND association_members IS NOT NULL
                ORDER BY population_year""", Map.of("id", unitId),
                (rs, i) -> new KeyYearRow(null, rs.getInt("population_year"),
                        new long[] {rs.getLong("association_trained"), rs.getLong("association_members")}));
    }

    /**
     * Completeness, boundaries of the time: per child valid in the year, the leaf units (units valid in the year
     * without a child valid in the year: where data is entered) and how many of them have any assessment.
     */
    List<KeyYearRow> leafEntry(String prefix, int year) {
        Map<String, Object> params = ReportQueries.params(prefix, year);
        params.put("first", LocalDate.of(year, 1, 1));
        params.put("last", LocalDate.of(year, 12, 31));
        return jdbc.query(leafEntrySql(), params, (rs, i) -> new KeyYearRow(rs.getString("child"), year,
                new long[] {rs.getLong("leaves"), rs.getLong("entered")}));
    }

    static String leafEntrySql() {
        String child = ReportQueries.CHILD.replace("m.shown_path", "u.path");
        String validIn = " %1$s.valid_from <= :last AND (%1$s.valid_to IS NULL OR %1$s.valid_to >= :first)";
        return "SELECT x.child, COUNT(*) AS leaves, SUM(x.entered) AS entered\nFROM (SELECT " + child
                + " AS child, CASE WHEN EXISTS (SELECT 1 FROM report_unit_year r WHERE r.unit_id = u.id "
                + "AND r.report_year = :year AND r.assessed > 0) THEN 1 ELSE 0 END AS entered\n"
                + "      FROM admin_unit u WHERE " + Subtree.below("u.path", "prefix") + " AND" + validIn.formatted("u")
                + "\n      AND NOT EXISTS (SELECT 1 FROM admin_unit k WHERE k.parent_id = u.id AND"
                + validIn.formatted("k") + ")) x\nGROUP BY x.child";
    }

    /** The last change of an assessment per child in the year (boundaries of the time). */
    Map<String, Instant> lastEntry(String prefix, int year) {
        Map<String, Instant> last = new java.util.HashMap<>();
        jdbc.query(lastEntrySql(), ReportQueries.params(prefix, year), rs -> {
                    Timestamp at = rs.getTimestamp("last_entry");
                    if (at != null) {
                        last.put(rs.getString("child") == null ? "" : rs.getString("child"), at.toInstant());
                    }
                });
        return last;
    }

    static String lastEntrySql() {
        return ReportQueries.HISTORICAL_UNIT_MAP + "SELECT x.child, MAX(x.last_entry_at) AS last_entry\nFROM "
                + "(SELECT " + ReportQueries.CHILD + " AS child, r.last_entry_at\n      FROM report_unit_cube r "
                + "JOIN unit_map m ON m.source_id = r.unit_id WHERE r.report_year = :year) x\nGROUP BY x.child";
    }

    /**
     * Pivot cells: the cube's counts over the subtree (today's boundaries) grouped by the dimensions asked for;
     * the unit dimension is grouped by the shown unit's path (rolled up to the level by the caller).
     */
    List<CubeRow> cube(String prefix, List<PivotDimension> dimensions, Integer year) {
        String sql = cubeSql(dimensions, year != null);
        return jdbc.query(sql, ReportQueries.params(prefix, year), (rs, i) -> {
            String[] keys = new String[dimensions.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = rs.getString(dimensions.get(k).alias());
            }
            long[] values = new long[CubeMeasure.values().length];
            for (CubeMeasure m : CubeMeasure.values()) {
                values[m.ordinal()] = rs.getLong(m.column());
            }
            return new CubeRow(keys, values);
        });
    }

    static String cubeSql(List<PivotDimension> dimensions, boolean oneYear) {
        StringBuilder select = new StringBuilder();
        StringBuilder group = new StringBuilder();
        for (PivotDimension d : dimensions) {
            select.append(d.column()).append(" AS ").append(d.alias()).append(", ");
            group.append(group.isEmpty() ? "" : ", ").append(d.column());
        }
        return ReportQueries.CURRENT_UNIT_MAP + "SELECT " + select + sums()
                + "\nFROM report_unit_cube r JOIN unit_map m ON m.source_id = r.unit_id"
                + (oneYear ? "\nWHERE r.report_year = :year" : "")
                + (group.isEmpty() ? "" : "\nGROUP BY " + group);
    }

    private static String sums() {
        StringBuilder out = new StringBuilder();
        for (CubeMeasure m : CubeMeasure.values()) {
            out.append(out.isEmpty() ? "" : ", ").append("SUM(r.").append(m.column()).append(") AS ")
                    .append(m.column());
        }
        return out.toString();
    }

    private static String unitMap(Boundaries boundaries) {
        return boundaries == Boundaries.CURRENT ? ReportQueries.CURRENT_UNIT_MAP : ReportQueries.HISTORICAL_UNIT_MAP;
    }

    private static long[] measures(ResultSet rs) throws SQLException {
        long[] values = new long[Measure.COUNT];
        for (Measure m : Measure.values()) {
            values[m.ordinal()] = rs.getLong(m.column());
        }
        return values;
    }

    /** Sums of one key (a child, a path, a kind) and year. */
    record KeyYearRow(String key, int year, long[] values) {
    }

    record LevelUnit(long id, String code, String name, String path) {
    }

    record CubeRow(String[] keys, long[] values) {
    }
}
