package vn.khuyenhoc.cdht.report;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
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
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The pages that look ahead and across: forecast (with the units at risk and their workbook), completeness,
 * comparison of the children, the pivot table (and its workbook), the map and the printable report. Every one
 * checks the unit's scope in its service (404 unknown, 403 outside the user's subtree).
 */
@Controller
@RequestMapping("/report")
class InsightController {

    private final Forecasts forecasts;
    private final Completeness completeness;
    private final Comparisons comparisons;
    private final Pivots pivots;
    private final Dashboards dashboards;
    private final BoundaryMaps maps;
    private final PrintedReports printed;
    private final MessageSource messages;
    private final Units units;

    InsightController(Forecasts forecasts, Completeness completeness, Comparisons comparisons, Pivots pivots,
            Dashboards dashboards, BoundaryMaps maps, PrintedReports printed, MessageSource messages, Units units) {
        this.units = units;
        this.forecasts = forecasts;
        this.completeness = completeness;
        this.comparisons = comparisons;
        this.pivots = pivots;
        this.dashboards = dashboards;
        this.maps = maps;
        this.printed = printed;
        this.messages = messages;
    }

    /** The menu's entries: the user's own unit, this year. */
    @GetMapping({"/forecast", "/completeness", "/compare", "/map"})
    String start(@AuthenticationPrincipal CurrentUser user, jakarta.servlet.http.HttpServletRequest request) {
        String page = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        return "redirect:/report/" + user.unitId() + "/" + Year.now().getValue() + "/" + page;
    }

    @GetMapping("/pivot")
    String startPivot(@AuthenticationPrincipal CurrentUser user) {
        return "redirect:/report/" + user.unitId() + "/pivot?year=" + Year.now().getValue();
    }

    @GetMapping("/{unitId}/{year}/forecast")
    String forecast(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId, @PathVariable int year,
            @RequestParam(required = false) String level, @RequestParam(required = false) Integer target,
            Model model) {
        model.addAttribute("forecasts", forecasts.unit(user, unitId, year));
        model.addAttribute("atRisk", forecasts.atRisk(user, unitId, year, level, target));
        return page(user, unitId, year, "forecast", model);
    }

    @GetMapping("/{unitId}/{year}/forecast/at-risk.xlsx")
    ResponseEntity<byte[]> atRiskWorkbook(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
            @PathVariable int year, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer target, Locale locale) {
        Forecasts.AtRiskList list = forecasts.atRisk(user, unitId, year, level, target);
        List<List<Object>> rows = new ArrayList<>();
        for (Forecasts.AtRiskRow r : list.rows()) {
            Forecast.Projection p = r.projection();
            rows.add(Arrays.asList(r.unit().code(), r.unit().name(), m(locale, "report.indicator." + r.indicator()),
                    r.years(), r.lastYear(), r.last(), r.slope(), p.target(), p.projected(), p.low(), p.high(),
                    p.neededPerYear(), m(locale, "report.forecast.verdict." + p.verdict())));
        }
        try (Xlsx xlsx = new Xlsx()) {
            xlsx.table(m(locale, "report.forecast.atRisk.sheet"), m(locale, "report.forecast.atRisk.title",
                    String.valueOf(list.targetYear())), headers(locale, "report.col.code", "report.col.unit",
                    "report.col.indicator", "report.forecast.col.years", "report.forecast.col.lastYear",
                    "report.forecast.col.last", "report.forecast.col.slope", "report.forecast.col.target",
                    "report.forecast.col.projected", "report.forecast.col.low", "report.forecast.col.high",
                    "report.forecast.col.needed", "report.forecast.col.verdict"), rows);
            return DashboardController.xlsx(xlsx.bytes(), "cdht-du-bao-" + unitId + "-" + year + ".xlsx");
        }
    }

    @GetMapping("/{unitId}/{year}/completeness")
    String completeness(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
            @PathVariable int year, Model model) {
        model.addAttribute("completeness", completeness.of(user, unitId, year));
        return page(user, unitId, year, "completeness", model);
    }

    @GetMapping("/{unitId}/{year}/compare")
    String compare(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId, @PathVariable int year,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        Comparisons.View view = comparisons.of(user, unitId, year, sort, "desc".equals(dir));
        model.addAttribute("comparison", view);
        List<String> sparklines = new ArrayList<>();
        for (Comparisons.Row row : view.rows()) {
            for (Comparisons.Cell cell : row.cells()) {
                sparklines.add(SvgCharts.sparkline(cell.trend()));
            }
        }
        model.addAttribute("sparklines", sparklines);
        return page(user, unitId, year, "compare", model);
    }

