package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * "Dự báo": every indicator of a unit projected to its target years ({@link Forecast}), and the units of a level
 * whose pace misses a target year, from the roll-ups. Read-only: the reports' read paths may be routed to a replica.
 */
@Service
@Transactional(readOnly = true)
class Forecasts {

    private final UnitScope scope;
    private final ReportQueries queries;
    private final InsightQueries insights;

    Forecasts(UnitScope scope, ReportQueries queries, InsightQueries insights) {
        this.scope = scope;
        this.queries = queries;
        this.insights = insights;
    }

    /** One indicator's rates year by year and where they head. */
    record IndicatorForecast(Indicator indicator, List<YearRate> series, Forecast.Result result) {
    }

    record YearRate(int year, Ratio ratio) {
    }

    /** One unit and indicator whose projection to the target year is at risk or off track. */
    record AtRiskRow(UnitRef unit, Indicator indicator, BigDecimal last, Integer lastYear, BigDecimal slope,
            Forecast.Projection projection, int years) {
    }

    record AtRiskList(int targetYear, String level, List<String> levels, List<AtRiskRow> rows, int unitsChecked) {
    }

    /** Beside each measured indicator of the dashboard: from the view's own trend, no further query. */
    Map<Indicator, Forecast.Result> forView(ReportView view) {
        Map<Indicator, Forecast.Result> out = new EnumMap<>(Indicator.class);
        for (IndicatorFigure figure : view.indicators()) {
            if (!Indicator.MEASURED.contains(figure.indicator())) {
                continue;
            }
            List<Forecast.Point> points = new ArrayList<>();
            for (TrendPoint p : view.trend()) {
                p.indicators().stream().filter(l -> l.indicator() == figure.indicator() && l.ratio().hasData())
                        .findFirst().ifPresent(l -> points.add(Forecast.Point.of(p.year(), l.ratio())));
            }
            out.put(figure.indicator(), Forecast.of(points, figure.targets(), view.year(), Year.now().getValue()));
        }
        return out;
    }

