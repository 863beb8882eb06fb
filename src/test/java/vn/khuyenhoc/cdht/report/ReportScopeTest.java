package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultMatcher;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Every report endpoint called by someone whose unit or role does not cover it: 403 (404 for unknown ids), and
 * nothing changes. Readers of every role see their own subtree.
 */
class ReportScopeTest extends PostgresIntegrationTest {

    private static final int YEAR = Year.now().getValue();

    /** The dashboard, its workbook and its JSON, for one unit. */
    private void allViews(String user, long unitId, ResultMatcher expected) throws Exception {
        for (String url : List.of("/report/{u}/{y}", "/report/{u}/{y}/export.xlsx", "/api/report/{u}/{y}")) {
            mvc.perform(get(url, unitId, YEAR).with(as(user))).andExpect(expected);
            mvc.perform(get(url, unitId, YEAR).param("boundaries", "historical").with(as(user))).andExpect(expected);
        }
    }

    @Test
    void each_user_reads_the_dashboards_of_their_own_subtree_only() throws Exception {
        long qt = unitId("QT");
        long vinhLinh = unitId("N-VLINH");
        long cuaTung = unitId("N-CTUNG");
        long hamlet = unitId("VLINH-T01");
        for (String reader : List.of("admin", "tinh", "xem")) {
            allViews(reader, qt, status().isOk());
            allViews(reader, vinhLinh, status().isOk());
        }
        allViews("xa1", vinhLinh, status().isOk());
        allViews("xa1", hamlet, status().isOk());
        allViews("xa1", qt, status().isForbidden());
        allViews("xa1", cuaTung, status().isForbidden());
        allViews("xa1", unitId("VL-HOXA"), status().isForbidden());
        allViews("xa2", vinhLinh, status().isForbidden());
        allViews("xa2", hamlet, status().isForbidden());
        allViews("thon1", hamlet, status().isOk());
        allViews("thon1", vinhLinh, status().isForbidden());
        allViews("thon1", unitId("VLINH-T02"), status().isForbidden());
        allViews("tinh", unitId("VN"), status().isForbidden());
        allViews("xa1", 987_654_321L, status().isNotFound());
        mvc.perform(get("/report/{u}", vinhLinh).param("year", "2025").with(as("xa2")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/report/{u}/2025", vinhLinh).with(as("xa2"))).andExpect(status().isForbidden());
    }

    @Test
    void the_start_page_is_the_users_own_unit_and_bad_parameters_are_refused() throws Exception {
        mvc.perform(get("/report").with(as("xa1")))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/report/" + unitId("N-VLINH") + "/" + YEAR));
        long vinhLinh = unitId("N-VLINH");
        mvc.perform(get("/api/report/{u}/{y}", vinhLinh, YEAR).param("boundaries", "sideways").with(as("xa1")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/report/{u}/{y}", vinhLinh, 1999).with(as("xa1"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/report/{u}/{y}", vinhLinh, YEAR)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/report/{u}/{y}/export.xlsx", vinhLinh, YEAR)).andExpect(status().is3xxRedirection());
    }

    @Test
    void only_admins_and_province_officers_manage_targets_and_population_figures() throws Exception {
        long targets = count("report_target");
        long figures = count("report_population");
        long nationalId = jdbc.queryForObject("select min(id) from report_target where scope_unit_id is null",
                Long.class);
        for (String user : List.of("xa1", "xa2", "thon1", "xem")) {
            mvc.perform(get("/report/targets").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/report/targets/export.xlsx").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/report/targets/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/report/targets/new").with(as(user)).with(csrf()).param("indicator", "ADULTS")
                    .param("scopeCode", "N-VLINH").param("year", "2025").param("percentage", "55"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/report/targets/{id}/edit", nationalId).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/report/targets/{id}/edit", nationalId).with(as(user)).with(csrf())
                    .param("indicator", "ADULTS").param("scopeCode", "").param("year", "2025")
                    .param("percentage", "1").param("version", "0")).andExpect(status().isForbidden());
            mvc.perform(post("/report/targets/{id}/delete", nationalId).with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/report/population").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/report/population/export.xlsx").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/report/population/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/report/population/new").with(as(user)).with(csrf()).param("unitCode", "N-VLINH")
                    .param("year", "2025").param("adults", "100")).andExpect(status().isForbidden());
            mvc.perform(get("/report/rebuild").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/report/rebuild").with(as(user)).with(csrf())).andExpect(status().isForbidden());
        }
        // a province officer: not the national targets, not another province's units, not the rebuild
        mvc.perform(get("/report/targets/{id}/edit", nationalId).with(as("tinh"))).andExpect(status().isForbidden());
        mvc.perform(post("/report/targets/{id}/delete", nationalId).with(as("tinh")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/report/targets/new").with(as("tinh")).with(csrf()).param("indicator", "ADULTS")
                        .param("scopeCode", "").param("year", "2025").param("percentage", "55"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("targetForm", "scopeCode",
                        "report.target.nationalAdminOnly"));
        mvc.perform(post("/report/targets/new").with(as("tinh")).with(csrf()).param("indicator", "ADULTS")
                        .param("scopeCode", "VN").param("year", "2025").param("percentage", "55"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("targetForm", "scopeCode", "report.unit.unknown"));
        mvc.perform(post("/report/population/new").with(as("tinh")).with(csrf()).param("unitCode", "VN")
                        .param("year", "2025").param("adults", "100"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("populationForm", "unitCode", "report.unit.unknown"));
        mvc.perform(get("/report/rebuild").with(as("tinh"))).andExpect(status().isForbidden());
        assertThat(count("report_target")).isEqualTo(targets);
        assertThat(count("report_population")).isEqualTo(figures);

        // an admin's target for a unit outside Quảng Trị is out of tinh's reach, in every way
        mvc.perform(post("/report/targets/new").with(as("admin")).with(csrf()).param("indicator", "DIGITAL")
                .param("scopeCode", "VN").param("year", "2027").param("percentage", "80"))
                .andExpect(status().is3xxRedirection());
        long outside = jdbc.queryForObject("select id from report_target where indicator = 'DIGITAL' "
                + "and target_year = 2027", Long.class);
        mvc.perform(get("/report/targets/{id}/edit", outside).with(as("tinh"))).andExpect(status().isForbidden());
        mvc.perform(post("/report/targets/{id}/delete", outside).with(as("tinh")).with(csrf()))
                .andExpect(status().isForbidden());
        String list = mvc.perform(get("/report/targets").with(as("tinh"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("/report/targets/" + outside + "/edit");
        mvc.perform(get("/report/targets/{id}/edit", 987_654_321L).with(as("tinh"))).andExpect(status().isNotFound());

        // within the province it works, and is audited
        mvc.perform(post("/report/targets/new").with(as("tinh")).with(csrf()).param("indicator", "OFFICIALS")
                .param("scopeCode", "QT").param("year", "2025").param("percentage", "85"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/report/population/new").with(as("tinh")).with(csrf()).param("unitCode", "N-VLINH")
                .param("year", "2025").param("adults", "20000").param("officials", "900"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("report_target")).isEqualTo(targets + 2);
        assertThat(count("report_population")).isEqualTo(figures + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'tinh' and action in "
                + "('REPORT_TARGET_CREATED', 'REPORT_POPULATION_CREATED')", Integer.class)).isEqualTo(2);
        mvc.perform(post("/report/population/new").with(as("tinh")).with(csrf()).param("unitCode", "N-VLINH")
                        .param("year", "2025").param("adults", "1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("populationForm", "year", "report.population.exists"));
        mvc.perform(get("/report/population").param("year", "2025").with(as("tinh"))).andExpect(status().isOk());
        mvc.perform(get("/report/population/export.xlsx").param("year", "2025").with(as("tinh")))
                .andExpect(status().isOk());
        mvc.perform(get("/report/targets/export.xlsx").with(as("tinh"))).andExpect(status().isOk());
    }

    @Test
    void an_admin_rebuilds_the_roll_ups_and_it_is_audited() throws Exception {
        mvc.perform(get("/report/rebuild").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(post("/report/rebuild").with(as("admin"))).andExpect(status().isForbidden());
        mvc.perform(post("/report/rebuild").with(as("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REPORT_REBUILT'",
                Integer.class)).isEqualTo(1);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
