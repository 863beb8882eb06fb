package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khuyenhoc.cdht.community.CollectiveKind;

/**
 * The dashboard cache (issue 18) through HTTP on PostgreSQL: a repeated request is answered from the cache (a
 * roll-up row changed behind the services' back does not show until the report version moves), every write that
 * moves a dashboard shows in the very next request (a recognition, a new citizen, a target, a population figure, a
 * rebuild), and the scope check runs before the cache (a unit cached for one user stays refused to another).
 */
class DashboardCacheTest extends ReportTestSupport {

    private static final int YEAR = Year.now().getValue();
    private static final int LAST = YEAR - 1;
    private static boolean loaded;
    private static long household;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        units("""
                R8,Tỉnh Kiểm Thử Bộ Nhớ Đệm,province,VN,1990-01-01,,
                R8-A,Xã Bộ Nhớ A,commune,R8,1990-01-01,,
                R8-A-H1,Thôn Bộ Nhớ Một,hamlet,R8-A,1990-01-01,,
                R8-B,Xã Bộ Nhớ B,commune,R8,1990-01-01,,
                """);
        household = collective(CollectiveKind.HOUSEHOLD, "Hộ Bộ Nhớ", "R8-A-H1");
        citizen("Một Người Dân", 1980, "R8-A-H1", "FARMER", household, null, null);
        loaded = true;
    }

    @Test
    void a_repeated_request_is_served_from_the_cache_until_the_version_moves() throws Exception {
        long province = unitId("R8");
        long registered = report("admin", province, YEAR, "current").get("total").get("registered").asLong();
        // the HTML page, twice: its charts and forecasts are drawn once per locale from the cached figures
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/report/{u}/{y}", province, YEAR).with(as("tinh"))).andExpect(status().isForbidden());
            mvc.perform(get("/report/{u}/{y}", province, YEAR).with(as("admin"))).andExpect(status().isOk());
        }
        // behind the services' back: no version moved, so the cached figures are still shown
        jdbc.update("update report_unit_register set registered = registered + 100 where unit_id = ?",
                unitId("R8-A-H1"));
        assertThat(report("admin", province, YEAR, "current").get("total").get("registered").asLong())
                .as("served from the cache").isEqualTo(registered);
        // another node's commit moves the version in the database: this node recomputes
        jdbc.update("update report_version set version = version + 1 where slot = 3");
        assertThat(report("admin", province, YEAR, "current").get("total").get("registered").asLong())
                .isEqualTo(registered + 100);
        // a full rebuild puts the true count back and moves the version on
        refresh.rebuildAll();
        assertThat(report("admin", province, YEAR, "current").get("total").get("registered").asLong())
                .isEqualTo(registered);
    }

    @Test
    void the_rendered_figures_follow_the_readers_permissions_the_locale_and_the_version() throws Exception {
        long province = jdbc.queryForObject("select unit_id from app_user where username = 'tinh'", Long.class);
        // the same cached dashboard for an admin and the province officer: the rebuild link is the admin's alone
        for (int i = 0; i < 2; i++) {
            assertThat(page("admin", province, "vi")).contains("href=\"/report/rebuild\"")
                    .contains("href=\"/report/targets\"").contains("Đơn vị trực thuộc");
            assertThat(page("tinh", province, "vi")).doesNotContain("href=\"/report/rebuild\"")
                    .contains("href=\"/report/targets\"");
        }
        assertThat(page("tinh", province, "en")).contains("Units below").doesNotContain("Đơn vị trực thuộc");

        // the figures' HTML is rendered anew when the version moves (another node's commit)
        long registered = headlineRegistered(page("tinh", province, "vi"));
        jdbc.update("update report_unit_register set registered = registered + 7 where unit_id = "
                + "(select min(r.unit_id) from report_unit_register r join admin_unit u on u.id = r.unit_id "
                + "where u.path like (select path from admin_unit where id = ?) || '%')", province);
        assertThat(headlineRegistered(page("tinh", province, "vi"))).as("cached").isEqualTo(registered);
        jdbc.update("update report_version set version = version + 1 where slot = 5");
        assertThat(headlineRegistered(page("tinh", province, "vi"))).isEqualTo(registered + 7);
        refresh.rebuildAll();
        assertThat(headlineRegistered(page("tinh", province, "vi"))).isEqualTo(registered);
    }

    private String page(String user, long unit, String lang) throws Exception {
        return mvc.perform(get("/report/{u}/{y}", unit, YEAR).param("lang", lang).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long headlineRegistered(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("id=\"headline-registered\">([0-9.,\\s]+)<").matcher(html);
        assertThat(m.find()).as("the headline's registered count").isTrue();
        return Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
    }

    @Test
    void a_recognition_and_a_new_citizen_show_in_the_very_next_request() throws Exception {
        long province = unitId("R8");
        // a decision of last year (its date may not lie ahead)
        JsonNode before = report("admin", province, LAST, "current");
        assertThat(households(before).get("recognised").asLong()).isZero();
        long registered = before.get("total").get("registered").asLong();
        report("admin", province, LAST, "current"); // cached now

        // the decision recognising the household: ReportEvents refreshes the roll-ups in its transaction
        recordStatus(household, LAST, true, null);
        JsonNode after = report("admin", province, LAST, "current");
        assertThat(households(after).get("recognised").asLong()).isEqualTo(1);
        assertThat(indicator(after, "FAMILIES").get("official").get("numerator").asLong()).isEqualTo(1);

        citizen("Hai Người Dân", 1990, "R8-B", "WORKER", null, null, null);
        assertThat(report("admin", province, LAST, "current").get("total").get("registered").asLong())
                .isEqualTo(registered + 1);
        recordStatus(household, LAST, false, null);
        assertThat(households(report("admin", province, LAST, "current")).get("recognised").asLong()).isZero();
    }

    @Test
    void a_target_and_a_population_figure_show_at_once() throws Exception {
        long commune = unitId("R8-A");
        JsonNode before = report("admin", commune, YEAR, "current");
        assertThat(indicator(before, "DIGITAL").get("target2030").get("scopeUnitId").isNull()).isTrue();
        assertThat(before.get("population").isNull()).isTrue();

        mvc.perform(post("/report/targets/new").with(as("admin")).with(csrf()).param("indicator", "DIGITAL")
                .param("scopeCode", "R8-A").param("year", "2030").param("percentage", "77"))
                .andExpect(status().is3xxRedirection());
        JsonNode target = indicator(report("admin", commune, YEAR, "current"), "DIGITAL").get("target2030");
        assertThat(target.get("percentage").decimalValue()).isEqualByComparingTo("77");
        assertThat(target.get("scopeUnitId").asLong()).isEqualTo(commune);

        mvc.perform(post("/report/population/new").with(as("admin")).with(csrf()).param("unitCode", "R8-A")
                .param("year", String.valueOf(YEAR)).param("adults", "20"))
                .andExpect(status().is3xxRedirection());
        assertThat(report("admin", commune, YEAR, "current").get("population").get("adults").asLong())
                .isEqualTo(20);
    }

    @Test
    void a_unit_cached_for_one_user_is_still_refused_to_another_and_breadcrumbs_stay_each_users()
            throws Exception {
        long province = unitId("R8");
        long vinhLinh = unitId("N-VLINH");
        report("admin", province, YEAR, "current");
        report("admin", vinhLinh, YEAR, "current");
        for (String url : List.of("/report/{u}/{y}", "/report/{u}/{y}/export.xlsx", "/api/report/{u}/{y}")) {
            mvc.perform(get(url, province, YEAR).with(as("xa1"))).andExpect(status().isForbidden());
            mvc.perform(get(url, vinhLinh, YEAR).with(as("xa2"))).andExpect(status().isForbidden());
            mvc.perform(get(url, vinhLinh, YEAR).with(as("thon1"))).andExpect(status().isForbidden());
        }
        // the same cached figures, each under the user's own trail: the admin's from the top, xa1's from its unit
        assertThat(codes(report("admin", vinhLinh, YEAR, "current").get("breadcrumbs")))
                .endsWith("QT", "N-VLINH").hasSizeGreaterThan(1);
        assertThat(codes(report("xa1", vinhLinh, YEAR, "current").get("breadcrumbs"))).containsExactly("N-VLINH");
    }

    private static JsonNode households(JsonNode report) {
        for (JsonNode figures : report.get("collectives")) {
            if (figures.get("kind").asString().equals("HOUSEHOLD")) {
                return figures;
            }
        }
        throw new AssertionError("no households in " + report.get("collectives"));
    }

    private static List<String> codes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        units.forEach(u -> codes.add(u.get("code").asString()));
        return codes;
    }
}
