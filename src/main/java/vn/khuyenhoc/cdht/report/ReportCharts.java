package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What static/js/dashboard.js draws, as JSON for a canvas's data-chart attribute (the CSP allows no inline
 * script): per indicator, the rate year by year, the straight-line path through its targets and the targets.
 */
@Component
class ReportCharts {

    private static final int LAST_TARGET_YEAR = 2030;

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ReportCharts(MessageSource messages) {
        this.messages = messages;
    }

    /** Indicator name → chart JSON, for the indicators measured year by year. */
    Map<String, String> indicatorCharts(ReportView view, Locale locale) {
        int first = Progress.BASELINE_YEAR;
        int last = Math.max(LAST_TARGET_YEAR, view.year());
        for (TrendPoint point : view.trend()) {
            first = Math.min(first, point.year());
            last = Math.max(last, point.year());
        }
        List<String> labels = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            labels.add(String.valueOf(year));
        }
        Map<String, String> charts = new HashMap<>();
        for (IndicatorFigure figure : view.indicators()) {
            if (!Indicator.MEASURED.contains(figure.indicator())) {
                continue;
            }
            Map<Integer, BigDecimal> actual = new HashMap<>();
            for (TrendPoint point : view.trend()) {
                point.indicators().stream().filter(l -> l.indicator() == figure.indicator()).findFirst()
                        .ifPresent(l -> actual.put(point.year(), l.ratio().rate()));
            }
            List<BigDecimal> rates = new ArrayList<>();
            List<BigDecimal> path = new ArrayList<>();
            List<BigDecimal> targets = new ArrayList<>();
            for (int year = first; year <= last; year++) {
                rates.add(actual.get(year));
                path.add(Progress.expected(year, figure.targets()));
                int y = year;
                targets.add(figure.targets().stream().filter(t -> t.year() == y).map(Target::percentage)
                        .findFirst().orElse(null));
            }
            List<Map<String, Object>> series = List.of(
                    series(message("report.chart.rate", locale), "rate", rates),
                    series(message("report.chart.path", locale), "path", path),
                    series(message("report.chart.targets", locale), "target", targets));
            charts.put(figure.indicator().name(), write("line", labels, series));
        }
        return charts;
    }

    /** The 387 rates of the year beside their targets due, as bars. */
    String collectiveChart(ReportView view, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        List<BigDecimal> due = new ArrayList<>();
        for (IndicatorFigure figure : view.collectiveRates()) {
            labels.add(message("report.indicator." + figure.indicator().name(), locale));
            rates.add(figure.official().rate());
            due.add(figure.nextTarget() == null ? null : figure.nextTarget().percentage());
        }
        String rateOf = message("report.chart.rateOf", locale, String.valueOf(view.year()));
        return write("bar", labels, List.of(series(rateOf, "rate", rates),
                series(message("report.chart.targetDue", locale), "target", due)));
    }

    private String write(String type, List<String> labels, List<Map<String, Object>> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("labels", labels);
        chart.put("series", series);
        chart.put("percentLabel", "%");
        return json.writeValueAsString(chart);
    }

    private static Map<String, Object> series(String label, String style, List<BigDecimal> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("label", label);
        s.put("style", style);
        s.put("data", data);
        return s;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
