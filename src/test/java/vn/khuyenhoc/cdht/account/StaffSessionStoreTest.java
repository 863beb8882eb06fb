package vn.khuyenhoc.cdht.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Issue 18: a staff session's row is written when something in it changed, and its access time at most once a
 * minute; the idle timeout still ends a session, and a session marked expired is still refused at the next request
 * (answered from the request's own session by StaffSessionRegistry, without reading the table again).
 */
class StaffSessionStoreTest extends PostgresIntegrationTest {

    @Test
    void the_access_time_is_written_once_a_minute_and_the_timeout_still_ends_the_session() throws Exception {
        Cookie session = sessionCookie(mvc.perform(formLogin("/login").user("xa1").password("cdht-demo"))
                .andExpect(signedIn("xa1")).andReturn());
        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        long written = accessTime(id);
        long rowVersion = rowVersion(id);

        // requests within the minute leave the row alone (same access time, same row version)
        mvc.perform(get("/citizens").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accessTime(id)).isEqualTo(written);
        assertThat(rowVersion(id)).isEqualTo(rowVersion);

        // once the stored access time is older than a minute, the next request moves it on
        jdbc.update("update spring_session set last_access_time = last_access_time - 61000, "
                + "expiry_time = expiry_time - 61000 where session_id = ?", id);
        long old = accessTime(id);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accessTime(id)).isGreaterThanOrEqualTo(old + 61_000);

        // a session idle for longer than the timeout is gone, whatever the coarse access time
        jdbc.update("update spring_session set last_access_time = last_access_time - 31 * 60000, "
                + "expiry_time = expiry_time - 31 * 60000 where session_id = ?", id);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void a_session_ended_in_the_table_between_two_requests_is_gone_at_the_next() throws Exception {
        // the session filter's re-read after its save is answered from the save (SessionReadAfterSave) ...
        assertThat(filterSessions).isInstanceOf(SessionReadAfterSave.Repository.class);
        Cookie session = sessionCookie(mvc.perform(formLogin("/login").user("xa1").password("cdht-demo"))
                .andExpect(signedIn("xa1")).andReturn());
        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        // ... and never the next request's: another node signs the user out (MockMvc runs every request on this thread)
        jdbc.update("delete from spring_session where session_id = ?", id);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void two_requests_of_one_session_adding_the_same_attribute_both_succeed() throws Exception {
        Cookie session = sessionCookie(mvc.perform(formLogin("/login").user("xa1").password("cdht-demo"))
                .andExpect(signedIn("xa1")).andReturn());
        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        // what two concurrent requests do: each reads the session without the attribute, each adds it and saves
        org.springframework.session.Session first = table.findById(id);
        org.springframework.session.Session second = table.findById(id);
        first.setAttribute("cdht.test.twice", "first");
        second.setAttribute("cdht.test.twice", "second");
        table.save(first);
        table.save(second); // a duplicate key (a 500 page) with the library's plain insert
        assertThat((String) table.findById(id).getAttribute("cdht.test.twice")).isEqualTo("second");
    }

    @Test
    void a_session_marked_expired_in_the_table_is_refused_at_its_next_request() throws Exception {
        Cookie session = sessionCookie(mvc.perform(formLogin("/login").user("xa2").password("cdht-demo"))
                .andExpect(signedIn("xa2")).andReturn());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        // what another node's registry does when the account is disabled there: the attribute, in the table
        registry.getAllSessions("xa2", false).forEach(org.springframework.security.core.session.SessionInformation::expireNow);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.session.SessionRepository<?> filterSessions;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private org.springframework.session.SessionRepository<org.springframework.session.Session> table;

    @org.springframework.beans.factory.annotation.Autowired
    @SuppressWarnings({"unchecked", "rawtypes"})
    void table(org.springframework.session.jdbc.JdbcIndexedSessionRepository repository) {
        this.table = (org.springframework.session.SessionRepository) repository;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.security.core.session.SessionRegistry registry;

    private long accessTime(String sessionId) {
        return jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class,
                sessionId);
    }

    /** PostgreSQL's row version (xmin) changes with every write of the row, even one that changes no value. */
    private long rowVersion(String sessionId) {
        return jdbc.queryForObject("select xmin::text::bigint from spring_session where session_id = ?", Long.class,
                sessionId);
    }
}
