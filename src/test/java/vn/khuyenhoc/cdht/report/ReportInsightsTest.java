package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Completeness, the pivot, the comparison, the forecast pages and the printable report on a hand-built province of
 * their own (R9), against counts made by hand or straight from the raw tables; the historical view of the demo's
 * 2023.
 *
 * <pre>
 * R9 province
 *   R9-A commune: hamlets R9-A1 (3 citizens), R9-A2 (2), R9-A3 (1)
 *   R9-B commune: hamlet R9-B1 (2 citizens), nothing entered in 2024
 *   R9-C commune without hamlets (1 citizen)
 * 2024: R9-A1 a DRAFT and a RECOGNISED, R9-A2 a SUBMITTED, R9-C a RECOGNISED without digital skills.
 * 2023: R9-A1 two RECOGNISED.
 * </pre>
 */
class ReportInsightsTest extends ReportTestSupport {

    private static final int YEAR = 2024;
    private static boolean loaded;

    @Autowired
    Completeness completeness;

    @Autowired
    Pivots pivots;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        units("""
                R9,Tỉnh Kiểm Thử Đầy Đủ,province,VN,1990-01-01,,
                R9-A,Xã Có Nhập,commune,R9,1990-01-01,,
                R9-A1,Thôn A Một,hamlet,R9-A,1990-01-01,,
                R9-A2,Thôn A Hai,hamlet,R9-A,1990-01-01,,
                R9-A3,Thôn A Ba,hamlet,R9-A,1990-01-01,,
                R9-B,Xã Chưa Nhập,commune,R9,1990-01-01,,
                R9-B1,Thôn B Một,hamlet,R9-B,1990-01-01,,
                R9-C,Xã Không Thôn,commune,R9,1990-01-01,,
                """);
        long a1 = citizen("A Một Một", 1980, "R9-A1", "FARMER", null, null, null);
        long a2 = citizen("A Một Hai", 2000, "R9-A1", "WORKER", null, null, null);
        long a3 = citizen("A Một Ba", 1960, "R9-A1", "FARMER", null, null, null);
        long b1 = citizen("A Hai Một", 1995, "R9-A2", "FARMER", null, null, null);
        citizen("A Hai Hai", 1990, "R9-A2", "FARMER", null, null, null);
        citizen("A Ba Một", 1970, "R9-A3", "OFFICIAL", null, null, null);
        citizen("B Một Một", 1985, "R9-B1", "FARMER", null, null, null);
        citizen("B Một Hai", 1986, "R9-B1", "WORKER", null, null, null);
        long c1 = citizen("C Một", 2005, "R9-C", "WORKER", null, null, null);
        jdbc.update("update citizen set gender = 'MALE' where id in (?, ?)", a2, c1);
        assessment(a1, YEAR, "R9-A1", "FARMER", "DRAFT", false, false, false, "STAFF_PROXY");
        assessment(a2, YEAR, "R9-A1", "WORKER", "RECOGNISED", true, true, true, "ONLINE_SELF");
        assessment(b1, YEAR, "R9-A2", "FARMER", "SUBMITTED", false, false, false, "STAFF_PROXY");
        assessment(c1, YEAR, "R9-C", "WORKER", "RECOGNISED", true, false, false, "ONLINE_SELF");
        assessment(a1, 2023, "R9-A1", "FARMER", "RECOGNISED", true, false, false, "STAFF_PROXY");
        assessment(a3, 2023, "R9-A1", "FARMER", "RECOGNISED", true, true, false, "STAFF_PROXY");
        for (Long unit : jdbc.queryForList("select id from admin_unit where path like "
                + "(select path from admin_unit where code = 'R9') || '%'", Long.class)) {
            refresh.refreshUnit(unit);
        }
        loaded = true;
    }

    private CurrentUser admin() {
        return (CurrentUser) users.loadUserByUsername("admin");
    }

    @Test
    void completeness_on_the_hand_built_tree_lists_the_unit_with_nothing_entered_first() {
        Completeness.View view = completeness.of(admin(), unitId("R9"), YEAR);
        assertThat(view.rows()).extracting(r -> r.unit().code()).containsExactly("R9-B", "R9-A", "R9-C");
        Completeness.Row b = view.rows().get(0);
        assertThat(b.nothingEntered()).isTrue();
        assertThat(b.leaves()).isEqualTo(1);
        assertThat(b.entered()).isZero();
        assertThat(b.registered()).isEqualTo(2);
        assertThat(b.lastEntry()).isNull();
        Completeness.Row a = view.rows().get(1);
        // three hamlets, two with an assessment; six citizens, three assessed; a draft, a submitted, a recognised
        assertThat(a.leaves()).isEqualTo(3);
        assertThat(a.entered()).isEqualTo(2);
        assertThat(a.leafShare().rate()).isEqualByComparingTo("66.7");
        assertThat(a.registered()).isEqualTo(6);
        assertThat(a.assessed()).isEqualTo(3);
        assertThat(a.assessedShare().rate()).isEqualByComparingTo("50.0");
        assertThat(a.draft()).isEqualTo(1);
        assertThat(a.submitted()).isEqualTo(1);
        assertThat(a.verified()).isZero();
        assertThat(a.recognised()).isEqualTo(1);
        assertThat(a.waiting()).isEqualTo(2);
        assertThat(a.lastEntry()).isNotNull();
        // a commune without hamlets is its own entry point
        Completeness.Row c = view.rows().get(2);
        assertThat(c.leaves()).isEqualTo(1);
        assertThat(c.entered()).isEqualTo(1);
        assertThat(c.recognised()).isEqualTo(1);
        assertThat(view.total().leaves()).isEqualTo(5);
        assertThat(view.total().entered()).isEqualTo(3);
        assertThat(view.total().assessed()).isEqualTo(4);
        // a hamlet's own page: itself
        Completeness.View hamlet = completeness.of(admin(), unitId("R9-A1"), YEAR);
        assertThat(hamlet.total().leaves()).isEqualTo(1);
        assertThat(hamlet.total().assessed()).isEqualTo(2);
    }

    @Test
    void pivot_cells_equal_the_raw_aggregate_of_the_assessments() {
        String prefix = jdbc.queryForObject("select path from admin_unit where code = 'R9'", String.class);
        List<Map<String, Object>> raw = jdbc.queryForList("""
                select a.assessment_year, a.target_group, a.channel, a.state, a.verified_passed,
                       a.has_digital_skills, a.digital_proficient, c.gender, c.birth_year, u.path
                from assessment a join citizen c on c.id = a.citizen_id join admin_unit u on u.id = a.unit_id
                where u.path like ? || '%'""", prefix);
        assertThat(raw).hasSize(6);
        String[][] asks = {{"gender", "channel", "assessed"}, {"age_band", "year", "recognised"},
            {"unit", "target_group", "passed"}, {"unit", "year", "rate"}, {"channel", "", "digital"},
            {"year", "gender", "proficient"}};
        for (String[] ask : asks) {
            Pivots.Table table = pivots.of(admin(), unitId("R9"), Pivots.Request.of(ask[0], ask[1], ask[2],
                    "commune", null), Locale.forLanguageTag("vi"));
            Map<String, long[]> expected = new HashMap<>();
            for (Map<String, Object> row : raw) {
                String r = rawKey(table.request().rows(), row);
                String c = table.request().columns() == null ? "" : rawKey(table.request().columns(), row);
                long[] counts = expected.computeIfAbsent(r + "|" + c, k -> new long[2]);
                counts[0]++;
                if (counts(table.request().measure(), row)) {
                    counts[1]++;
                }
            }
            int cells = 0;
            for (int i = 0; i < table.rows().size(); i++) {
                List<String> columns = table.columns().isEmpty() ? List.of("")
                        : table.columns().stream().map(Pivots.Header::key).toList();
                for (int j = 0; j < columns.size(); j++) {
                    long[] counts = expected.getOrDefault(table.rows().get(i).key() + "|" + columns.get(j),
                            new long[2]);
                    Number cell = table.cells()[i][j];
                    if (table.request().measure() == PivotMeasure.RATE) {
                        Object want = counts[0] == 0 ? null : Ratio.of(counts[1], counts[0]).rate();
                        assertThat(cell).as(String.join(",", ask) + " cell " + i + "," + j).isEqualTo(want);
                    } else {
                        assertThat(cell.longValue()).as(String.join(",", ask) + " cell " + i + "," + j)
                                .isEqualTo(counts[1]);
                    }
                    cells += counts[0];
                }
            }
            assertThat(cells).as("every assessment in exactly one cell: " + String.join(",", ask)).isEqualTo(6);
        }
        // the unit rows are the communes by name, the totals the whole subtree
        Pivots.Table byUnit = pivots.of(admin(), unitId("R9"), Pivots.Request.of("unit", "", "assessed", null,
                YEAR), Locale.forLanguageTag("vi"));
        assertThat(byUnit.rows()).extracting(Pivots.Header::label).containsExactly("Xã Có Nhập", "Xã Không Thôn");
        assertThat(byUnit.cells()[byUnit.rows().size()][1]).isEqualTo(4L);
    }

    /** The key the pivot uses, computed from the raw row: the commune (second id of the path below R9), ... */
    private String rawKey(PivotDimension dimension, Map<String, Object> row) {
        return switch (dimension) {
            case UNIT -> {
                String path = (String) row.get("path");
                String rest = path.substring(jdbc.queryForObject("select path from admin_unit where code = 'R9'",
                        String.class).length());
                yield rest.substring(0, rest.indexOf('/'));
            }
            case TARGET_GROUP -> (String) row.get("target_group");
            case YEAR -> String.valueOf(row.get("assessment_year"));
            case GENDER -> (String) row.get("gender");
            case AGE_BAND -> AgeBand.of(((Number) row.get("assessment_year")).intValue()
                    - ((Number) row.get("birth_year")).intValue()).code();
            case CHANNEL -> (String) row.get("channel");
        };
    }

    private static boolean counts(PivotMeasure measure, Map<String, Object> row) {
        boolean recognised = "RECOGNISED".equals(row.get("state"));
        return switch (measure) {
            case ASSESSED -> true;
            case PASSED -> Boolean.TRUE.equals(row.get("verified_passed"));
            case RECOGNISED, RATE -> recognised;
            case DIGITAL -> recognised && Boolean.TRUE.equals(row.get("has_digital_skills"));
            case PROFICIENT -> recognised && Boolean.TRUE.equals(row.get("digital_proficient"));
        };
    }

    @Test
    void the_pages_render_and_the_workbooks_hold_the_same_figures() throws Exception {
        long r9 = unitId("R9");
        String compare = page("/report/{u}/{y}/compare", r9, YEAR);
        // R9-A: 2023 two recognised of two (DIGITAL 1/2 = 50 %), 2024 one of one (100 %): +50
        assertThat(compare).contains("Xã Có Nhập", "Xã Chưa Nhập", "class=\"sparkline\"", "+50,0");
        String sorted = page("/report/{u}/{y}/compare?sort=assessed&dir=desc", r9, YEAR);
        assertThat(sorted.indexOf("Xã Có Nhập")).isLessThan(sorted.indexOf("Xã Không Thôn"));
        assertThat(sorted.indexOf("Xã Không Thôn")).isLessThan(sorted.indexOf("Xã Chưa Nhập"));

        String forecast = page("/report/{u}/{y}/forecast", r9, YEAR);
        assertThat(forecast).contains("id=\"forecast-method\"", "bình phương tối thiểu", "id=\"at-risk-table\"",
                "Đúng tiến độ");
        byte[] atRisk = mvc.perform(get("/report/{u}/{y}/forecast/at-risk.xlsx", r9, YEAR).with(as("admin")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", Xlsx.CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(atRisk))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Mã");
            List<String> units = new ArrayList<>();
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                units.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
            // R9-C: one year, digital 0 %: at risk (no pace yet); R9-A's digital 50 % → 100 % is on track; R9-B
            // has no data at all
            assertThat(units).contains("R9-C").doesNotContain("R9-B");
        }

        String completenessPage = page("/report/{u}/{y}/completeness", r9, YEAR);
        assertThat(completenessPage.indexOf("Xã Chưa Nhập")).isLessThan(completenessPage.indexOf("Xã Có Nhập"));
        assertThat(completenessPage).contains("id=\"completeness-total-leaves\">3 / 5<");

        String pivot = page("/report/{u}/pivot?rows=gender&cols=year&measure=assessed", r9, null);
        assertThat(pivot).contains("id=\"pivot-table\"", "Nam", "Nữ", "id=\"pivot-grand-total\">6<");
        byte[] pivotBook = mvc.perform(get("/report/{u}/pivot.xlsx", r9).param("rows", "gender")
                        .param("cols", "year").param("measure", "assessed").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(pivotBook))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2023");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(3).getNumericCellValue()).isEqualTo(6);
        }

        byte[] pdf = mvc.perform(get("/report/{u}/{y}/report.pdf", r9, YEAR).with(as("admin")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Báo cáo Công dân học tập – Tỉnh Kiểm Thử Đầy Đủ – năm 2024", "Dự báo",
                    "Mức độ đầy đủ", "Xã Chưa Nhập", "Đúng tiến độ");
            // the charts are drawn (Batik paints them as vector shapes, so look at the pixels): the rate line's
            // blue and the targets' red squares are on the pages
            int blue = 0;
            int red = 0;
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 60);
                for (int x = 0; x < image.getWidth(); x++) {
                    for (int y = 0; y < image.getHeight(); y++) {
                        int rgb = image.getRGB(x, y);
                        int r = (rgb >> 16) & 0xff;
                        int g = (rgb >> 8) & 0xff;
                        int b = rgb & 0xff;
                        blue += r < 60 && g > 80 && g < 140 && b > 220 ? 1 : 0;
                        red += r > 200 && g < 80 && b < 90 ? 1 : 0;
                    }
                }
            }
            assertThat(blue).as("blue pixels of the rate lines").isGreaterThan(20);
            assertThat(red).as("red pixels of the targets").isGreaterThan(20);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(Path.of("target", "screenshots", "report-r9.pdf"), pdf);
        }
    }

    @Test
    void the_historical_view_of_2023_lists_only_the_units_valid_in_2023() throws Exception {
        long qt = unitId("QT");
        JsonNode r = report("tinh", qt, 2023, "historical");
        List<String> children = new ArrayList<>();
        // (other tests' data of 2023 counted under today's units, if any, is the one line "elsewhere", not a unit)
        r.get("children").forEach(c -> children.add(c.get("elsewhere").asBoolean() ? "(elsewhere)"
                : c.get("unit").isNull() ? "(direct)" : c.get("unit").get("name").asString()));
        assertThat(children).contains("Huyện Vĩnh Linh")
                .allMatch(name -> name.equals("Huyện Vĩnh Linh") || name.equals("(elsewhere)"));
        String page = page("/report/{u}/{y}?boundaries=historical", qt, 2023);
        assertThat(page).contains("Huyện Vĩnh Linh").doesNotContain("Xã Cửa Tùng", "Xã Vĩnh Linh<");
        // and the commune level one down: the old district's eleven communes, none of today's
        JsonNode district = report("tinh", unitId("464"), 2023, "historical");
        assertThat(district.get("children")).hasSize(11);
        // today's boundaries of the same year list today's communes
        assertThat(page("/report/{u}/{y}", qt, 2023)).contains("Xã Cửa Tùng");
        // the year picker: the target years, this year, the year shown; not 2020
        assertThat(page).contains("<option value=\"2030\">", "<option value=\"2025\">")
                .doesNotContain("<option value=\"2020\">");
    }

    private String page(String url, long unit, Integer year) throws Exception {
        Object[] vars = year == null ? new Object[] {unit} : new Object[] {unit, year};
        return mvc.perform(get(url, vars).with(as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
