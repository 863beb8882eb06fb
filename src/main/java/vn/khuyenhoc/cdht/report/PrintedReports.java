package vn.khuyenhoc.cdht.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.document.PdfRenderer;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The printable report of a unit and year (PDF): headline figures, each indicator's chart and forecast,
 * completeness and the comparison of the children. Charts are SVG made here and drawn into the PDF by
 * openhtmltopdf's Batik support, so no browser is involved. Always Vietnamese, like the other printed papers.
 */
@Service
@Transactional(readOnly = true)
class PrintedReports {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Dashboards dashboards;
    private final Forecasts forecasts;
    private final Completeness completeness;
    private final Comparisons comparisons;
    private final PdfRenderer pdf;

    PrintedReports(Dashboards dashboards, Forecasts forecasts, Completeness completeness, Comparisons comparisons,
            PdfRenderer pdf) {
        this.dashboards = dashboards;
        this.forecasts = forecasts;
        this.completeness = completeness;
        this.comparisons = comparisons;
        this.pdf = pdf;
    }

    byte[] render(CurrentUser user, long unitId, int year) {
        ReportView view = dashboards.view(user, unitId, year, Boundaries.CURRENT);
        List<Forecasts.IndicatorForecast> forecast = forecasts.unit(user, unitId, year);
        Map<String, String> charts = new LinkedHashMap<>();
        int first = Progress.BASELINE_YEAR;
        for (TrendPoint p : view.trend()) {
            first = Math.min(first, p.year());
        }
        for (Forecasts.IndicatorForecast f : forecast) {
            if (Indicator.MEASURED.contains(f.indicator())) {
                List<Target> targets = view.indicators().stream().filter(i -> i.indicator() == f.indicator())
                        .findFirst().map(IndicatorFigure::targets).orElse(List.of());
                charts.put(f.indicator().name(), SvgCharts.lineChart(f.series(), targets, f.result(), first,
                        Math.max(2030, year)));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("forecasts", forecast);
        model.put("charts", charts);
        model.put("completeness", completeness.of(user, unitId, year));
        model.put("comparison", comparisons.of(user, unitId, year, "name", false));
        model.put("measured", Indicator.MEASURED);
        model.put("printed", LocalDate.now());
        return pdf.render("report/pdf/print", model, VIETNAMESE);
    }
}