    /** Every indicator of the unit, from the years recorded up to the year. */
    List<IndicatorForecast> unit(CurrentUser user, long unitId, int year) {
        UnitSummary unit = requireYear(user, unitId, year);
        String prefix = queries.path(unitId);
        Boundaries boundaries = unit.current() ? Boundaries.CURRENT : Boundaries.HISTORICAL;
        List<Long> chain = TargetBook.chain(prefix);
        Map<Indicator, List<Target>> targets = new TargetBook(queries.targets(chain)).forChain(chain);
        Map<Indicator, List<YearRate>> series = new EnumMap<>(Indicator.class);
        for (ReportQueries.YearRow row : queries.trend(prefix, boundaries)) {
            for (Indicator indicator : Indicator.MEASURED) {
                series.computeIfAbsent(indicator, k -> new ArrayList<>())
                        .add(new YearRate(row.year(), Dashboards.official(indicator, row.values())));
            }
        }
        for (InsightQueries.KeyYearRow row : insights.associationSeries(unitId)) {
            series.computeIfAbsent(Indicator.ASSOCIATION_STAFF, k -> new ArrayList<>())
                    .add(new YearRate(row.year(), Ratio.of(row.values()[0], row.values()[1])));
        }
        Map<String, Long> totals = new HashMap<>();
        for (ReportQueries.CountRow row : queries.collectiveRows(prefix, boundaries)) {
            totals.merge(row.key(), row.count(), Long::sum);
        }
        for (InsightQueries.KeyYearRow row : insights.collectiveYearSeries(prefix)) {
            for (Indicator indicator : Indicator.values()) {
                if (indicator.kind() != null && indicator.kind().name().equals(row.key())) {
                    series.computeIfAbsent(indicator, k -> new ArrayList<>()).add(new YearRate(row.year(),
                            Ratio.of(row.values()[0], totals.getOrDefault(row.key(), 0L))));
                }
            }
        }
        List<IndicatorForecast> out = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            List<YearRate> rates = new ArrayList<>(series.getOrDefault(indicator, List.of()));
            rates.sort(Comparator.comparingInt(YearRate::year));
            out.add(new IndicatorForecast(indicator, rates, forecast(rates, targets.get(indicator), year)));
        }
        return out;
    }

    /**
     * The units of a level (today's boundaries) under the unit, each measured indicator projected to the target
     * year, keeping those at risk or off track; sorted worst first (off track, then the largest yearly increase
     * still needed). level null: the shallowest level below the unit.
     */
    AtRiskList atRisk(CurrentUser user, long unitId, int year, String level, Integer targetYear) {
        requireYear(user, unitId, year);
        String prefix = queries.path(unitId);
        List<String> levels = insights.levelsBelow(prefix);
        String chosen = level != null && levels.contains(level) ? level : levels.isEmpty() ? null : levels.get(0);
        int target = targetYear != null && (targetYear == 2025 || targetYear == 2030) ? targetYear
                : year <= 2025 ? 2025 : 2030;
        if (chosen == null) {
            return new AtRiskList(target, null, levels, List.of(), 0);
        }
        List<InsightQueries.LevelUnit> levelUnits = insights.levelUnits(prefix, chosen);
        Map<Long, Map<Integer, long[]>> byUnit = rollUp(insights.pathYearRows(prefix), levelUnits);
        Set<Long> scope = new HashSet<>();
        levelUnits.forEach(u -> scope.addAll(TargetBook.chain(u.path())));
        TargetBook book = new TargetBook(queries.targets(scope));
        List<AtRiskRow> rows = new ArrayList<>();
        for (InsightQueries.LevelUnit u : levelUnits) {
            Map<Indicator, List<Target>> targets = book.forChain(TargetBook.chain(u.path()));
            Map<Integer, long[]> years = byUnit.getOrDefault(u.id(), Map.of());
            for (Indicator indicator : Indicator.MEASURED) {
                List<YearRate> rates = new ArrayList<>();
                years.forEach((y, values) -> rates.add(new YearRate(y, Dashboards.official(indicator, values))));
                Forecast.Result result = forecast(rates, targets.get(indicator), year);
                result.projections().stream().filter(p -> p.targetYear() == target && p.verdict().atRisk())
                        .findFirst().ifPresent(p -> rows.add(new AtRiskRow(new UnitRef(u.id(), u.code(), u.name(),
                                chosen, true), indicator, result.last(), result.lastYear(), result.slope(), p,
                                result.years())));
            }
        }
        rows.sort(Comparator.comparingInt((AtRiskRow r) -> -r.projection().verdict().severity())
                .thenComparing(r -> r.projection().neededPerYear() == null ? BigDecimal.ZERO
                        : r.projection().neededPerYear(), Comparator.reverseOrder())
                .thenComparing(r -> r.unit().code()));
        return new AtRiskList(target, chosen, levels, rows, levelUnits.size());
    }

    /** Each level unit's sums per year: every shown unit's row goes to the level unit on its path. */
    static Map<Long, Map<Integer, long[]>> rollUp(List<InsightQueries.KeyYearRow> rows,
            List<InsightQueries.LevelUnit> levelUnits) {
        Set<Long> ids = new HashSet<>();
        levelUnits.forEach(u -> ids.add(u.id()));
        Map<Long, Map<Integer, long[]>> out = new HashMap<>();
        for (InsightQueries.KeyYearRow row : rows) {
            Long owner = ownerOnPath(row.key(), ids);
            if (owner != null) {
                long[] sum = out.computeIfAbsent(owner, k -> new TreeMap<>())
                        .computeIfAbsent(row.year(), k -> new long[row.values().length]);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += row.values()[i];
                }
            }
        }
        return out;
    }

    /** The first id of the path that is one of the ids (the path runs from the root down). */
    static Long ownerOnPath(String path, Set<Long> ids) {
        for (Long id : TargetBook.chain(path)) {
            if (ids.contains(id)) {
                return id;
            }
        }
        return null;
    }

    private static Forecast.Result forecast(List<YearRate> rates, List<Target> targets, int year) {
        List<Forecast.Point> points = rates.stream().filter(r -> r.ratio().hasData())
                .map(r -> Forecast.Point.of(r.year(), r.ratio())).toList();
        return Forecast.of(points, targets == null ? List.of() : targets, year, Year.now().getValue());
    }

    private UnitSummary requireYear(CurrentUser user, long unitId, int year) {
        UnitSummary unit = scope.requireVisible(user, unitId);
        Dashboards.requireYear(year);
        return unit;
    }
}
