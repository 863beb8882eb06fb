package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Every endpoint of the unit tree and the account pages, called by someone whose unit or role does not cover
 * it: refused, and nothing changes. Feature modules keep such a test beside their own endpoints.
 */
class ScopeEnforcementTest extends PostgresIntegrationTest {

    @Test
    void unit_pages_of_another_commune_are_refused() throws Exception {
        long vinhLinh = unitId("N-VLINH");
        long hamlet = unitId("VLINH-T01");
        mvc.perform(get("/units/{id}", vinhLinh).with(as("xa2"))).andExpect(status().isForbidden());
        mvc.perform(get("/units/{id}", hamlet).with(as("xa2"))).andExpect(status().isForbidden());
        mvc.perform(get("/units/{id}", unitId("VLINH-T02")).with(as("thon1"))).andExpect(status().isForbidden());
        mvc.perform(get("/units/{id}", unitId("QT")).with(as("xa1"))).andExpect(status().isForbidden());
        mvc.perform(get("/units/{id}", 987654321L).with(as("xa1"))).andExpect(status().isNotFound());
    }

    @Test
    void search_never_returns_units_outside_the_subtree() throws Exception {
        String body = mvc.perform(get("/units/search").param("q", "thon").with(as("xa2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Thôn An Đức").doesNotContain("Thôn Hồ Xá").doesNotContain("Khu phố 1");
    }

    @Test
    void only_admins_change_the_tree() throws Exception {
        long vinhLinh = unitId("N-VLINH");
        Integer units = jdbc.queryForObject("select count(*) from admin_unit", Integer.class);
        Integer successions = jdbc.queryForObject("select count(*) from unit_succession", Integer.class);
        for (String user : new String[] {"tinh", "xa1", "thon1", "xem"}) {
            mvc.perform(get("/units/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/units/new").with(as(user)).with(csrf()).param("code", "X-" + user)
                    .param("name", "Thôn X").param("levelCode", "hamlet").param("parentCode", "N-VLINH")
                    .param("validFrom", "01/08/2025")).andExpect(status().isForbidden());
            mvc.perform(get("/units/{id}/edit", vinhLinh).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/units/{id}/edit", vinhLinh).with(as(user)).with(csrf()).param("code", "N-VLINH")
                    .param("name", "Đổi tên").param("levelCode", "commune").param("parentCode", "QT")
                    .param("validFrom", "01/07/2025")).andExpect(status().isForbidden());
            mvc.perform(post("/units/{id}/retire", vinhLinh).with(as(user)).with(csrf())
                    .param("validTo", "31/12/2030")).andExpect(status().isForbidden());
            mvc.perform(post("/units/{id}/delete", vinhLinh).with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/units/successions/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/units/successions/new").with(as(user)).with(csrf()).param("oldCode", "VL-VTU")
                    .param("newCode", "N-VLINH").param("effectiveDate", "01/07/2025"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/units/import").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(multipart("/units/import").file(new MockMultipartFile("file", "u.csv", "text/csv",
                    "code,name,level,parent_code,valid_from\nZ1,Thôn Z,hamlet,N-VLINH,2025-08-01\n"
                            .getBytes(StandardCharsets.UTF_8))).with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/units/import/commit").with(as(user)).with(csrf()).param("token", "x"))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from admin_unit", Integer.class)).isEqualTo(units);
        assertThat(jdbc.queryForObject("select count(*) from unit_succession", Integer.class))
                .isEqualTo(successions);
        assertThat(jdbc.queryForObject("select name from admin_unit where id=?", String.class, vinhLinh))
                .isEqualTo("Xã Vĩnh Linh");
    }

    @Test
    void account_pages_of_another_subtree_are_refused() throws Exception {
        long adminId = jdbc.queryForObject("select id from app_user where username='admin'", Long.class);
        long tinhId = jdbc.queryForObject("select id from app_user where username='tinh'", Long.class);
        // a province officer may not touch the national admin, nor another province officer
        for (long id : new long[] {adminId, tinhId}) {
            mvc.perform(get("/accounts/{id}", id).with(as("tinh"))).andExpect(status().isForbidden());
            mvc.perform(post("/accounts/{id}", id).with(as("tinh")).with(csrf()).param("displayName", "X")
                    .param("role", "VIEWER").param("unitCode", "QT").param("enabled", "false")
                    .param("version", "0")).andExpect(status().isForbidden());
            mvc.perform(post("/accounts/{id}/reset-password", id).with(as("tinh")).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        long xa1 = jdbc.queryForObject("select id from app_user where username='xa1'", Long.class);
        for (String user : new String[] {"xa2", "thon1", "xem"}) {
            mvc.perform(get("/accounts/{id}", xa1).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/accounts/{id}/reset-password", xa1).with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ACCOUNT_PASSWORD_RESET' "
                + "and entity_id in (?, ?, ?)", Integer.class, adminId, tinhId, xa1)).isZero();
    }

    @Test
    void setup_page_is_gone_once_an_admin_exists() throws Exception {
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(post("/setup").with(csrf()).param("token", "guess").param("username", "root2")
                .param("displayName", "X").param("newPassword", "long-enough-1")
                .param("confirmation", "long-enough-1")).andExpect(status().isNotFound());
    }
}
