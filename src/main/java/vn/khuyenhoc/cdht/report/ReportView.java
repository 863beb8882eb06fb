package vn.khuyenhoc.cdht.report;

import java.util.List;

/**
 * Everything the dashboard, the Excel export and the JSON endpoint show for one unit and year: the same figures
 * in all three. {@code boundariesForced} says that a retired unit is shown on the boundaries of its time whatever
 * was asked (on today's boundaries its rows belong to its successor).
 */
public record ReportView(UnitRef unit, int year, Boundaries boundaries, boolean boundariesForced,
        List<UnitRef> breadcrumbs, GroupFigures total, List<GroupFigures> byTargetGroup,
        List<IndicatorFigure> indicators, List<IndicatorFigure> collectiveRates, List<CollectiveFigures> collectives,
        PopulationFigures population, List<ChildRow> children, List<TrendPoint> trend) {

    /** The same figures under another user's breadcrumbs (one cached view serves every user: see DashboardCache). */
    ReportView withBreadcrumbs(List<UnitRef> trail) {
        return new ReportView(unit, year, boundaries, boundariesForced, trail, total, byTargetGroup, indicators,
                collectiveRates, collectives, population, children, trend);
    }
}
