package vn.khuyenhoc.cdht.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets that apply to a unit: for each indicator and year, the one set on the nearest unit up the tree
 * (the unit itself, then its parent, ... ), else the national one.
 */
final class TargetBook {

    private final List<ReportQueries.TargetRow> rows;

    TargetBook(List<ReportQueries.TargetRow> rows) {
        this.rows = rows;
    }

    /** chain: the unit's ancestors from the root down to the unit itself (the ids of its materialised path). */
    Map<Indicator, List<Target>> forChain(List<Long> chain) {
        Map<Indicator, Map<Integer, Target>> best = new EnumMap<>(Indicator.class);
        Map<Indicator, Map<Integer, Integer>> bestDepth = new EnumMap<>(Indicator.class);
        for (ReportQueries.TargetRow row : rows) {
            Target t = row.target();
            int depth = t.scopeUnitId() == null ? -1 : chain.indexOf(t.scopeUnitId());
            if (t.scopeUnitId() != null && depth < 0) {
                continue;
            }
            Map<Integer, Integer> depths = bestDepth.computeIfAbsent(row.indicator(), k -> new HashMap<>());
            if (depth > depths.getOrDefault(t.year(), -2)) {
                depths.put(t.year(), depth);
                best.computeIfAbsent(row.indicator(), k -> new HashMap<>()).put(t.year(), t);
            }
        }
        Map<Indicator, List<Target>> result = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            List<Target> sorted = new ArrayList<>(best.getOrDefault(indicator, Map.of()).values());
            sorted.sort(Comparator.comparingInt(Target::year));
            result.put(indicator, List.copyOf(sorted));
        }
        return result;
    }

    /** "/1/51/101/" → [1, 51, 101]. */
    static List<Long> chain(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
