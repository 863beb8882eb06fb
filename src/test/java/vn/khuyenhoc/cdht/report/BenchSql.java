package vn.khuyenhoc.cdht.report;

import java.util.List;

/**
 * The SQL the benchmark (bench/dashboard-vs-raw.sh) times, generated from the code that the application runs, so
 * the two never drift apart ({@link BenchSqlTest} fails when bench/sql/ is stale): the dashboard's statements over
 * the precomputed rows, and the plain GROUP BY over the raw tables computing the same figures. Both take their
 * values as pgbench variables, which have the same spelling as Spring's named parameters (:prefix, :year, ...).
 */
final class BenchSql {

    private BenchSql() {
    }

    /** What one dashboard request runs: the unit's path, the five sums, its population figures, its targets. */
    static List<String> dashboard() {
        Boundaries b = Boundaries.CURRENT;
        return List.of(
                "SELECT path FROM admin_unit WHERE id = :unitId",
                ReportQueries.yearRowsSql(b),
                ReportQueries.registerRowsSql(b),
                ReportQueries.collectiveRowsSql(b),
                ReportQueries.collectiveYearRowsSql(b),
                ReportQueries.trendSql(b),
                """
                SELECT adults, officials, association_members, association_trained FROM report_population
                WHERE unit_id = :unitId AND population_year = :year""",
                """
                SELECT t.indicator, t.scope_unit_id, t.target_year, t.percentage, s.name AS scope_name
                FROM report_target t LEFT JOIN admin_unit s ON s.id = t.scope_unit_id
                WHERE t.scope_unit_id IS NULL OR t.scope_unit_id IN (:ids)
                ORDER BY t.target_year""");
    }

    /**
     * The SQL of the issue 16 pages, each as its page runs it (the pivot: communes by age band over all years); the
     * forecast page also runs the dashboard's trend and target statements, the comparison its register statement.
     */
    static List<String> insights() {
        return List.of(
                InsightQueries.childYearRowsSql(Boundaries.CURRENT),
                InsightQueries.pathYearRowsSql(),
                InsightQueries.LEVEL_UNITS,
                InsightQueries.collectiveYearSeriesSql(),
                InsightQueries.leafEntrySql(),
                InsightQueries.lastEntrySql(),
                ReportQueries.yearRowsSql(Boundaries.HISTORICAL),
                InsightQueries.cubeSql(List.of(PivotDimension.UNIT, PivotDimension.AGE_BAND), false));
    }

    /** The same five sums straight from citizen, assessment, collective and collective_year. */
    static List<String> raw() {
        return List.of(rawYearRows(), rawCounts(ReportRefresh.registerSelect(IN_SUBTREE), "target_group"),
                rawCounts(ReportRefresh.collectiveSelect(IN_SUBTREE), "kind"), rawCollectiveYear(), rawTrend());
    }

    /**
     * One refresh of one unit and year, as a listener runs it (all four tables), inside a transaction that is
     * rolled back so that the benchmark can repeat it.
     */
    static List<String> refresh() {
        ReportRefresh.Restriction r = new ReportRefresh.Restriction(1L, 1);
        return List.of("BEGIN",
                "SELECT pg_advisory_xact_lock(" + ReportRefresh.LOCK_SPACE + ", :unitId)",
                "DELETE FROM report_unit_year WHERE 1 = 1" + r.on("unit_id", "report_year"),
                ReportRefresh.unitYearInsert(r),
                "DELETE FROM report_unit_cube WHERE 1 = 1" + r.on("unit_id", "report_year"),
                ReportRefresh.cubeInsert(r),
                "DELETE FROM report_collective_year WHERE 1 = 1" + r.on("unit_id", "report_year"),
                "INSERT INTO report_collective_year (unit_id, report_year, kind, recognised, recognised_members)\n"
                        + ReportRefresh.collectiveYearSelect(r),
                "DELETE FROM report_unit_register WHERE 1 = 1" + r.on("unit_id", null),
                "INSERT INTO report_unit_register (unit_id, target_group, registered)\n"
                        + ReportRefresh.registerSelect(r),
                "DELETE FROM report_unit_collective WHERE 1 = 1" + r.on("unit_id", null),
                "INSERT INTO report_unit_collective (unit_id, kind, total)\n" + ReportRefresh.collectiveSelect(r),
                "ROLLBACK");
    }

    /** Units of the subtree as the unit_map CTE re-bases them; the year where the table has one. */
    static final ReportRefresh.Filter IN_SUBTREE = (unitColumn, yearColumn) ->
            " AND " + unitColumn + " IN (SELECT source_id FROM unit_map)"
                    + (yearColumn == null ? "" : " AND " + yearColumn + " = :year");

    private static final ReportRefresh.Filter IN_SUBTREE_ALL_YEARS = (unitColumn, yearColumn) ->
            " AND " + unitColumn + " IN (SELECT source_id FROM unit_map)";

    static String rawYearRows() {
        return ReportQueries.CURRENT_UNIT_MAP + "SELECT x.child, x.target_group, " + Measure.sums("x", true)
                + "\nFROM (SELECT " + ReportQueries.CHILD + " AS child, t.*\n      FROM ("
                + ReportRefresh.unitYearSources(IN_SUBTREE) + ") t\n      JOIN unit_map m ON m.source_id = t.unit_id) x"
                + "\nGROUP BY x.child, x.target_group";
    }

    private static String rawCounts(String select, String key) {
        return ReportQueries.CURRENT_UNIT_MAP + "SELECT x.child, x." + key + ", SUM(x.n) AS n\nFROM (SELECT "
                + ReportQueries.CHILD + " AS child, t." + key + ", t.n\n      FROM (" + select + ") t (unit_id, " + key
                + ", n)\n      JOIN unit_map m ON m.source_id = t.unit_id) x\nGROUP BY x.child, x." + key;
    }

    private static String rawCollectiveYear() {
        return ReportQueries.CURRENT_UNIT_MAP + "SELECT x.child, x.kind, SUM(x.n) AS n, SUM(x.members) AS members"
                + "\nFROM (SELECT " + ReportQueries.CHILD + " AS child, t.kind, t.n, t.members\n      FROM ("
                + ReportRefresh.collectiveYearSelect(IN_SUBTREE) + ") t (unit_id, report_year, kind, n, members)"
                + "\n      JOIN unit_map m ON m.source_id = t.unit_id) x\nGROUP BY x.child, x.kind";
    }

    private static String rawTrend() {
        return ReportQueries.CURRENT_UNIT_MAP + "SELECT t.report_year, " + Measure.sums("t", true) + "\nFROM ("
                + ReportRefresh.unitYearSources(IN_SUBTREE_ALL_YEARS) + ") t\nGROUP BY t.report_year"
                + "\nORDER BY t.report_year";
    }

    /** A pgbench script: statements separated by semicolons. */
    static String script(String comment, List<String> statements) {
        StringBuilder out = new StringBuilder("-- " + comment + "\n-- Generated by BenchSql (src/test/java/vn/"
                + "khuyenhoc/cdht/report): do not edit; run BenchSqlTest with -Dcdht.bench.write=true.\n");
        for (String statement : statements) {
            out.append(statement.strip()).append(";\n\n");
        }
        return out.toString();
    }
}
