package vn.khuyenhoc.cdht.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The dashboard of a unit and year (/report/{unitId}/{year}) and its Excel export. */
@Controller
@RequestMapping("/report")
class DashboardController {

    private final Dashboards dashboards;
    private final ReportCharts charts;
    private final ReportWorkbook workbook;
    private final Forecasts forecasts;
    private final ViewHtml html;

    DashboardController(Dashboards dashboards, ReportCharts charts, ReportWorkbook workbook, Forecasts forecasts,
            ViewHtml html) {
        this.dashboards = dashboards;
        this.html = html;
        this.forecasts = forecasts;
        this.charts = charts;
        this.workbook = workbook;
    }

    /** The user's own unit, this year. */
    @GetMapping
    String start(@AuthenticationPrincipal CurrentUser user) {
        return "redirect:/report/" + user.unitId() + "/" + Year.now().getValue();
    }

    /** The year and boundaries form: GET parameters onto the path. */
    @GetMapping("/{unitId}")
    String choose(@PathVariable long unitId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String boundaries) {
        Boundaries b = ReportApiController.parse(boundaries);
        return "redirect:/report/" + unitId + "/" + (year == null ? Year.now().getValue() : year) + "?boundaries="
                + b.param();
    }

    @GetMapping("/{unitId}/{year}")
    String dashboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId, @PathVariable int year,
            @RequestParam(required = false) String boundaries, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        DashboardCache.Shown shown = dashboards.shown(user, unitId, year, ReportApiController.parse(boundaries));
        ReportView view = shown.view();
        model.addAttribute("view", view);
        model.addAttribute("years", yearChoices(view));
        model.addAttribute("unit", view.unit());
        model.addAttribute("year", year);
        model.addAttribute("tab", "dashboard");
        model.addAttribute("allBoundaries", Boundaries.values());
        // the figures' HTML is the same for every reader with the same permissions: rendered once per cached entry,
        // from the entry's figures (without this reader's breadcrumbs, so none can end up in another reader's page)
        model.addAttribute("figuresHtml", dashboards.figuresHtml(shown, user, locale, permissions -> {
            // drawn from the cached figures once per locale (they read neither the user nor the breadcrumbs)
            DashboardCache.Parts parts = shown.entry().parts(locale, drawn -> new DashboardCache.Parts(
                    charts.indicatorCharts(drawn, locale), charts.collectiveChart(drawn, locale),
                    forecasts.forView(drawn)));
            Map<String, Object> figures = new HashMap<>(permissions);
            figures.put("view", shown.entry().figures());
            figures.put("charts", parts.charts());
            figures.put("collectiveChart", parts.collectiveChart());
            figures.put("forecasts", parts.forecasts());
            figures.put("measured", Indicator.MEASURED);
            return html.render("report/dashboard-figures :: figures", figures, locale, request, response);
        }));
        return "report/dashboard";
    }

    /** The years with data, the target years, this year and the year shown; newest first. */
    static List<Integer> yearChoices(ReportView view) {
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        view.trend().forEach(p -> years.add(p.year()));
        years.add(2025);
        years.add(2030);
        years.add(Year.now().getValue());
        years.add(view.year());
        return new ArrayList<>(years);
    }

    @GetMapping("/{unitId}/{year}/export.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
            @PathVariable int year, @RequestParam(required = false) String boundaries, Locale locale) {
        ReportView view = dashboards.view(user, unitId, year, ReportApiController.parse(boundaries));
        return xlsx(workbook.write(view, locale), "cdht-" + view.unit().code() + "-" + year + ".xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String filename) {
        String safe = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Xlsx.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + safe + "\"")
                .body(bytes);
    }
}
