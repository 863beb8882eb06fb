package vn.khuyenhoc.cdht.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

class LoginSecurityTest extends PostgresIntegrationTest {

    @Autowired
    private AccountProvisioning provisioning;

    @Test
    void anonymous_requests_go_to_the_login_page() throws Exception {
        for (String page : new String[] {"/", "/units", "/units/search", "/accounts", "/account/password",
                "/units/import", "/units/successions/new"}) {
            mvc.perform(get(page)).andExpect(status().isFound())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
        }
    }

    @Test
    void demo_password_logs_in_and_wrong_one_does_not() throws Exception {
        mvc.perform(formLogin("/login").user("xa1").password("cdht-demo")).andExpect(signedIn("xa1"));
        mvc.perform(formLogin("/login").user("xa1").password("wrong"))
                .andExpect(notSignedIn()).andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void real_and_unknown_usernames_get_identical_answers_even_when_throttled() throws Exception {
        provisioning.create("realname", "Tên thật", Role.VERIFIER, unitId("N-VHOANG"), "right-password-1", false);
        List<String> answers = new ArrayList<>();
        for (String name : new String[] {"realname", "nobody-here"}) {
            String address = "10.14.1." + name.length();
            for (int i = 0; i < 5; i++) {
                MockHttpServletResponse answer = mvc.perform(login(name, "wrong-" + i, address))
                        .andExpect(notSignedIn()).andExpect(redirectedUrl("/login?error=bad")).andReturn()
                        .getResponse();
                if (i == 0) { // status, where it leads, which headers and cookies: nothing tells the names apart
                    answers.add(answer.getStatus() + " " + answer.getRedirectedUrl() + " "
                            + new TreeSet<>(answer.getHeaderNames()) + " "
                            + Arrays.stream(answer.getCookies()).map(Cookie::getName).sorted().toList());
                }
            }
            // the budget is spent: the same answer for both, and without trying the password
            mvc.perform(login(name, "wrong-x", address)).andExpect(redirectedUrl("/login?error=throttled"));
        }
        assertThat(answers.get(0)).isEqualTo(answers.get(1));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action='LOGIN_THROTTLED' "
                + "and actor in ('realname', 'nobody-here')", Integer.class)).isEqualTo(2);
        // a disabled account answers like a wrong password too
        provisioning.create("disabled1", "Tắt thử", Role.VIEWER, unitId("QT"), "right-password-2", false);
        jdbc.update("update app_user set enabled=false where username='disabled1'");
        mvc.perform(login("disabled1", "right-password-2", "10.14.1.99"))
                .andExpect(notSignedIn()).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(login("disabled1", "wrong", "10.14.1.99"))
                .andExpect(notSignedIn()).andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void the_owner_signs_in_while_a_stranger_hammers_the_name() throws Exception {
        provisioning.create("hammered", "Bị dò", Role.VERIFIER, unitId("N-VHOANG"), "right-password-1", false);
        for (int i = 0; i < 40; i++) {
            mvc.perform(login("hammered", "guess-" + i, "10.14.2.66")).andExpect(notSignedIn());
        }
        // the stranger is slowed down, even with the right password...
        mvc.perform(login("hammered", "right-password-1", "10.14.2.66"))
                .andExpect(notSignedIn()).andExpect(redirectedUrl("/login?error=throttled"));
        // ...while the owner, from their own address, signs in at once
        mvc.perform(login("hammered", "right-password-1", "10.14.2.77")).andExpect(signedIn("hammered"));
        // guessing many names from one address spends that address's own budget, for every name
        for (int i = 0; i < 30; i++) {
            mvc.perform(login("name-" + i, "guess", "10.14.2.66")).andExpect(notSignedIn());
        }
        mvc.perform(login("xa1", "cdht-demo", "10.14.2.66")).andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(login("xa1", "cdht-demo", "10.14.2.78")).andExpect(signedIn("xa1"));
        // and the tokens come back: a slow-down, not a wall
        jdbc.update("delete from rate_limit_bucket where id like 'login:%10.14.2.66'");
        mvc.perform(login("hammered", "right-password-1", "10.14.2.66")).andExpect(signedIn("hammered"));
    }

    private static org.springframework.test.web.servlet.RequestBuilder login(String username, String password,
            String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    @Test
    void a_live_session_ends_when_a_manager_disables_the_account_and_not_before() throws Exception {
        long id = provisioning.create("live1", "Phiên còn sống", Role.VERIFIER, unitId("VLINH-T02"),
                "right-password-3", false);
        Cookie session = sessionCookie(mvc
                .perform(formLogin("/login").user("live1").password("right-password-3"))
                .andExpect(signedIn("live1")).andReturn());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        // a change of name only leaves the session alone
        mvc.perform(post("/accounts/{id}", id).with(as("tinh")).with(csrf())
                        .param("displayName", "Phiên còn sống (đổi tên)").param("role", "VERIFIER")
                        .param("unitCode", "VLINH-T02").param("enabled", "true")
                        .param("version", String.valueOf(accountVersion(id))))
                .andExpect(status().isFound());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/accounts/{id}", id).with(as("tinh")).with(csrf())
                        .param("displayName", "Phiên còn sống (đổi tên)").param("role", "VERIFIER")
                        .param("unitCode", "VLINH-T02").param("enabled", "false")
                        .param("version", String.valueOf(accountVersion(id))))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, id)).isFalse();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login").param("expired", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"session-ended\"")));
    }

    private long accountVersion(long id) {
        return jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);
    }

    @Test
    void post_without_csrf_token_is_refused() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from admin_unit", Integer.class);
        mvc.perform(post("/units/new").with(as("admin"))
                        .param("code", "CSRF-1").param("name", "Thôn Không Token").param("levelCode", "hamlet")
                        .param("parentCode", "N-VLINH").param("validFrom", "01/08/2025"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from admin_unit", Integer.class)).isEqualTo(before);
        mvc.perform(post("/login").param("username", "xa1").param("password", "cdht-demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pages_carry_security_headers() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void a_reset_password_must_be_changed_before_anything_else() throws Exception {
        long id = provisioning.create("forced1", "Đổi mật khẩu", Role.VIEWER, unitId("QT"), "first-password-1",
                true);
        Cookie session = sessionCookie(mvc
                .perform(formLogin("/login").user("forced1").password("first-password-1"))
                .andExpect(signedIn("forced1")).andReturn());
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/units").cookie(session)).andExpect(redirectedUrl("/account/password"));

        // a weak new password is refused and changes nothing
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "first-password-1").param("newPassword", "short")
                        .param("confirmation", "short"))
                .andExpect(status().isOk());
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "first-password-1").param("newPassword", "new-password-22")
                        .param("confirmation", "new-password-22"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select must_change_password from app_user where id=?", Boolean.class, id))
                .isFalse();
        mvc.perform(formLogin("/login").user("forced1").password("new-password-22")).andExpect(signedIn("forced1"));
        mvc.perform(formLogin("/login").user("forced1").password("first-password-1")).andExpect(notSignedIn());
    }

    @Test
    void wrong_current_password_is_refused() throws Exception {
        provisioning.create("selfchange", "Tự đổi", Role.VIEWER, unitId("QT"), "current-pass-1", false);
        mvc.perform(post("/account/password").with(as("selfchange")).with(csrf())
                        .param("currentPassword", "not-it").param("newPassword", "another-pass-2")
                        .param("confirmation", "another-pass-2"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                        .attributeHasFieldErrors("passwordForm", "currentPassword"));
        mvc.perform(formLogin("/login").user("selfchange").password("current-pass-1"))
                .andExpect(signedIn("selfchange"));
    }
}
