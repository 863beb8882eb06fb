package vn.khuyenhoc.cdht.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The dashboard's tables as an Excel workbook, one sheet per table, with the same figures as the page. */
@Component
class ReportWorkbook {

    private final MessageSource messages;

    ReportWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(ReportView view, Locale locale) {
        String title = m(locale, "report.export.title", view.unit().name(), view.unit().code(),
                String.valueOf(view.year()), m(locale, "report.boundaries." + view.boundaries().name()));
        try (Xlsx xlsx = new Xlsx()) {
            List<List<Object>> indicators = new ArrayList<>();
            List<IndicatorFigure> all = new ArrayList<>(view.indicators());
            all.addAll(view.collectiveRates());
            for (IndicatorFigure f : all) {
                List<Object> row = new ArrayList<>();
                row.add(m(locale, "report.indicator." + f.indicator().name()));
                addRatio(row, f.official());
                addRatio(row, f.secondReading());
                addRatio(row, f.population());
                row.add(f.target2025() == null ? null : f.target2025().percentage());
                row.add(f.target2030() == null ? null : f.target2030().percentage());
                row.add(f.expected());
                row.add(m(locale, "report.light." + f.light().name()));
                indicators.add(row);
            }
            xlsx.table(m(locale, "report.sheet.indicators"), title, headers(locale, "report.col.indicator",
                    "report.col.numerator", "report.col.denominator", "report.col.rate",
                    "report.col.secondNumerator", "report.col.secondDenominator", "report.col.secondRate",
                    "report.col.populationNumerator", "report.col.populationDenominator", "report.col.populationRate",
                    "report.col.target2025", "report.col.target2030", "report.col.expected", "report.col.light"),
                    indicators);

            List<List<Object>> groups = new ArrayList<>();
            for (GroupFigures g : view.byTargetGroup()) {
                groups.add(groupRow(g.name(), g));
            }
            groups.add(groupRow(m(locale, "report.total"), view.total()));
            xlsx.table(m(locale, "report.sheet.groups"), title, headers(locale, "report.col.targetGroup",
                    "report.col.registered", "report.col.assessed", "report.state.DRAFT", "report.state.SUBMITTED",
                    "report.state.VERIFIED", "report.state.RETURNED", "report.state.RECOGNISED",
                    "report.state.NOT_RECOGNISED", "report.col.passed"), groups);

            List<List<Object>> collectives = new ArrayList<>();
            for (CollectiveFigures c : view.collectives()) {
                collectives.add(Arrays.asList(m(locale, "report.kind." + c.kind().name()), c.total(),
                        c.recognised(), Ratio.of(c.recognised(), c.total()).rate(), c.recognisedMembers()));
            }
            xlsx.table(m(locale, "report.sheet.collectives"), title, headers(locale, "report.col.kind",
                    "report.col.total", "report.col.recognised", "report.col.rate", "report.col.members"),
                    collectives);

            List<List<Object>> children = new ArrayList<>();
            for (ChildRow c : view.children()) {
                List<Object> row = new ArrayList<>(Arrays.asList(c.direct() ? null : c.unit().code(),
                        c.direct() ? m(locale, "report.children.direct") : c.unit().name(), c.registered(),
                        c.assessed(), c.recognised()));
                c.indicators().forEach(l -> addLight(row, l, locale));
                children.add(row);
            }
            List<String> childHeader = new ArrayList<>(headers(locale, "report.col.code", "report.col.unit",
                    "report.col.registered", "report.col.assessed", "report.col.recognised"));
            List<String> trendHeader = new ArrayList<>(headers(locale, "report.col.year", "report.col.assessed",
                    "report.col.recognised"));
            for (Indicator i : Indicator.MEASURED) {
                String name = m(locale, "report.indicator." + i.name());
                for (List<String> header : List.of(childHeader, trendHeader)) {
                    header.add(name + " " + m(locale, "report.col.numerator"));
                    header.add(name + " " + m(locale, "report.col.denominator"));
                    header.add(name + " " + m(locale, "report.col.rate"));
                    header.add(name + " " + m(locale, "report.col.light"));
                }
            }
            xlsx.table(m(locale, "report.sheet.children"), title, childHeader, children);

            List<List<Object>> trend = new ArrayList<>();
            for (TrendPoint p : view.trend()) {
                List<Object> row = new ArrayList<>(Arrays.asList(p.year(), p.assessed(), p.recognised()));
                p.indicators().forEach(l -> addLight(row, l, locale));
                trend.add(row);
            }
            xlsx.table(m(locale, "report.sheet.trend"), title, trendHeader, trend);
            return xlsx.bytes();
        }
    }

    private static List<Object> groupRow(String name, GroupFigures g) {
        return Arrays.asList(name, g.registered(), g.assessed(), g.draft(), g.submitted(), g.verified(),
                g.returned(), g.recognised(), g.notRecognised(), g.passed());
    }

    private static void addRatio(List<Object> row, Ratio ratio) {
        row.add(ratio == null ? null : ratio.numerator());
        row.add(ratio == null ? null : ratio.denominator());
        row.add(ratio == null ? null : ratio.rate());
    }

    private void addLight(List<Object> row, IndicatorLight light, Locale locale) {
        addRatio(row, light.ratio());
        row.add(m(locale, "report.light." + light.light().name()));
    }

    private List<String> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> m(locale, k)).toList();
    }

    private String m(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
