package vn.khuyenhoc.cdht.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Base of every test that needs the application: one shared context on PostgreSQL (see {@link TestDatabase}),
 * the schema rebuilt by Flyway at start, and the demo fixture (units of Quảng Trị, accounts admin, tinh, xem,
 * xa1, xa2, thon1) loaded on purpose. Keep one configuration for all subclasses: a second context would clean
 * the database under the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CleanDatabase.class)
public abstract class PostgresIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private UserDetailsService userDetailsService;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Signs the request in as a stored account, with its real role and unit. */
    protected RequestPostProcessor as(String username) {
        return user(userDetailsService.loadUserByUsername(username));
    }

    protected long unitId(String code) {
        return jdbc.queryForObject("select id from admin_unit where code = ? order by valid_from desc limit 1",
                Long.class, code);
    }

    /**
     * The session cookie a response set (Spring Session keeps sessions in the database, so MockMvc's
     * {@code .session(...)} is not seen; a test carries the cookie between requests as a browser does).
     */
    protected static Cookie sessionCookie(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new AssertionError("the response set no SESSION cookie");
        }
        return new Cookie(cookie.getName(), cookie.getValue());
    }

    /** Hands flash attributes to the page as a redirect would (MockMvc's flashAttr writes a session not used). */
    protected static RequestPostProcessor flashed(Map<String, ?> attributes) {
        return request -> {
            request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Map.copyOf(attributes));
            return request;
        };
    }

    /** The response signed {@code username} in: its session cookie names a stored session of that user. */
    protected ResultMatcher signedIn(String username) {
        return SignedIn.signedIn(jdbc, username);
    }

    /** The response signed nobody in. */
    protected ResultMatcher notSignedIn() {
        return SignedIn.notSignedIn(jdbc);
    }
}
