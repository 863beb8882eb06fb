package vn.khuyenhoc.cdht.report;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The figures of a unit and year over its subtree, for the dashboard, the export and the JSON endpoint alike.
 * Scope: 404 for an unknown unit, 403 outside the user's subtree, whatever the role (every role reads reports).
 */
@Service
@Transactional(readOnly = true)
class Dashboards {

    static final int FIRST_YEAR = 2000;

    private final Units units;
    private final UnitScope scope;
    private final ReportQueries queries;
    private final CriteriaCatalog catalog;
    private final DashboardCache cache;

    Dashboards(Units units, UnitScope scope, ReportQueries queries, CriteriaCatalog catalog, DashboardCache cache) {
        this.units = units;
        this.scope = scope;
        this.queries = queries;
        this.catalog = catalog;
        this.cache = cache;
    }

    /** Next year, and at least the last target year (2030): the year picker offers the target years. */
    static int lastYear() {
        return Math.max(Year.now().getValue() + 1, 2030);
    }

    /** A year the reports cover, else 404. */
    static void requireYear(int year) {
        if (year < FIRST_YEAR || year > lastYear()) {
            throw new NotFoundException("report year " + year);
        }
    }

    /** The unit as the report pages name it; 404 unknown, 403 outside the user's subtree. */
    UnitRef unitRef(CurrentUser user, long unitId) {
        return ref(scope.requireVisible(user, unitId));
    }

    ReportView view(CurrentUser user, long unitId, int year, Boundaries requested) {
        return shown(user, unitId, year, requested).view();
    }

    /**
     * The scope check first, on every request (404 unknown, 403 outside the subtree), then the figures from
     * {@link DashboardCache} (computed on a miss) under the user's own breadcrumbs.
     */
    DashboardCache.Shown shown(CurrentUser user, long unitId, int year, Boundaries requested) {
        UnitSummary unit = scope.requireVisible(user, unitId);
        requireYear(year);
        DashboardCache.Entry entry = cache.entry(unit, year, requested, () -> compute(unit, unitId, year, requested));
        List<UnitRef> breadcrumbs = units.breadcrumbs(user, unitId).stream().map(Dashboards::ref).toList();
        return new DashboardCache.Shown(entry.figures().withBreadcrumbs(breadcrumbs), entry);
    }

