package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The citizen's way in: an invitation works once, with the right birth year, and not when expired, revoked or
 * used; guessing is throttled per invitation, per reference and per client address; a PIN or the magic link brings
 * the citizen back; sessions end when idle and never mix with staff sessions.
 */
class PortalAccessTest extends PortalTestSupport {

    @Test
    void an_invitation_works_once_with_the_birth_year_and_is_refused_when_used_revoked_or_expired()
            throws Exception {
        long citizen = citizen(HAMLET, 1975);
        String code = invite("thon1", citizen);
        assertThat(jdbc.queryForObject("select count(*) from portal_invitation where code_hash = ?", Integer.class,
                code)).as("the code is never stored in clear").isZero();

        MvcResult wrongYear = prove(code, 1976, "10.1.0.1");
        assertThat(wrongYear.getResponse().getContentAsString()).contains("Mã mời hoặc năm sinh không đúng");
        assertThat(wrongYear.getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNull();

        // lower case with spaces, as people type it from the slip
        MvcResult ok = prove(" " + code.substring(0, 5).toLowerCase() + " " + code.substring(5) + " ", 1975,
                "10.1.0.1");
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getContentAsString()).contains("id=\"magic-link\"").contains("Chào");
        Cookie session = ok.getResponse().getCookie(PortalSecurityConfig.COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getPath()).isEqualTo("/c");
        assertThat(jdbc.queryForObject("select status from portal_invitation where citizen_id = ?", String.class,
                citizen)).isEqualTo("USED");

        assertThat(prove(code, 1975, "10.1.0.1").getResponse().getContentAsString())
                .contains("Mã mời này đã được sử dụng");

        String revoked = invite("thon1", citizen);
        invitations.revoke(user("xa1"), idOf(revoked));
        assertThat(prove(revoked, 1975, "10.1.0.1").getResponse().getContentAsString())
                .contains("Mã mời này đã bị thu hồi");

        String expired = invite("thon1", citizen);
        jdbc.update("update portal_invitation set expires_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), idOf(expired));
        assertThat(prove(expired, 1975, "10.1.0.1").getResponse().getContentAsString())
                .contains("Mã mời này đã hết hạn");

        // a new invitation revokes the older open one
        String older = invite("thon1", citizen);
        String newer = invite("thon1", citizen);
        assertThat(jdbc.queryForObject("select status from portal_invitation where id = ?", String.class,
                idOf(older))).isEqualTo("REVOKED");
        assertThat(prove(older, 1975, "10.1.0.1").getResponse().getContentAsString())
                .contains("Mã mời này đã bị thu hồi");
        assertThat(prove(newer, 1975, "10.1.0.1").getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNotNull();
    }

    @Test
    void wrong_birth_years_lock_the_invitation_even_for_the_right_answer() throws Exception {
        long citizen = citizen(HAMLET, 1980);
        String code = invite("thon1", citizen);
        for (int i = 0; i < 5; i++) {
            assertThat(prove(code, 1900 + i, "10.2.0." + i).getResponse().getContentAsString())
                    .contains("Mã mời hoặc năm sinh không đúng");
        }
        MvcResult locked = prove(code, 1980, "10.2.0.99");
        assertThat(locked.getResponse().getStatus()).isEqualTo(429);
        assertThat(locked.getResponse().getContentAsString()).contains("Bạn đã nhập sai quá nhiều lần")
                .contains("3 phút");
        assertThat(locked.getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNull();
        assertThat(jdbc.queryForObject("select status from portal_invitation where citizen_id = ?", String.class,
                citizen)).isEqualTo("OPEN");

        // once a token has come back (a slow-down, not a wall) the right answer works
        jdbc.update("delete from rate_limit_bucket where id = ?", "portal:inv:" + idOf(code));
        assertThat(prove(code, 1980, "10.2.0.99").getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNotNull();
    }

    @Test
    void guessing_codes_from_one_address_is_throttled() throws Exception {
        long citizen = citizen(HAMLET, 1981);
        String code = invite("thon1", citizen);
        for (int i = 0; i < 20; i++) {
            MvcResult guess = prove(Secrets.code(), 1981, "10.3.0.1");
            assertThat(guess.getResponse().getStatus()).isEqualTo(200);
            assertThat(guess.getResponse().getContentAsString()).contains("Mã mời hoặc năm sinh không đúng");
        }
        MvcResult locked = prove(code, 1981, "10.3.0.1");
        assertThat(locked.getResponse().getStatus()).isEqualTo(429);
        assertThat(locked.getResponse().getContentAsString()).contains("Bạn đã nhập sai quá nhiều lần");
        // another address is not locked out by this one
        assertThat(prove(code, 1981, "10.3.0.2").getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNotNull();
    }

    @Test
    void a_pin_or_the_magic_link_brings_the_citizen_back() throws Exception {
        long citizen = citizen(HAMLET, 1970);
        MvcResult welcome = prove(invite("thon1", citizen), 1970, "10.4.0.1");
        Cookie first = welcome.getResponse().getCookie(PortalSecurityConfig.COOKIE);
        String page = welcome.getResponse().getContentAsString();
        String reference = jdbc.queryForObject("select reference from portal_access where citizen_id = ?",
                String.class, citizen);
        assertThat(page).contains(reference);
        Matcher link = Pattern.compile("/c/m/([A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        // a PIN that is too simple or mistyped is refused; a good one is stored hashed
        mvc.perform(post("/c/pin").with(csrf()).cookie(first).param("pin", "1111").param("confirmation", "1111"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("toàn một chữ số")));
        mvc.perform(post("/c/pin").with(csrf()).cookie(first).param("pin", "2468").param("confirmation", "2469"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("không giống nhau")));
        mvc.perform(post("/c/pin").with(csrf()).cookie(first).param("pin", "2468").param("confirmation", "2468"))
                .andExpect(redirectedUrl("/c/a?done=pin"));
        assertThat(jdbc.queryForObject("select pin_hash from portal_access where citizen_id = ?", String.class,
                citizen)).startsWith("{bcrypt}");

        mvc.perform(post("/c/logout").with(csrf()).cookie(first)).andExpect(redirectedUrl("/c?out"));
        mvc.perform(get("/c/a").cookie(first)).andExpect(redirectedUrl("/c?signin"));

        // reference + PIN (case and spaces forgiven)
        MvcResult pinLogin = mvc.perform(post("/c/login").with(csrf()).with(from("10.4.0.1"))
                .param("reference", reference.toLowerCase()).param("pin", "2468"))
                .andExpect(redirectedUrl("/c/a")).andReturn();
        Cookie second = pinLogin.getResponse().getCookie(PortalSecurityConfig.COOKIE);
        // the form waits for consent to the privacy notice (PortalConsentTest)
        mvc.perform(get("/c/a").cookie(second)).andExpect(redirectedUrl("/c/notice"));
        consent(second);
        mvc.perform(get("/c/a").cookie(second)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"self-form\"")));

        // the magic link
        MvcResult magic = mvc.perform(get("/c/m/" + token).with(from("10.4.0.1"))).andExpect(redirectedUrl("/c/a"))
                .andReturn();
        assertThat(magic.getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNotNull();
        mvc.perform(get("/c/m/" + token.substring(1) + "x").with(from("10.4.0.1")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Liên kết đăng nhập không đúng")));
        // an expired link no longer works
        jdbc.update("update portal_access set magic_expires_at = ? where citizen_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), citizen);
        MvcResult stale = mvc.perform(get("/c/m/" + token).with(from("10.4.0.1"))).andReturn();
        assertThat(stale.getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNull();

        // wrong PINs lock the reference, then even the right PIN is refused
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/c/login").with(csrf()).with(from("10.4.1." + i)).param("reference", reference)
                    .param("pin", "99" + i + "0"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("mã PIN không đúng")));
        }
        mvc.perform(post("/c/login").with(csrf()).with(from("10.4.2.1")).param("reference", reference)
                .param("pin", "2468")).andExpect(status().isTooManyRequests());
        jdbc.update("delete from rate_limit_bucket where id = ?", "portal:ref:" + reference);
        mvc.perform(post("/c/login").with(csrf()).with(from("10.4.2.1")).param("reference", reference)
                .param("pin", "2468")).andExpect(redirectedUrl("/c/a"));
    }

    @Test
    void a_magic_link_and_a_correct_pin_work_while_the_address_is_throttled() throws Exception {
        long citizen = citizen(HAMLET, 1972);
        MvcResult welcome = prove(invite("thon1", citizen), 1972, "10.7.0.1");
        Matcher link = Pattern.compile("/c/m/([A-Za-z0-9_-]{40,})").matcher(welcome.getResponse().getContentAsString());
        assertThat(link.find()).isTrue();
        Cookie session = welcome.getResponse().getCookie(PortalSecurityConfig.COOKIE);
        mvc.perform(post("/c/pin").with(csrf()).cookie(session).param("pin", "3579").param("confirmation", "3579"))
                .andExpect(redirectedUrl("/c/a?done=pin"));
        String reference = jdbc.queryForObject("select reference from portal_access where citizen_id = ?",
                String.class, citizen);
        // the whole commune shares one carrier address, and someone there guesses codes
        for (int i = 0; i < 20; i++) {
            prove(Secrets.code(), 1972, "10.7.9.9");
        }
        assertThat(prove(Secrets.code(), 1972, "10.7.9.9").getResponse().getStatus()).isEqualTo(429);
        MvcResult magic = mvc.perform(get("/c/m/" + link.group(1)).with(from("10.7.9.9")))
                .andExpect(redirectedUrl("/c/a")).andReturn();
        assertThat(magic.getResponse().getCookie(PortalSecurityConfig.COOKIE)).isNotNull();
        mvc.perform(post("/c/login").with(csrf()).with(from("10.7.9.9")).param("reference", reference)
                .param("pin", "3579")).andExpect(redirectedUrl("/c/a"));
        // a wrong link from that address is still refused
        mvc.perform(get("/c/m/" + "x".repeat(43)).with(from("10.7.9.9"))).andExpect(status().isTooManyRequests());
    }

    @Test
    void sessions_end_when_idle_and_never_mix_with_staff_sessions() throws Exception {
        long citizen = citizen(HAMLET, 1966);
        Cookie session = signIn(citizen, 1966, "10.5.0.1");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk());

        // the citizen cookie grants nothing outside /c: staff pages still want a staff login
        mvc.perform(get("/assessments").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/portal/invitations").cookie(session)).andExpect(redirectedUrl("/login"));
        // and a staff login grants nothing in /c
        mvc.perform(get("/c/a").with(as("admin"))).andExpect(redirectedUrl("/c?signin"));
        // a POST without the CSRF token is refused
        mvc.perform(post("/c/pin").cookie(session).param("pin", "2580").param("confirmation", "2580"))
                .andExpect(status().isForbidden());

        jdbc.update("update portal_session set last_seen_at = ? where citizen_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(31 * 60)), citizen);
        mvc.perform(get("/c/a").cookie(session)).andExpect(redirectedUrl("/c?signin"));
    }

    private long idOf(String code) {
        return jdbc.queryForObject("select id from portal_invitation where code_hash = ?", Long.class,
                Secrets.hash(code));
    }
}
