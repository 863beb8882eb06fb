package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultMatcher;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The GeoJSON upload refuses bad files with a message and stores nothing; a good file is drawn on the map; and every
 * page of issue 16 refuses a user of another unit (403) and an unknown unit (404).
 */
class ReportMapsAndScopeTest extends PostgresIntegrationTest {

    private static final int YEAR = Year.now().getValue();

    private static String square(String code, double lon, double lat) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + 0.1) + "," + lat + "],[" + (lon + 0.1) + ","
                + (lat + 0.1) + "],[" + lon + "," + (lat + 0.1) + "],[" + lon + "," + lat + "]]]}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private String upload(String user, String content, ResultMatcher expected) throws Exception {
        return mvc.perform(multipart("/report/maps").file(new MockMultipartFile("file", "ranh-gioi.geojson",
                        "application/geo+json", content.getBytes(StandardCharsets.UTF_8))).with(as(user)).with(csrf()))
                .andExpect(expected).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String stored() {
        return String.join(",", jdbc.queryForList("select u.code || ':' || b.source_name || ':' || b.schematic "
                + "from report_boundary b join admin_unit u on u.id = b.unit_id order by u.code", String.class));
    }

    @Test
    void bad_geojson_files_are_refused_with_messages_and_store_nothing() throws Exception {
        String before = stored();
        assertThat(before).as("the demo's schematic file").contains("N-VLINH:boundaries-schematic.geojson:true");
        String good = square("N-VLINH", 107.0, 17.0);
        Object[][] cases = {
            {"{not json", "Tệp không phải JSON hợp lệ."},
            {"{\"type\":\"Feature\"}", "Tệp phải là một GeoJSON FeatureCollection"},
            {collection(), "Tệp không có đối tượng nào."},
            {collection(good, square("ZZ-KHONG-CO", 107.0, 17.0)),
                "Đối tượng thứ 2: không có đơn vị đang hiệu lực mã ZZ-KHONG-CO trong phạm vi của bạn."},
            {collection(good, square("VL-HOXA", 107.0, 17.0)),
                "Đối tượng thứ 2: không có đơn vị đang hiệu lực mã VL-HOXA"},
            {collection(good, good), "Đối tượng thứ 2: mã N-VLINH đã xuất hiện trước đó trong tệp."},
            {collection("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}"),
                "Đối tượng thứ 1: thiếu mã đơn vị"},
            {collection(good.replace("\"Polygon\"", "\"LineString\"")),
                "Đối tượng thứ 1 (N-VLINH): hình phải là Polygon hoặc MultiPolygon."},
            {collection(good.replace("[107.0,17.0]]]", "[107.0,17.05]]]")),
                "Đối tượng thứ 1 (N-VLINH): vòng ranh giới phải khép kín"},
            {collection(good.replace("[107.0,17.0],", "[207.0,17.0],")),
                "Đối tượng thứ 1 (N-VLINH): toạ độ ngoài phạm vi"},
            {collection(good.replace("\"coordinates\":[[[", "\"coordinates\":[[[\"x\",")),
                "Đối tượng thứ 1 (N-VLINH): toạ độ không đúng dạng"},
            {collection("{\"type\":\"Feature\",\"properties\":{\"code\":\"N-VLINH\"},\"geometry\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[107,17],[107.1,17],[107,17]]]}}"),
                "mỗi vòng ranh giới cần ít nhất 4 điểm"},
            {"", "Chưa chọn tệp hoặc tệp rỗng."},
        };
        for (Object[] c : cases) {
            String page = upload("admin", (String) c[0], status().isOk());
            assertThat(page).as((String) c[0]).contains("id=\"map-problems\"", (String) c[1]);
            assertThat(stored()).isEqualTo(before);
        }
        // one good feature beside a bad one stores nothing either
        assertThat(upload("admin", collection(good, square("ZZ", 1, 1)), status().isOk())).contains("ZZ");
        assertThat(stored()).isEqualTo(before);
        // only admins upload
        for (String user : List.of("tinh", "xa1", "xem")) {
            upload(user, collection(good), status().isForbidden());
            mvc.perform(get("/report/maps").with(as(user))).andExpect(status().isForbidden());
        }
        assertThat(stored()).isEqualTo(before);

        // a good file replaces the unit's boundary, real (not schematic) now, and is audited
        upload("admin", collection(good), status().is3xxRedirection());
        assertThat(stored()).contains("N-VLINH:ranh-gioi.geojson:false");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REPORT_BOUNDARIES_UPLOADED' "
                + "and actor = 'admin'", Integer.class)).isEqualTo(1);
        assertThat(mvc.perform(get("/report/maps").with(as("admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("ranh-gioi.geojson");
    }

    @Test
    void the_map_draws_the_children_from_the_stored_boundaries() throws Exception {
        String page = mvc.perform(get("/report/{u}/{y}/map", unitId("QT"), YEAR).param("indicator", "DIGITAL")
                        .with(as("tinh")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<svg", "class=\"report-map\"", "data-unit=\"N-CTUNG\"", "<path d=\"M",
                "id=\"map-legend\"");
        // the commune's map: its hamlets
        String commune = mvc.perform(get("/report/{u}/{y}/map", unitId("N-CTUNG"), YEAR).with(as("xa2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(commune).contains("data-unit=\"CTUNG-T01\"", "data-unit=\"CTUNG-T03\"")
                .doesNotContain("data-unit=\"N-VLINH\"");
    }

    /** Every page of issue 16 for one unit. */
    private void allPages(String user, long unitId, ResultMatcher expected) throws Exception {
        for (String url : List.of("/report/{u}/{y}/forecast", "/report/{u}/{y}/forecast/at-risk.xlsx",
                "/report/{u}/{y}/completeness", "/report/{u}/{y}/compare", "/report/{u}/{y}/map",
                "/report/{u}/{y}/report.pdf")) {
            mvc.perform(get(url, unitId, YEAR).with(as(user))).andExpect(expected);
        }
        mvc.perform(get("/report/{u}/pivot", unitId).param("rows", "gender").with(as(user))).andExpect(expected);
        mvc.perform(get("/report/{u}/pivot.xlsx", unitId).with(as(user))).andExpect(expected);
    }

    @Test
    void every_new_page_refuses_another_units_user_and_unknown_units() throws Exception {
        long vinhLinh = unitId("N-VLINH");
        allPages("xa1", vinhLinh, status().isOk());
        allPages("xa2", vinhLinh, status().isForbidden());
        allPages("thon1", vinhLinh, status().isForbidden());
        allPages("xa1", unitId("QT"), status().isForbidden());
        allPages("tinh", unitId("VN"), status().isForbidden());
        allPages("tinh", 987_654_321L, status().isNotFound());
        // the menu's entries land on the user's own unit
        for (String page : List.of("forecast", "completeness", "compare", "map")) {
            mvc.perform(get("/report/" + page).with(as("xa1"))).andExpect(status().is3xxRedirection())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                            .isEqualTo("/report/" + vinhLinh + "/" + YEAR + "/" + page));
        }
        mvc.perform(get("/report/pivot").with(as("xa1"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/report/{u}/{y}/forecast", vinhLinh, 1999).with(as("xa1"))).andExpect(status().isNotFound());
        mvc.perform(get("/report/{u}/{y}/forecast", vinhLinh, YEAR)).andExpect(status().is3xxRedirection());
    }
}
