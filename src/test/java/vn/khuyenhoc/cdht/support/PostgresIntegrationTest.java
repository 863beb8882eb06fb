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
import org.springframework.test.web.servlet.MockMvc;
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
}
