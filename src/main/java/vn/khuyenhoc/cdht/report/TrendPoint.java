package vn.khuyenhoc.cdht.report;

import java.util.List;

/** One year of the unit's trend, with each measured indicator's rate and light against that year's targets. */
public record TrendPoint(int year, long assessed, long recognised, List<IndicatorLight> indicators) {
}
