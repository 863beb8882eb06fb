package vn.khuyenhoc.cdht.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The pivot table over a unit's subtree on today's boundaries: rows and (optionally) columns from unit (at a
 * level), target group, year, gender, age band and channel; one measure. Served from report_unit_cube by one
 * GROUP BY; the unit dimension comes back per shown unit and is summed here up to the level.
 */
@Service
@Transactional(readOnly = true)
class Pivots {

    private final UnitScope scope;
    private final ReportQueries queries;
    private final InsightQueries insights;
    private final CriteriaCatalog catalog;
    private final MessageSource messages;

    Pivots(UnitScope scope, ReportQueries queries, InsightQueries insights, CriteriaCatalog catalog,
            MessageSource messages) {
        this.scope = scope;
        this.queries = queries;
        this.insights = insights;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** What was asked, after defaults: columns null for a single column of totals; year null for all years. */
    record Request(PivotDimension rows, PivotDimension columns, PivotMeasure measure, String level, Integer year) {

        static Request of(String rows, String columns, String measure, String level, Integer year) {
            PivotDimension r = PivotDimension.parse(rows);
            PivotDimension c = PivotDimension.parse(columns);
            if (r == null) {
                r = PivotDimension.UNIT;
            }
            if (c == r) {
                c = null;
            }
            return new Request(r, c, PivotMeasure.parse(measure), level == null || level.isBlank() ? null : level,
                    year);
        }
    }

    record Header(String key, String label) {
    }

    /** cells[row][column]; the last row and column are the totals. */
    record Table(UnitRef unit, Request request, List<String> levels, List<Header> rows, List<Header> columns,
            Number[][] cells) {
    }

    Table of(CurrentUser user, long unitId, Request asked, Locale locale) {
        UnitSummary unit = scope.requireVisible(user, unitId);
        if (asked.year() != null) {
            Dashboards.requireYear(asked.year());
        }
        String prefix = queries.path(unitId);
        List<String> levels = insights.levelsBelow(prefix);
        String level = asked.level() != null && levels.contains(asked.level()) ? asked.level()
                : levels.isEmpty() ? null : levels.get(0);
        Request request = new Request(asked.rows(), asked.columns(), asked.measure(), level, asked.year());
        List<PivotDimension> dims = new ArrayList<>();
        dims.add(request.rows());
        if (request.columns() != null) {
            dims.add(request.columns());
        }
        Map<String, String> unitLabels = new HashMap<>();
        Set<Long> levelIds = new HashSet<>();
        if (dims.contains(PivotDimension.UNIT) && level != null) {
            for (InsightQueries.LevelUnit u : insights.levelUnits(prefix, level)) {
                levelIds.add(u.id());
                unitLabels.put(String.valueOf(u.id()), u.name());
            }
        }
        Map<String, Map<String, long[]>> sums = new LinkedHashMap<>();
        for (InsightQueries.CubeRow row : insights.cube(prefix, dims, request.year())) {
            String r = key(request.rows(), row.keys()[0], levelIds);
            String c = request.columns() == null ? "" : key(request.columns(), row.keys()[1], levelIds);
            long[] cell = sums.computeIfAbsent(r, k -> new HashMap<>())
                    .computeIfAbsent(c, k -> new long[CubeMeasure.values().length]);
            for (int i = 0; i < cell.length; i++) {
                cell[i] += row.values()[i];
            }
        }
        Set<String> columnKeys = new HashSet<>();
        sums.values().forEach(m -> columnKeys.addAll(m.keySet()));
        List<Header> rowHeaders = headers(request.rows(), sums.keySet(), unitLabels, unit, locale);
        List<Header> columnHeaders = request.columns() == null ? List.of()
                : headers(request.columns(), columnKeys, unitLabels, unit, locale);
        List<String> columnOrder = request.columns() == null ? List.of("")
                : columnHeaders.stream().map(Header::key).toList();

        Number[][] cells = new Number[rowHeaders.size() + 1][columnOrder.size() + 1];
        long[][] columnTotals = new long[columnOrder.size()][CubeMeasure.values().length];
        long[] grand = new long[CubeMeasure.values().length];
        for (int i = 0; i < rowHeaders.size(); i++) {
            long[] rowTotal = new long[CubeMeasure.values().length];
            Map<String, long[]> line = sums.getOrDefault(rowHeaders.get(i).key(), Map.of());
            for (int j = 0; j < columnOrder.size(); j++) {
                long[] cell = line.getOrDefault(columnOrder.get(j), new long[CubeMeasure.values().length]);
                cells[i][j] = request.measure().value(cell);
                add(rowTotal, cell);
                add(columnTotals[j], cell);
                add(grand, cell);
            }
            cells[i][columnOrder.size()] = request.measure().value(rowTotal);
        }
        for (int j = 0; j < columnOrder.size(); j++) {
            cells[rowHeaders.size()][j] = request.measure().value(columnTotals[j]);
        }
        cells[rowHeaders.size()][columnOrder.size()] = request.measure().value(grand);
        return new Table(Dashboards.ref(unit), request, levels, rowHeaders, columnHeaders, cells);
    }

    /** The unit dimension's key: the level unit on the shown path, "" when the row lies outside every one. */
    private static String key(PivotDimension dimension, String raw, Set<Long> levelIds) {
        if (dimension != PivotDimension.UNIT) {
            return raw;
        }
        Long owner = Forecasts.ownerOnPath(raw, levelIds);
        return owner == null ? "" : String.valueOf(owner);
    }

    private List<Header> headers(PivotDimension dimension, Set<String> keys, Map<String, String> unitLabels,
            UnitSummary unit, Locale locale) {
        List<Header> out = new ArrayList<>();
        for (String key : keys) {
            out.add(new Header(key, label(dimension, key, unitLabels, unit, locale)));
        }
        Comparator<Header> order = switch (dimension) {
            case YEAR -> Comparator.comparing(h -> Integer.parseInt(h.key()));
            case AGE_BAND -> Comparator.comparing(h -> AgeBand.byCode(h.key()).from());
            case TARGET_GROUP -> Comparator.comparing(h -> groupOrder(h.key()));
            case UNIT -> Comparator.comparing((Header h) -> h.key().isEmpty()).thenComparing(Header::label);
            default -> Comparator.comparing(Header::key);
        };
        out.sort(order);
        return out;
    }

    private int groupOrder(String code) {
        List<TargetGroupOption> groups = catalog.targetGroups();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).code().equals(code)) {
                return i;
            }
        }
        return groups.size();
    }

    private String label(PivotDimension dimension, String key, Map<String, String> unitLabels, UnitSummary unit,
            Locale locale) {
        return switch (dimension) {
            case UNIT -> key.isEmpty() ? messages.getMessage("report.pivot.outside", new Object[] {unit.name()},
                    locale) : unitLabels.getOrDefault(key, key);
            case TARGET_GROUP -> catalog.targetGroups().stream().filter(g -> g.code().equals(key))
                    .map(TargetGroupOption::name).findFirst().orElse(key);
            case GENDER -> messages.getMessage("report.gender." + key, null, key, locale);
            case CHANNEL -> messages.getMessage("report.channel." + key, null, key, locale);
            default -> key;
        };
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }
}
