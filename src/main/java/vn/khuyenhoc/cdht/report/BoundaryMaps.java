package vn.khuyenhoc.cdht.report;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Maps without the internet: boundaries uploaded as GeoJSON (one Polygon or MultiPolygon feature per unit, the
 * unit's code in properties.code), checked whole before anything is stored, and the choropleth of a unit's children
 * drawn here as SVG. A file with one bad feature stores nothing; every problem is listed with the feature it is in.
 */
@Service
class BoundaryMaps {

    /** Sequential blues of five classes of 20 points, and grey for no data. */
    static final String[] CLASS_COLOURS = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"};
    static final String NO_DATA_COLOUR = "#e9ecef";
    private static final int MAX_PROBLEMS = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final Units units;
    private final UnitScope scope;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();
    private final long maxBytes;
    private final int maxFeatures;
    private final int maxPositions;

    BoundaryMaps(NamedParameterJdbcTemplate jdbc, Units units, UnitScope scope, AuditLog audit,
            @Value("${cdht.report.map.max-bytes:5242880}") long maxBytes,
            @Value("${cdht.report.map.max-features:5000}") int maxFeatures,
            @Value("${cdht.report.map.max-positions:500000}") int maxPositions) {
        this.jdbc = jdbc;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
        this.maxBytes = maxBytes;
        this.maxFeatures = maxFeatures;
        this.maxPositions = maxPositions;
    }

    /** A message key and its arguments; feature is the 1-based number of the feature (0: the whole file). */
    record Problem(int feature, String key, Object[] args) {
    }

    record Upload(int stored, List<Problem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    record StoredBoundary(long unitId, String code, String name, boolean schematic, String sourceName,
            String uploadedBy, Instant uploadedAt) {
    }

    private record Parsed(long unitId, String geometry, double[] box) {
    }

    /** 403 unless the role manages the boundaries. */
    void requireUploader(CurrentUser user) {
        ReportPolicy.MANAGE_BOUNDARIES.require(user);
    }

    /** Admins only; the units named must be today's units within the user's subtree. */
    @Transactional
    Upload upload(CurrentUser user, String fileName, byte[] content, boolean schematic) {
        requireUploader(user);
        return store(user.username(), fileName, content, schematic, user);
    }

    /** True when no unit has a boundary yet. */
    @Transactional(readOnly = true)
    boolean noneStored() {
        return !Boolean.TRUE.equals(jdbc.getJdbcTemplate().queryForObject(
                "SELECT EXISTS (SELECT 1 FROM report_boundary)", Boolean.class));
    }

    /** The demo's schematic file, loaded by the demo module at start (no user: the whole tree). */
    @Transactional
    int loadSchematic(String fileName, byte[] content) {
        Upload upload = store("demo", fileName, content, true, null);
        if (!upload.ok()) {
            throw new IllegalStateException("demo boundaries refused: " + upload.problems().get(0).key());
        }
        return upload.stored();
    }

    private Upload store(String actor, String fileName, byte[] content, boolean schematic, CurrentUser user) {
        List<Problem> problems = new ArrayList<>();
        List<Parsed> parsed = check(content, user, problems);
        if (!problems.isEmpty()) {
            return new Upload(0, problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        }
        String source = fileName == null || fileName.isBlank() ? "boundaries.geojson"
                : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        Timestamp now = Timestamp.from(Instant.now());
        for (Parsed p : parsed) {
            jdbc.update("DELETE FROM report_boundary WHERE unit_id = :id", Map.of("id", p.unitId()));
            Map<String, Object> params = new HashMap<>();
            params.put("id", p.unitId());
            params.put("geometry", p.geometry());
            params.put("minLon", p.box()[0]);
            params.put("minLat", p.box()[1]);
            params.put("maxLon", p.box()[2]);
            params.put("maxLat", p.box()[3]);
            params.put("schematic", schematic);
            params.put("source", source);
            params.put("actor", actor);
            params.put("at", now);
            jdbc.update("""
                    INSERT INTO report_boundary (unit_id, geometry, min_lon, min_lat, max_lon, max_lat, schematic,
                        source_name, uploaded_by, uploaded_at)
                    VALUES (:id, :geometry, :minLon, :minLat, :maxLon, :maxLat, :schematic, :source, :actor, :at)""",
                    params);
        }
        audit.record(actor, "REPORT_BOUNDARIES_UPLOADED", "REPORT", null, null,
                source + ": " + parsed.size() + " units" + (schematic ? " (schematic)" : ""), null);
        return new Upload(parsed.size(), List.of());
    }

    /** Every check, collecting problems; the parsed features only matter when there are none. */
    List<Parsed> check(byte[] content, CurrentUser user, List<Problem> problems) {
        if (content == null || content.length == 0) {
            problems.add(new Problem(0, "report.map.error.empty", new Object[0]));
            return List.of();
        }
        if (content.length > maxBytes) {
            problems.add(new Problem(0, "report.map.error.tooLarge", new Object[] {maxBytes / (1024 * 1024)}));
            return List.of();
        }
        JsonNode root;
        try {
            root = json.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            problems.add(new Problem(0, "report.map.error.notJson", new Object[0]));
            return List.of();
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(text(root.get("type")))
                || root.get("features") == null || !root.get("features").isArray()) {
            problems.add(new Problem(0, "report.map.error.notCollection", new Object[0]));
            return List.of();
        }
        JsonNode features = root.get("features");
        if (features.isEmpty()) {
            problems.add(new Problem(0, "report.map.error.noFeatures", new Object[0]));
            return List.of();
        }
        if (features.size() > maxFeatures) {
            problems.add(new Problem(0, "report.map.error.tooManyFeatures", new Object[] {maxFeatures}));
            return List.of();
        }
        List<Parsed> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] positions = {0};
        for (int i = 0; i < features.size(); i++) {
            int number = i + 1;
            JsonNode feature = features.get(i);
            JsonNode properties = feature.get("properties");
            String code = properties == null ? null : text(properties.get("code"));
            if (code == null || code.isBlank()) {
                problems.add(new Problem(number, "report.map.error.noCode", new Object[] {number}));
                continue;
            }
            code = code.trim();
            if (!seen.add(code)) {
                problems.add(new Problem(number, "report.map.error.duplicate", new Object[] {number, code}));
                continue;
            }
            UnitSummary unit = units.findByCode(code).filter(UnitSummary::current).orElse(null);
            if (unit == null || user != null && !scope.canSee(user, unit.id())) {
                problems.add(new Problem(number, "report.map.error.unknownUnit", new Object[] {number, code}));
                continue;
            }
            JsonNode geometry = feature.get("geometry");
            String type = geometry == null ? null : text(geometry.get("type"));
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            String error;
            if ("Polygon".equals(type)) {
                error = polygon(geometry.get("coordinates"), box, positions);
            } else if ("MultiPolygon".equals(type)) {
                JsonNode polygons = geometry.get("coordinates");
                error = polygons == null || !polygons.isArray() || polygons.isEmpty() ? "report.map.error.coordinates"
                        : null;
                for (int p = 0; error == null && p < polygons.size(); p++) {
                    error = polygon(polygons.get(p), box, positions);
                }
            } else {
                error = "report.map.error.geometryType";
            }
            if (positions[0] > maxPositions) {
                problems.add(new Problem(0, "report.map.error.tooManyPositions", new Object[] {maxPositions}));
                return List.of();
            }
            if (error != null) {
                problems.add(new Problem(number, error, new Object[] {number, code}));
                continue;
            }
            out.add(new Parsed(unit.id(), json.writeValueAsString(geometry), box));
        }
        return out;
    }

    /** A polygon: rings of at least four [lon, lat] positions, closed, within the globe. Null when sound. */
    private static String polygon(JsonNode rings, double[] box, int[] positions) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            return "report.map.error.coordinates";
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                return "report.map.error.ring";
            }
            for (JsonNode position : ring) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    return "report.map.error.coordinates";
                }
                double lon = position.get(0).asDouble();
                double lat = position.get(1).asDouble();
                if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90
                        || lat > 90) {
                    return "report.map.error.outOfRange";
                }
                box[0] = Math.min(box[0], lon);
                box[1] = Math.min(box[1], lat);
                box[2] = Math.max(box[2], lon);
                box[3] = Math.max(box[3], lat);
                positions[0]++;
            }
            JsonNode first = ring.get(0);
            JsonNode last = ring.get(ring.size() - 1);
            if (first.get(0).asDouble() != last.get(0).asDouble() || first.get(1).asDouble() != last.get(1).asDouble()) {
                return "report.map.error.notClosed";
            }
        }
        return null;
    }

    /** What is stored, within the user's subtree. */
    @Transactional(readOnly = true)
    List<StoredBoundary> stored(CurrentUser user) {
        Subtree within = scope.subtree(user);
        return jdbc.query("""
                SELECT b.unit_id, u.code, u.name, b.schematic, b.source_name, b.uploaded_by, b.uploaded_at
                FROM report_boundary b JOIN admin_unit u ON u.id = b.unit_id
                WHERE\s""" + Subtree.below("u.path", "scope") + " ORDER BY u.path", Map.of("scope", within.path()),
                (rs, i) -> new StoredBoundary(rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
                        rs.getBoolean("schematic"), rs.getString("source_name"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()));
    }

    /** The drawn map of the children rows of a dashboard view, coloured by one indicator's rate. */
    record MapView(String svg, boolean schematic, List<ChildRow> missing, int drawn) {
    }

    @Transactional(readOnly = true)
    MapView draw(ReportView view, Indicator indicator, String linkPrefix, String linkSuffix) {
        Map<Long, ChildRow> byId = new HashMap<>();
        for (ChildRow row : view.children()) {
            if (!row.direct()) {
                byId.put(row.unit().id(), row);
            }
        }
        List<Map<String, Object>> shapes = byId.isEmpty() ? List.of() : jdbc.queryForList("""
                SELECT unit_id, geometry, min_lon, min_lat, max_lon, max_lat, schematic FROM report_boundary
                WHERE unit_id IN (:ids)""", Map.of("ids", byId.keySet()));
        List<ChildRow> missing = new ArrayList<>();
        Set<Long> drawnIds = new HashSet<>();
        shapes.forEach(s -> drawnIds.add(((Number) s.get("unit_id")).longValue()));
        for (ChildRow row : view.children()) {
            if (!row.direct() && !drawnIds.contains(row.unit().id())) {
                missing.add(row);
            }
        }
        if (shapes.isEmpty()) {
            return new MapView(null, false, missing, 0);
        }
        double minLon = Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        boolean schematic = false;
        for (Map<String, Object> s : shapes) {
            minLon = Math.min(minLon, ((Number) s.get("min_lon")).doubleValue());
            minLat = Math.min(minLat, ((Number) s.get("min_lat")).doubleValue());
            maxLon = Math.max(maxLon, ((Number) s.get("max_lon")).doubleValue());
            maxLat = Math.max(maxLat, ((Number) s.get("max_lat")).doubleValue());
            schematic |= Boolean.TRUE.equals(s.get("schematic"));
        }
        // equirectangular, shrunk east-west by the cosine of the middle latitude: fine at a province's size
        double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double width = 640;
        double spanX = Math.max(1e-9, (maxLon - minLon) * kx);
        double spanY = Math.max(1e-9, maxLat - minLat);
        double scale = Math.min(width / spanX, 640 / spanY);
        double height = spanY * scale;
        double drawnWidth = spanX * scale;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-map\" "
                + "viewBox=\"-4 -4 " + SvgCharts.fmt(drawnWidth + 8) + " " + SvgCharts.fmt(height + 8)
                + "\" role=\"img\">");
        StringBuilder labels = new StringBuilder();
        for (Map<String, Object> s : shapes) {
            ChildRow row = byId.get(((Number) s.get("unit_id")).longValue());
            Ratio ratio = row.indicators().stream().filter(l -> l.indicator() == indicator).map(IndicatorLight::ratio)
                    .findFirst().orElse(null);
            String colour = colour(ratio);
            String name = HtmlUtils.htmlEscape(row.unit().name());
            String value = ratio == null || ratio.rate() == null ? "—" : ratio.rate().toPlainString() + " %";
            StringBuilder d = new StringBuilder();
            JsonNode geometry = json.readTree((String) s.get("geometry"));
            List<JsonNode> polygons = new ArrayList<>();
            if ("Polygon".equals(text(geometry.get("type")))) {
                polygons.add(geometry.get("coordinates"));
            } else {
                geometry.get("coordinates").forEach(polygons::add);
            }
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    for (int i = 0; i < ring.size(); i++) {
                        double x = (ring.get(i).get(0).asDouble() - minLon) * kx * scale;
                        double y = (maxLat - ring.get(i).get(1).asDouble()) * scale;
                        d.append(i == 0 ? "M" : "L").append(SvgCharts.fmt(x)).append(' ').append(SvgCharts.fmt(y));
                    }
                    d.append('Z');
                }
            }
            svg.append("<a href=\"").append(HtmlUtils.htmlEscape(linkPrefix + row.unit().id() + linkSuffix))
                    .append("\" data-unit=\"").append(HtmlUtils.htmlEscape(row.unit().code())).append("\">")
                    .append("<path d=\"").append(d).append("\" fill=\"").append(colour)
                    .append("\" fill-rule=\"evenodd\" stroke=\"#343a40\" stroke-width=\"0.8\"><title>").append(name)
                    .append(": ").append(HtmlUtils.htmlEscape(value)).append("</title></path></a>");
            double cx = ((((Number) s.get("min_lon")).doubleValue() + ((Number) s.get("max_lon")).doubleValue()) / 2
                    - minLon) * kx * scale;
            double cy = (maxLat - (((Number) s.get("min_lat")).doubleValue()
                    + ((Number) s.get("max_lat")).doubleValue()) / 2) * scale;
            labels.append("<text x=\"").append(SvgCharts.fmt(cx)).append("\" y=\"").append(SvgCharts.fmt(cy))
                    .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#212529\" pointer-events=\"none\">")
                    .append(name).append("</text><text x=\"").append(SvgCharts.fmt(cx)).append("\" y=\"")
                    .append(SvgCharts.fmt(cy + 13)).append("\" font-size=\"11\" text-anchor=\"middle\" "
                            + "fill=\"#212529\" pointer-events=\"none\">").append(HtmlUtils.htmlEscape(value))
                    .append("</text>");
        }
        svg.append(labels).append("</svg>");
        return new MapView(svg.toString(), schematic, missing, shapes.size());
    }

    static String colour(Ratio ratio) {
        if (ratio == null || ratio.rate() == null) {
            return NO_DATA_COLOUR;
        }
        int index = Math.min(CLASS_COLOURS.length - 1, ratio.rate().intValue() / 20);
        return CLASS_COLOURS[index];
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }
}
