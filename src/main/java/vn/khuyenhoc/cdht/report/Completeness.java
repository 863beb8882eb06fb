package vn.khuyenhoc.cdht.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * "Mức độ đầy đủ" (DHIS2's completeness): for a year and each child unit valid in it, the share of its leaf units
 * (where data is entered: hamlets, or communes without hamlets) with any assessment, the share of registered
 * citizens assessed, the forms waiting in each state and the last entry; the children with nothing entered first.
 * On the boundaries of the time, since it asks who has entered what where. The register keeps no history, so the
 * share assessed compares with today's register.
 */
@Service
@Transactional(readOnly = true)
class Completeness {

    private final Units units;
    private final UnitScope scope;
    private final ReportQueries queries;
    private final InsightQueries insights;

    Completeness(Units units, UnitScope scope, ReportQueries queries, InsightQueries insights) {
        this.units = units;
        this.scope = scope;
        this.queries = queries;
        this.insights = insights;
    }

    /** One child (unit null: the unit's own leaf data) or the total. */
    record Row(UnitRef unit, long leaves, long entered, long registered, long assessed, long draft, long submitted,
            long verified, long returned, long recognised, Instant lastEntry) {

        public Ratio leafShare() {
            return Ratio.of(entered, leaves);
        }

        public Ratio assessedShare() {
            return Ratio.of(assessed, registered);
        }

        /** Waiting for someone: drafts, submitted, verified, returned. */
        public long waiting() {
            return draft + submitted + verified + returned;
        }

        public boolean nothingEntered() {
            return assessed == 0;
        }
    }

    record View(UnitRef unit, int year, List<Row> rows, Row total) {
    }

    View of(CurrentUser user, long unitId, int year) {
        UnitSummary unit = scope.requireVisible(user, unitId);
        Dashboards.requireYear(year);
        String prefix = queries.path(unitId);
        Map<String, long[]> counts = new HashMap<>();
        for (ReportQueries.GroupRow row : queries.yearRows(prefix, year, Boundaries.HISTORICAL)) {
            long[] sum = counts.computeIfAbsent(key(row.child()), k -> new long[Measure.COUNT]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += row.values()[i];
            }
        }
        Map<String, Long> registered = new HashMap<>();
        for (ReportQueries.CountRow row : queries.registerRows(prefix, Boundaries.HISTORICAL)) {
            registered.merge(key(row.child()), row.count(), Long::sum);
        }
        Map<String, long[]> leaves = new HashMap<>();
        for (InsightQueries.KeyYearRow row : insights.leafEntry(prefix, year)) {
            leaves.put(key(row.key()), row.values());
        }
        Map<String, Instant> last = insights.lastEntry(prefix, year);

        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        List<Row> rows = new ArrayList<>();
        for (UnitSummary child : units.children(unitId, true)) {
            if (child.validFrom().isAfter(end) || child.validTo() != null && child.validTo().isBefore(first)) {
                continue;
            }
            String key = String.valueOf(child.id());
            rows.add(row(Dashboards.ref(child), key, counts, registered, leaves, last));
        }
        if (counts.containsKey("") || leaves.containsKey("") || registered.getOrDefault("", 0L) > 0) {
            rows.add(row(null, "", counts, registered, leaves, last));
        }
        rows.sort(Comparator.comparing((Row r) -> !r.nothingEntered())
                .thenComparing(r -> r.leafShare().rate() == null ? -1.0 : r.leafShare().rate().doubleValue())
                .thenComparing(r -> r.unit() == null ? "" : r.unit().name()));
        Row total = new Row(null, sum(rows, Row::leaves), sum(rows, Row::entered), sum(rows, Row::registered),
                sum(rows, Row::assessed), sum(rows, Row::draft), sum(rows, Row::submitted), sum(rows, Row::verified),
                sum(rows, Row::returned), sum(rows, Row::recognised), rows.stream().map(Row::lastEntry)
                        .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
        return new View(Dashboards.ref(unit), year, rows, total);
    }

    private static Row row(UnitRef unit, String key, Map<String, long[]> counts, Map<String, Long> registered,
            Map<String, long[]> leaves, Map<String, Instant> last) {
        long[] v = counts.getOrDefault(key, new long[Measure.COUNT]);
        long[] l = leaves.getOrDefault(key, new long[2]);
        return new Row(unit, l[0], l[1], registered.getOrDefault(key, 0L), v[Measure.ASSESSED.ordinal()],
                v[Measure.DRAFT.ordinal()], v[Measure.SUBMITTED.ordinal()], v[Measure.VERIFIED.ordinal()],
                v[Measure.RETURNED.ordinal()], v[Measure.RECOGNISED.ordinal()], last.get(key));
    }

    private static long sum(List<Row> rows, java.util.function.ToLongFunction<Row> f) {
        return rows.stream().mapToLong(f).sum();
    }

    private static String key(String child) {
        return child == null ? "" : child;
    }
}
