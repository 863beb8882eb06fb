package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Comparison of a unit's children (communes of a province, hamlets of a commune): every measured indicator last year
 * and this year, the change, and each child's trend over all years (sparklines), from one query over the roll-ups.
 */
@Service
@Transactional(readOnly = true)
class Comparisons {

    private final Units units;
    private final UnitScope scope;
    private final ReportQueries queries;
    private final InsightQueries insights;

    Comparisons(Units units, UnitScope scope, ReportQueries queries, InsightQueries insights) {
        this.units = units;
        this.scope = scope;
        this.queries = queries;
        this.insights = insights;
    }

    record Cell(Indicator indicator, Ratio before, Ratio now, BigDecimal change, List<BigDecimal> trend) {
    }

    record Row(UnitRef unit, long registered, long assessed, long assessedBefore, long recognised,
            long recognisedBefore, List<Cell> cells) {

        Cell cell(Indicator indicator) {
            return cells.stream().filter(c -> c.indicator() == indicator).findFirst().orElseThrow();
        }
    }

    record View(UnitRef unit, int year, Boundaries boundaries, List<Integer> years, List<Row> rows, String sort,
            boolean descending) {
    }

    /** sort: name, registered, assessed, recognised, an indicator (ADULTS) or its change (ADULTS.change). */
    View of(CurrentUser user, long unitId, int year, String sort, boolean descending) {
        UnitSummary unit = scope.requireVisible(user, unitId);
        Dashboards.requireYear(year);
        Boundaries boundaries = unit.current() ? Boundaries.CURRENT : Boundaries.HISTORICAL;
        String prefix = queries.path(unitId);
        Map<String, Map<Integer, long[]>> byChild = new HashMap<>();
        Set<Integer> yearSet = new HashSet<>();
        for (InsightQueries.KeyYearRow row : insights.childYearRows(prefix, boundaries)) {
            if (row.key() != null && row.year() <= year) {
                byChild.computeIfAbsent(row.key(), k -> new TreeMap<>()).put(row.year(), row.values());
                yearSet.add(row.year());
            }
        }
        Map<String, Long> registered = new HashMap<>();
        for (ReportQueries.CountRow row : queries.registerRows(prefix, boundaries)) {
            if (row.child() != null) {
                registered.merge(row.child(), row.count(), Long::sum);
            }
        }
        List<Integer> years = yearSet.stream().sorted().toList();
        List<Row> rows = new ArrayList<>();
        long[] none = new long[Measure.COUNT];
        for (UnitSummary child : units.children(unitId, true)) {
            String key = String.valueOf(child.id());
            boolean shown = boundaries == Boundaries.CURRENT ? child.current() : byChild.containsKey(key);
            if (!shown && !byChild.containsKey(key) && !registered.containsKey(key)) {
                continue;
            }
            Map<Integer, long[]> series = byChild.getOrDefault(key, Map.of());
            long[] now = series.getOrDefault(year, none);
            long[] before = series.getOrDefault(year - 1, none);
            List<Cell> cells = new ArrayList<>();
            for (Indicator indicator : Indicator.MEASURED) {
                Ratio a = Dashboards.official(indicator, before);
                Ratio b = Dashboards.official(indicator, now);
                BigDecimal change = a.rate() == null || b.rate() == null ? null : b.rate().subtract(a.rate());
                List<BigDecimal> trend = new ArrayList<>();
                for (int y : years) {
                    trend.add(Dashboards.official(indicator, series.getOrDefault(y, none)).rate());
                }
                cells.add(new Cell(indicator, a, b, change, trend));
            }
            rows.add(new Row(Dashboards.ref(child), registered.getOrDefault(key, 0L), now[Measure.ASSESSED.ordinal()],
                    before[Measure.ASSESSED.ordinal()], now[Measure.RECOGNISED.ordinal()],
                    before[Measure.RECOGNISED.ordinal()], cells));
        }
        String chosen = sort == null || sort.isBlank() ? "name" : sort;
        Comparator<Row> order = comparator(chosen);
        rows.sort(descending ? order.reversed() : order);
        return new View(Dashboards.ref(unit), year, boundaries, years, rows, chosen, descending);
    }

    /** Empty rates sort before any rate (ascending): the units without data show first when looking for gaps. */
    static Comparator<Row> comparator(String sort) {
        Comparator<BigDecimal> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        switch (sort) {
            case "registered":
                return Comparator.comparingLong(Row::registered);
            case "assessed":
                return Comparator.comparingLong(Row::assessed);
            case "recognised":
                return Comparator.comparingLong(Row::recognised);
            default:
                break;
        }
        for (Indicator indicator : Indicator.MEASURED) {
            if (sort.equals(indicator.name())) {
                return Comparator.comparing((Row r) -> r.cell(indicator).now().rate(), nullsFirst);
            }
            if (sort.equals(indicator.name() + ".change")) {
                return Comparator.comparing((Row r) -> r.cell(indicator).change(), nullsFirst);
            }
        }
        return Comparator.comparing((Row r) -> r.unit().name());
    }
}
