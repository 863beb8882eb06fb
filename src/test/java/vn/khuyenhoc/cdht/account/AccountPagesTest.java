package vn.khuyenhoc.cdht.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

class AccountPagesTest extends PostgresIntegrationTest {

    @Test
    void province_officer_creates_a_commune_account_that_must_change_its_one_time_password() throws Exception {
        var result = mvc.perform(post("/accounts/new").with(as("tinh")).with(csrf())
                        .param("username", "xa.vhoang").param("displayName", "Cán bộ xã Vĩnh Hoàng")
                        .param("role", "COMMUNE_OFFICER").param("unitCode", "N-VHOANG").param("enabled", "true"))
                .andExpect(status().isFound())
                .andExpect(flash().attributeExists("oneTimePassword"))
                .andReturn();
        String oneTime = (String) result.getFlashMap().get("oneTimePassword");
        assertThat(oneTime).hasSize(12);
        assertThat(jdbc.queryForObject("select must_change_password from app_user where username='xa.vhoang'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select password_hash from app_user where username='xa.vhoang'",
                String.class)).startsWith("{bcrypt}").doesNotContain(oneTime);
        mvc.perform(formLogin("/login").user("xa.vhoang").password(oneTime)).andExpect(signedIn("xa.vhoang"));
    }

    @Test
    void province_officer_cannot_create_an_admin_or_an_account_outside_the_province() throws Exception {
        jdbc.update("delete from app_user where username in ('evil.admin','evil.out')");
        mvc.perform(post("/accounts/new").with(as("tinh")).with(csrf())
                        .param("username", "evil.admin").param("displayName", "X").param("role", "ADMIN")
                        .param("unitCode", "QT").param("enabled", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/new").with(as("tinh")).with(csrf())
                        .param("username", "evil.out").param("displayName", "X").param("role", "VIEWER")
                        .param("unitCode", "VN").param("enabled", "true"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'evil.%'",
                Integer.class)).isZero();
    }

    @Test
    void commune_officers_verifiers_and_viewers_cannot_manage_accounts() throws Exception {
        for (String user : new String[] {"xa1", "thon1", "xem"}) {
            mvc.perform(get("/accounts").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/accounts/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/accounts/new").with(as(user)).with(csrf())
                            .param("username", "nope." + user).param("displayName", "X").param("role", "VIEWER")
                            .param("unitCode", "N-VLINH").param("enabled", "true"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void the_administration_menu_opens_for_those_who_may_manage_accounts_only() throws Exception {
        for (String user : new String[] {"admin", "tinh"}) {
            mvc.perform(get("/").with(as(user)))
                    .andExpect(content().string(Matchers.containsString("id=\"nav-accounts\"")));
        }
        for (String user : new String[] {"xa1", "thon1", "xem"}) {
            mvc.perform(get("/").with(as(user)))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"nav-admin\""))));
        }
    }

    @Test
    void duplicate_username_is_refused_and_keeps_the_form() throws Exception {
        mvc.perform(post("/accounts/new").with(as("admin")).with(csrf())
                        .param("username", "xa1").param("displayName", "Trùng tên").param("role", "VIEWER")
                        .param("unitCode", "QT").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("accountForm", "username"))
                .andExpect(content().string(Matchers.containsString("Tên đăng nhập xa1 đã có người dùng.")));
    }

    @Test
    void account_list_shows_only_the_subtree() throws Exception {
        mvc.perform(get("/accounts").with(as("tinh")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("xa1")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">admin<"))));
    }

    @Test
    void admin_resets_a_password_and_the_old_one_stops_working() throws Exception {
        long id = jdbc.queryForObject("select id from app_user where username='xem'", Long.class);
        var result = mvc.perform(post("/accounts/{id}/reset-password", id).with(as("admin")).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        String oneTime = (String) result.getFlashMap().get("oneTimePassword");
        assertThat(jdbc.queryForObject("select must_change_password from app_user where id=?", Boolean.class, id))
                .isTrue();
        mvc.perform(formLogin("/login").user("xem").password(oneTime)).andExpect(signedIn("xem"));
        // put the demo account back for the other tests
        jdbc.update("update app_user set must_change_password=false, password_hash=? where id=?",
                jdbc.queryForObject("select password_hash from app_user where username='tinh'", String.class), id);
    }

    @Test
    void stale_edit_is_refused() throws Exception {
        long id = jdbc.queryForObject("select id from app_user where username='thon1'", Long.class);
        long version = jdbc.queryForObject("select version from app_user where id=?", Long.class, id);
        mvc.perform(post("/accounts/{id}", id).with(as("tinh")).with(csrf())
                        .param("displayName", "Chi hội thôn Hồ Xá").param("role", "VERIFIER")
                        .param("unitCode", "VLINH-T01").param("enabled", "true")
                        .param("version", String.valueOf(version - 1)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("vừa được người khác thay đổi")));
        assertThat(jdbc.queryForObject("select version from app_user where id=?", Long.class, id))
                .isEqualTo(version);
    }
}