    @GetMapping("/{unitId}/pivot")
    String pivot(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
            @RequestParam(required = false) String rows, @RequestParam(required = false) String cols,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer year, Locale locale, Model model) {
        model.addAttribute("pivot", pivots.of(user, unitId, Pivots.Request.of(rows, cols, measure, level, year),
                locale));
        model.addAttribute("dimensions", PivotDimension.values());
        model.addAttribute("measures", PivotMeasure.values());
        List<Integer> years = new ArrayList<>();
        for (int y = Year.now().getValue() + 1; y >= Progress.BASELINE_YEAR; y--) {
            years.add(y);
        }
        model.addAttribute("pivotYears", years);
        return page(user, unitId, year == null ? Year.now().getValue() : year, "pivot", model);
    }

    @GetMapping("/{unitId}/pivot.xlsx")
    ResponseEntity<byte[]> pivotWorkbook(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
            @RequestParam(required = false) String rows, @RequestParam(required = false) String cols,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer year, Locale locale) {
        Pivots.Table table = pivots.of(user, unitId, Pivots.Request.of(rows, cols, measure, level, year), locale);
        List<String> header = new ArrayList<>();
        header.add(m(locale, "report.pivot.dimension." + table.request().rows()));
        table.columns().forEach(c -> header.add(c.label()));
        header.add(m(locale, "report.total"));
        List<List<Object>> lines = new ArrayList<>();
        for (int i = 0; i <= table.rows().size(); i++) {
            List<Object> line = new ArrayList<>();
            line.add(i < table.rows().size() ? table.rows().get(i).label() : m(locale, "report.total"));
            // without columns the single column is the total itself
            line.addAll(Arrays.asList(table.cells()[i]).subList(0, table.columns().isEmpty() ? 1
                    : table.cells()[i].length));
            lines.add(line);
        }
        String title = m(locale, "report.pivot.export.title", table.unit().name(),
                m(locale, "report.pivot.measure." + table.request().measure()),
                table.request().year() == null ? m(locale, "report.pivot.allYears")
                        : String.valueOf(table.request().year()));
        try (Xlsx xlsx = new Xlsx()) {
            xlsx.table(m(locale, "report.pivot.sheet"), title, header, lines);
            return DashboardController.xlsx(xlsx.bytes(), "cdht-bang-tong-hop-" + table.unit().code() + ".xlsx");
        }
    }

    @GetMapping("/{unitId}/{year}/map")
    String map(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId, @PathVariable int year,
            @RequestParam(required = false) String indicator, Model model) {
        ReportView view = dashboards.view(user, unitId, year, Boundaries.CURRENT);
        Indicator chosen = Indicator.MEASURED.stream().filter(i -> i.name().equals(indicator)).findFirst()
                .orElse(Indicator.ADULTS);
        model.addAttribute("indicator", chosen);
        model.addAttribute("map", maps.draw(view, chosen, "/report/",
                "/" + year + "/map?indicator=" + chosen.name()));
        model.addAttribute("colours", BoundaryMaps.CLASS_COLOURS);
        model.addAttribute("noDataColour", BoundaryMaps.NO_DATA_COLOUR);
        model.addAttribute("legend", legend());
        return page(user, unitId, year, "map", model);
    }

    @GetMapping("/{unitId}/{year}/report.pdf")
    ResponseEntity<byte[]> printable(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
            @PathVariable int year) {
        byte[] bytes = printed.render(user, unitId, year);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cdht-bao-cao-" + unitId + "-" + year
                        + ".pdf\"")
                .body(bytes);
    }

    /** The map's legend: one small SVG swatch per class, then no data. */
    private static List<String> legend() {
        List<String> out = new ArrayList<>();
        for (String colour : BoundaryMaps.CLASS_COLOURS) {
            out.add(swatch(colour));
        }
        out.add(swatch(BoundaryMaps.NO_DATA_COLOUR));
        return out;
    }

    private static String swatch(String colour) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"14\" height=\"14\" aria-hidden=\"true\">"
                + "<rect width=\"14\" height=\"14\" fill=\"" + colour + "\" stroke=\"#343a40\"/></svg>";
    }

    private String page(CurrentUser user, long unitId, int year, String name, Model model) {
        model.addAttribute("unit", dashboards.unitRef(user, unitId));
        model.addAttribute("year", year);
        model.addAttribute("tab", name);
        Map<String, String> levelNames = new HashMap<>();
        units.levels().forEach(l -> levelNames.put(l.code(), l.name()));
        model.addAttribute("levelNames", levelNames);
        return "report/" + name;
    }

    private List<String> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> m(locale, k)).toList();
    }

    private String m(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
