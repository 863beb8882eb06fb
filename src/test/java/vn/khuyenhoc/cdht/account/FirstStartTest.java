package vn.khuyenhoc.cdht.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.khuyenhoc.cdht.support.SignedIn;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.khuyenhoc.cdht.support.TestDatabase;

/**
 * A real database without demo data: no account exists, no default password works, and the one-time token
 * from the log creates the first admin. Runs in its own PostgreSQL schema so that it never cleans the shared
 * test fixture.
 */
@SpringBootTest(properties = {"cdht.demo.mode=off", "spring.flyway.clean-disabled=false",
        "cdht.citizen.id-hash-key=first-start-test-key-0123456789abcdefghij",
        "spring.flyway.schemas=first_start", "spring.flyway.default-schema=first_start"})
@AutoConfigureMockMvc
@Import(FirstStartTest.CleanSchema.class)
class FirstStartTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private SetupToken setupToken;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.datasource.hikari.schema", () -> "first_start");
    }

    @Test
    void no_demo_accounts_and_the_setup_token_creates_the_first_admin() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from first_start.app_user", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from first_start.admin_unit", Integer.class)).isZero();
        mvc.perform(formLogin("/login").user("admin").password("cdht-demo"))
                .andExpect(redirectedUrl("/login?error=bad"));

        String token = currentToken();
        assertThat(token).hasSize(24);
        mvc.perform(get("/setup")).andExpect(status().isOk());
        mvc.perform(post("/setup").with(csrf()).param("token", "wrong-token").param("username", "quantri")
                        .param("displayName", "Quản trị").param("newPassword", "a-strong-pass-1")
                        .param("confirmation", "a-strong-pass-1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("setupForm", "token"));
        mvc.perform(post("/setup").with(csrf()).param("token", token).param("username", "quantri")
                        .param("displayName", "Quản trị").param("newPassword", "a-strong-pass-1")
                        .param("confirmation", "a-strong-pass-1"))
                .andExpect(redirectedUrl("/login"));

        assertThat(jdbc.queryForObject("select role from first_start.app_user where username='quantri'",
                String.class)).isEqualTo("ADMIN");
        assertThat(jdbc.queryForObject("select code from first_start.admin_unit where parent_id is null",
                String.class)).isEqualTo("VN");
        mvc.perform(formLogin("/login").user("quantri").password("a-strong-pass-1"))
                .andExpect(SignedIn.signedIn(jdbc, "quantri"));
        // the token is spent and the page is gone
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
    }

    /** What the operator reads in the log. */
    private String currentToken() {
        return setupToken.current();
    }

    @TestConfiguration
    static class CleanSchema {

        /** Rebuilds only the first_start schema, so repeated local runs start from nothing too. */
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return (Flyway flyway) -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
