package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG text: sparklines for the comparison table and the line charts of the printed
 * report (openhtmltopdf draws them through Batik, so the PDF needs no browser). Rates run on a fixed 0–100 % axis so
 * that two units' lines compare at a glance. Only digits are written inside the SVG (labels stay in the HTML), which
 * keeps the PDF's fonts out of Batik's way. No style attributes: the CSP allows no inline style.
 */
final class SvgCharts {

    private SvgCharts() {
    }

    /** A 100 × 24 line of rates (null: no data that year, the line breaks). */
    static String sparkline(List<BigDecimal> rates) {
        int w = 100;
        int h = 24;
        StringBuilder out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" "
                + "width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h + "\" role=\"img\">");
        out.append("<line x1=\"0\" y1=\"").append(h - 1).append("\" x2=\"").append(w).append("\" y2=\"")
                .append(h - 1).append("\" stroke=\"#ced4da\" stroke-width=\"1\"/>");
        int n = rates.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            BigDecimal rate = rates.get(i);
            double x = n == 1 ? w / 2.0 : 2 + i * (w - 4.0) / (n - 1);
            if (rate == null) {
                flush(out, points);
                continue;
            }
            double y = (h - 2) - rate.doubleValue() / 100 * (h - 4);
            points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            if (i == n - 1 || n == 1) {
                out.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                        .append("\" r=\"2\" fill=\"#0d6efd\"/>");
            }
        }
        flush(out, points);
        return out.append("</svg>").toString();
    }

    private static void flush(StringBuilder out, StringBuilder points) {
        if (points.isEmpty()) {
            return;
        }
        out.append("<polyline fill=\"none\" stroke=\"#0d6efd\" stroke-width=\"1.5\" points=\"")
                .append(points.toString().trim()).append("\"/>");
        points.setLength(0);
    }

    /**
     * An indicator's chart for the printed report: the rates recorded (solid, dots), the straight-line path through
     * the targets (dashed), the targets (squares), the forecast to each target year with its band (dotted line,
     * shaded), years from firstYear to lastYear.
     */
    static String lineChart(List<Forecasts.YearRate> rates, List<Target> targets, Forecast.Result forecast,
            int firstYear, int lastYear) {
        int w = 460;
        int h = 180;
        int left = 34;
        int right = 10;
        int top = 8;
        int bottom = 22;
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        int span = Math.max(1, lastYear - firstYear);
        StringBuilder out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w
                + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h + "\">");
        for (int pct = 0; pct <= 100; pct += 20) {
            double y = top + plotH - pct / 100.0 * plotH;
            out.append("<line x1=\"").append(left).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                    .append(w - right).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#dee2e6\" "
                    + "stroke-width=\"0.5\"/>");
            out.append("<text x=\"").append(left - 4).append("\" y=\"").append(fmt(y + 3)).append("\" font-size=\"8\" "
                    + "text-anchor=\"end\" fill=\"#495057\">").append(pct).append("%</text>");
        }
        for (int year = firstYear; year <= lastYear; year++) {
            double x = left + (year - firstYear) * plotW / span;
            out.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(h - 8).append("\" font-size=\"8\" "
                    + "text-anchor=\"middle\" fill=\"#495057\">").append(year).append("</text>");
        }
        // the straight-line path through the targets, year by year
        StringBuilder path = new StringBuilder();
        if (!targets.isEmpty()) {
            for (int year = firstYear; year <= lastYear; year++) {
                BigDecimal expected = Progress.expected(year, targets);
                path.append(fmt(left + (year - firstYear) * plotW / span)).append(',')
                        .append(fmt(top + plotH - expected.doubleValue() / 100 * plotH)).append(' ');
            }
            out.append("<polyline fill=\"none\" stroke=\"#6c757d\" stroke-width=\"1\" stroke-dasharray=\"4 3\" "
                    + "points=\"").append(path.toString().trim()).append("\"/>");
        }
        // forecast band and line from the last year recorded to each target year ahead
        if (forecast != null && forecast.lastYear() != null) {
            double x0 = left + (forecast.lastYear() - firstYear) * plotW / span;
            double y0 = top + plotH - forecast.last().doubleValue() / 100 * plotH;
            for (Forecast.Projection p : forecast.projections()) {
                if (p.targetYear() <= forecast.lastYear() || p.projected() == null || p.targetYear() > lastYear) {
                    continue;
                }
                double x1 = left + (p.targetYear() - firstYear) * plotW / span;
                if (p.low() != null && p.high() != null) {
                    out.append("<polygon fill=\"#0d6efd\" fill-opacity=\"0.12\" stroke=\"none\" points=\"")
                            .append(fmt(x0)).append(',').append(fmt(y0)).append(' ')
                            .append(fmt(x1)).append(',').append(fmt(top + plotH - p.high().doubleValue() / 100 * plotH))
                            .append(' ').append(fmt(x1)).append(',')
                            .append(fmt(top + plotH - p.low().doubleValue() / 100 * plotH)).append("\"/>");
                }
                out.append("<line x1=\"").append(fmt(x0)).append("\" y1=\"").append(fmt(y0)).append("\" x2=\"")
                        .append(fmt(x1)).append("\" y2=\"").append(fmt(top + plotH - p.projected().doubleValue()
                                / 100 * plotH)).append("\" stroke=\"#0d6efd\" stroke-width=\"1\" "
                                + "stroke-dasharray=\"1 2\"/>");
            }
        }
        for (Target t : targets) {
            if (t.year() < firstYear || t.year() > lastYear) {
                continue;
            }
            double x = left + (t.year() - firstYear) * plotW / span;
            double y = top + plotH - t.percentage().doubleValue() / 100 * plotH;
            out.append("<rect x=\"").append(fmt(x - 3)).append("\" y=\"").append(fmt(y - 3))
                    .append("\" width=\"6\" height=\"6\" fill=\"#dc3545\"/>");
        }
        StringBuilder line = new StringBuilder();
        for (Forecasts.YearRate r : rates) {
            if (r.ratio().rate() == null || r.year() < firstYear || r.year() > lastYear) {
                continue;
            }
            double x = left + (r.year() - firstYear) * plotW / span;
            double y = top + plotH - r.ratio().rate().doubleValue() / 100 * plotH;
            line.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            out.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"2.5\" fill=\"#0d6efd\"/>");
        }
        if (!line.isEmpty()) {
            out.append("<polyline fill=\"none\" stroke=\"#0d6efd\" stroke-width=\"1.5\" points=\"")
                    .append(line.toString().trim()).append("\"/>");
        }
        out.append("<line x1=\"").append(left).append("\" y1=\"").append(fmt(top + plotH)).append("\" x2=\"")
                .append(w - right).append("\" y2=\"").append(fmt(top + plotH)).append("\" stroke=\"#495057\" "
                + "stroke-width=\"0.8\"/>");
        return out.append("</svg>").toString();
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
