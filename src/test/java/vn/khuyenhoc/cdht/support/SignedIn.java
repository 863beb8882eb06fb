package vn.khuyenhoc.cdht.support;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Whether a response signed someone in, read where the session lives: the staff session table (Spring Session
 * JDBC). Spring Security's {@code authenticated()} reads MockMvc's own session, which the application no longer uses.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** The response's session cookie names a stored session of {@code username}. */
    public static ResultMatcher signedIn(JdbcTemplate jdbc, String username) {
        return result -> {
            List<String> principals = principalsOf(jdbc, result);
            if (!principals.equals(List.of(username))) {
                throw new AssertionError("expected a session of " + username + " but found " + principals);
            }
        };
    }

    /** No stored session with a user behind the response's cookie. */
    public static ResultMatcher notSignedIn(JdbcTemplate jdbc) {
        return result -> {
            List<String> principals = principalsOf(jdbc, result);
            if (!principals.isEmpty()) {
                throw new AssertionError("expected no signed-in session but found " + principals);
            }
        };
    }

    private static List<String> principalsOf(JdbcTemplate jdbc, MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        if (cookie == null || cookie.getValue().isEmpty()) {
            return List.of();
        }
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        return jdbc.queryForList("select principal_name from spring_session where session_id = ? "
                + "and principal_name is not null", String.class, id);
    }
}