    /**
     * The HTML of the shown figures for this reader, rendered by {@code render} (given the reader's two permissions)
     * once per cached entry, locale and permissions.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    String figuresHtml(DashboardCache.Shown shown, CurrentUser user, Locale locale,
            Function<Map<String, Object>, String> render) {
        boolean mayManage = Targets.mayManage(user);
        boolean mayRebuild = ReportPolicy.REBUILD.allows(user);
        return cache.html(shown.entry(), locale, mayManage, mayRebuild,
                () -> render.apply(Map.of("canManage", mayManage, "mayRebuild", mayRebuild)));
    }

    /** The figures of a unit already checked against the user's scope, without breadcrumbs (they are the user's). */
    private ReportView compute(UnitSummary unit, long unitId, int year, Boundaries requested) {
        // On today's boundaries a retired unit's rows belong to its successor: show it as it was.
        Boundaries boundaries = unit.current() ? requested : Boundaries.HISTORICAL;
        String prefix = queries.path(unitId);
        List<Long> chain = TargetBook.chain(prefix);

        Map<String, long[]> byChild = new HashMap<>();
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        for (ReportQueries.GroupRow row : queries.yearRows(prefix, year, boundaries)) {
            add(byChild.computeIfAbsent(key(row.child()), k -> new long[Measure.COUNT]), row.values());
            add(byGroup.computeIfAbsent(row.targetGroup(), k -> new long[Measure.COUNT]), row.values());
        }
        Map<String, Long> registeredByChild = new HashMap<>();
        Map<String, Long> registeredByGroup = new HashMap<>();
        for (ReportQueries.CountRow row : queries.registerRows(prefix, boundaries)) {
            registeredByChild.merge(key(row.child()), row.count(), Long::sum);
            registeredByGroup.merge(row.key(), row.count(), Long::sum);
        }
        Map<String, Long> collectivesByKind = new HashMap<>();
        for (ReportQueries.CountRow row : queries.collectiveRows(prefix, boundaries)) {
            collectivesByKind.merge(row.key(), row.count(), Long::sum);
        }
        Map<String, Long> recognisedByKind = new HashMap<>();
        Map<String, Long> membersByKind = new HashMap<>();
        for (ReportQueries.CountRow row : queries.collectiveYearRows(prefix, year, boundaries)) {
            recognisedByKind.merge(row.key(), row.count(), Long::sum);
            membersByKind.merge(row.key(), row.second(), Long::sum);
        }

        List<UnitSummary> children = children(unitId, year, boundaries, byChild.keySet(),
                registeredByChild.keySet());
        Set<Long> scopeIds = new HashSet<>(chain);
        children.forEach(c -> scopeIds.add(c.id()));
        TargetBook book = new TargetBook(queries.targets(scopeIds));
        Map<Indicator, List<Target>> targets = book.forChain(chain);

        long[] total = new long[Measure.COUNT];
        byGroup.values().forEach(v -> add(total, v));
        PopulationFigures population = queries.population(unitId, year);
        long officialsRecognised = byGroup.getOrDefault(ReportRefresh.OFFICIAL_GROUP, new long[Measure.COUNT])
                [Measure.RECOGNISED.ordinal()];

        List<IndicatorFigure> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (indicator.decision() != 677) {
                continue;
            }
            Ratio population677 = switch (indicator) {
                case ADULTS -> population == null ? null
                        : Ratio.ofNullable(total[Measure.RECOGNISED_ADULTS.ordinal()], population.adults());
                case OFFICIALS -> population == null ? null
                        : Ratio.ofNullable(officialsRecognised, population.officials());
                default -> null;
            };
            Ratio official = indicator == Indicator.ASSOCIATION_STAFF
                    ? (population == null ? null
                            : Ratio.ofNullable(population.associationTrained(), population.associationMembers()))
                    : official(indicator, total);
            Ratio second = indicator == Indicator.PROFICIENT ? Ratio.of(
                    total[Measure.RECOGNISED_DIGITAL_PROFICIENT.ordinal()],
                    total[Measure.RECOGNISED_DIGITAL.ordinal()]) : null;
            indicators.add(figure(indicator, official, second, population677, year, targets.get(indicator)));
        }
        List<IndicatorFigure> collectiveRates = new ArrayList<>();
        List<CollectiveFigures> collectives = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (indicator.kind() == null) {
                continue;
            }
            String kind = indicator.kind().name();
            long all = collectivesByKind.getOrDefault(kind, 0L);
            long recognised = recognisedByKind.getOrDefault(kind, 0L);
            collectives.add(new CollectiveFigures(indicator.kind(), all, recognised,
                    membersByKind.getOrDefault(kind, 0L)));
            collectiveRates.add(figure(indicator, Ratio.of(recognised, all), null, null, year,
                    targets.get(indicator)));
        }

        List<GroupFigures> groups = new ArrayList<>();
        Set<String> groupCodes = new HashSet<>(byGroup.keySet());
        groupCodes.addAll(registeredByGroup.keySet());
        for (TargetGroupOption option : catalog.targetGroups()) {
            groups.add(groupFigures(option.code(), option.name(), registeredByGroup.getOrDefault(option.code(), 0L),
                    byGroup.get(option.code())));
            groupCodes.remove(option.code());
        }
        for (String code : groupCodes.stream().sorted().toList()) {
            groups.add(groupFigures(code, code, registeredByGroup.getOrDefault(code, 0L), byGroup.get(code)));
        }
        long registeredTotal = registeredByGroup.values().stream().mapToLong(Long::longValue).sum();
        GroupFigures totalFigures = groupFigures(null, null, registeredTotal, total);

        List<ChildRow> childRows = new ArrayList<>();
        for (UnitSummary child : children) {
            String key = String.valueOf(child.id());
            List<Long> childChain = new ArrayList<>(chain);
            childChain.add(child.id());
            childRows.add(childRow(ref(child), registeredByChild.getOrDefault(key, 0L),
                    byChild.getOrDefault(key, new long[Measure.COUNT]), year, book.forChain(childChain), false));
        }
        long[] direct = byChild.get(key(null));
        long directRegistered = registeredByChild.getOrDefault(key(null), 0L);
        if (direct != null || directRegistered > 0) {
            childRows.add(childRow(null, directRegistered, direct == null ? new long[Measure.COUNT] : direct, year,
                    targets, false));
        }
        // boundaries of the time: rows under a child not valid that year are summed on a line of their own
        Set<String> listed = new HashSet<>();
        children.forEach(c -> listed.add(String.valueOf(c.id())));
        listed.add(key(null));
        long[] elsewhere = new long[Measure.COUNT];
        long elsewhereRegistered = 0;
        boolean anyElsewhere = false;
        for (Map.Entry<String, long[]> e : byChild.entrySet()) {
            if (!listed.contains(e.getKey())) {
                add(elsewhere, e.getValue());
                anyElsewhere |= java.util.Arrays.stream(e.getValue()).anyMatch(v -> v != 0);
            }
        }
        // today's register alone is no figure of that year: it makes no line of its own
        for (Map.Entry<String, Long> e : registeredByChild.entrySet()) {
            if (!listed.contains(e.getKey())) {
                elsewhereRegistered += e.getValue();
            }
        }
        if (anyElsewhere) {
            childRows.add(childRow(null, elsewhereRegistered, elsewhere, year, targets, true));
        }

        List<TrendPoint> trend = new ArrayList<>();
        for (ReportQueries.YearRow row : queries.trend(prefix, boundaries)) {
            trend.add(new TrendPoint(row.year(), row.values()[Measure.ASSESSED.ordinal()],
                    row.values()[Measure.RECOGNISED.ordinal()], lights(row.values(), row.year(), targets)));
        }
        return new ReportView(ref(unit), year, boundaries, boundaries != requested,
                List.of(), totalFigures, groups,
                indicators, collectiveRates, collectives, population, childRows, trend);
    }

    /**
     * The children to list: on today's boundaries the current ones and any other child the rows fall under (a current
     * unit kept under a retired parent); on the boundaries of the time only those valid at some time in the year
     * (what was counted under the others is summed on a line of its own).
     */
    private List<UnitSummary> children(long unitId, int year, Boundaries boundaries, Set<String> keys,
            Set<String> moreKeys) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<UnitSummary> all = units.children(unitId, true);
        if (boundaries == Boundaries.HISTORICAL) {
            return all.stream().filter(c -> !c.validFrom().isAfter(last)
                    && (c.validTo() == null || !c.validTo().isBefore(first))).toList();
        }
        List<UnitSummary> shown = new ArrayList<>(all.stream().filter(UnitSummary::current).toList());
        Set<String> wanted = new HashSet<>(keys);
        wanted.addAll(moreKeys);
        wanted.remove(key(null));
        shown.forEach(c -> wanted.remove(String.valueOf(c.id())));
        for (UnitSummary c : all) {
            if (wanted.contains(String.valueOf(c.id()))) {
                shown.add(c);
            }
        }
        return shown;
    }

    private ChildRow childRow(UnitRef unit, long registered, long[] values, int year,
            Map<Indicator, List<Target>> targets, boolean elsewhere) {
        return new ChildRow(unit, registered, values[Measure.ASSESSED.ordinal()],
                values[Measure.RECOGNISED.ordinal()], lights(values, year, targets), elsewhere);
    }

    private static List<IndicatorLight> lights(long[] values, int year, Map<Indicator, List<Target>> targets) {
        List<IndicatorLight> lights = new ArrayList<>();
        for (Indicator indicator : Indicator.MEASURED) {
            Ratio ratio = official(indicator, values);
            lights.add(new IndicatorLight(indicator, ratio,
                    Progress.judge(ratio, year, targets.get(indicator)).light()));
        }
        return lights;
    }

    /** The official base of the four indicators measured from the register (section 6 of the domain notes). */
    static Ratio official(Indicator indicator, long[] v) {
        return switch (indicator) {
            case ADULTS -> Ratio.of(v[Measure.CDHT_ADULTS_IN_RECOGNISED_COLLECTIVES.ordinal()],
                    v[Measure.ADULTS_IN_RECOGNISED_COLLECTIVES.ordinal()]);
            case OFFICIALS -> Ratio.of(v[Measure.CDHT_OFFICIALS_IN_RECOGNISED_UNITS.ordinal()],
                    v[Measure.OFFICIALS_IN_RECOGNISED_UNITS.ordinal()]);
            case DIGITAL -> Ratio.of(v[Measure.RECOGNISED_DIGITAL.ordinal()], v[Measure.RECOGNISED.ordinal()]);
            case PROFICIENT -> Ratio.of(v[Measure.RECOGNISED_PROFICIENT.ordinal()], v[Measure.RECOGNISED.ordinal()]);
            default -> throw new IllegalArgumentException(indicator + " is not measured from the register");
        };
    }

    private static IndicatorFigure figure(Indicator indicator, Ratio official, Ratio second, Ratio population,
            int year, List<Target> targets) {
        Progress.Outcome outcome = Progress.judge(official, year, targets);
        return new IndicatorFigure(indicator, official, second, population, targets, targetOf(targets, 2025),
                targetOf(targets, 2030), outcome.due(), outcome.expected(), outcome.light());
    }

    private static Target targetOf(List<Target> targets, int year) {
        return targets.stream().filter(t -> t.year() == year).findFirst().orElse(null);
    }

    private static GroupFigures groupFigures(String code, String name, long registered, long[] v) {
        long[] values = v == null ? new long[Measure.COUNT] : v;
        return new GroupFigures(code, name, registered, values[Measure.ASSESSED.ordinal()],
                values[Measure.DRAFT.ordinal()], values[Measure.SUBMITTED.ordinal()],
                values[Measure.VERIFIED.ordinal()], values[Measure.RETURNED.ordinal()],
                values[Measure.RECOGNISED.ordinal()], values[Measure.NOT_RECOGNISED.ordinal()],
                values[Measure.PASSED.ordinal()]);
    }

    static UnitRef ref(UnitSummary unit) {
        return new UnitRef(unit.id(), unit.code(), unit.name(), unit.levelName(), unit.current());
    }

    private static String key(String child) {
        return child == null ? "" : child;
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }
}
