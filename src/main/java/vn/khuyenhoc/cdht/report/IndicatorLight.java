package vn.khuyenhoc.cdht.report;

/** An indicator's official-base rate and light, as the children and trend tables show it. */
public record IndicatorLight(Indicator indicator, Ratio ratio, TrafficLight light) {
}
