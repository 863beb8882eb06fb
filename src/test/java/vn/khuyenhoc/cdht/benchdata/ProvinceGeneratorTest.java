package vn.khuyenhoc.cdht.benchdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.util.ReflectionTestUtils;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The benchmark generator at its smallest size, in schemas of their own (the shared fixture is not touched): the
 * size, the target-group shares and pass rates within tolerance, the recognition decisions, and the same seed
 * giving the same rows (a different seed, different ones). Also the framework-floor page's guard.
 */
class ProvinceGeneratorTest extends PostgresIntegrationTest {

    private static final int CITIZENS = ProvinceGenerator.MIN_CITIZENS;

    @Autowired
    private Environment env;

    @Autowired
    private FloorController floor;

    @Test
    void generatesTheRequestedProvinceReproducibly() throws SQLException {
        List<String> schemas = List.of("bench_gen_a", "bench_gen_b", "bench_gen_c");
        try {
            JdbcTemplate a = generate(schemas.get(0), 7);
            JdbcTemplate b = generate(schemas.get(1), 7);
            JdbcTemplate c = generate(schemas.get(2), 8);

            assertThat(a.queryForObject("select count(*) from citizen", Integer.class)).isEqualTo(CITIZENS);
            assertThat(a.queryForObject("select count(*) from admin_unit where level_code = 'commune'"
                    + " and valid_to is null", Integer.class)).isEqualTo(2);
            assertThat(a.queryForObject("select count(*) from admin_unit where level_code = 'hamlet'", Integer.class))
                    .isEqualTo(38);
            double householdSize = a.queryForObject("select avg(n) from (select count(*) n from citizen"
                    + " group by household_id) t", Double.class);
            assertThat(householdSize).isCloseTo(4.0, within(0.6));

            Map<String, Double> shares = byGroup(a, "select target_group, count(*)::float8 / " + CITIZENS
                    + " from citizen group by target_group");
            assertThat(shares.get("FARMER")).isCloseTo(0.55, within(0.03));
            assertThat(shares.get("WORKER")).isCloseTo(0.25, within(0.03));
            assertThat(shares.get("OFFICIAL")).isCloseTo(0.05, within(0.015));
            assertThat(shares.get("OTHER")).isCloseTo(0.15, within(0.03));

            Map<String, Double> passRates = byGroup(a, "select target_group, avg(case when state = 'RECOGNISED'"
                    + " then 1.0 else 0.0 end)::float8 from assessment where assessment_year < 2025"
                    + " group by target_group");
            assertThat(passRates.get("FARMER")).isCloseTo(0.55, within(0.03));
            assertThat(passRates.get("WORKER")).isCloseTo(0.70, within(0.03));
            assertThat(passRates.get("OFFICIAL")).isCloseTo(0.90, within(0.04));
            assertThat(a.queryForList("select distinct assessment_year from assessment order by 1", Integer.class))
                    .containsExactly(2021, 2022, 2023, 2024, 2025);
            assertThat(a.queryForList("select distinct channel from assessment order by 1", String.class))
                    .containsExactly("ONLINE_SELF", "STAFF_PROXY");
            assertThat(a.queryForList("select distinct state from assessment where assessment_year = 2025"
                    + " order by 1", String.class)).containsExactly("DRAFT", "NOT_RECOGNISED", "RECOGNISED",
                    "RETURNED", "SUBMITTED", "VERIFIED");
            // every decided assessment is on its commune's issued decision, recognised ones as recognised
            assertThat(a.queryForObject("select count(*) from recognition_item", Integer.class))
                    .isEqualTo(a.queryForObject("select count(*) from assessment"
                            + " where state in ('RECOGNISED', 'NOT_RECOGNISED')", Integer.class))
                    .isPositive();
            assertThat(a.queryForObject("select count(*) from recognition_item i join assessment s"
                    + " on s.id = i.assessment_id where i.outcome <> s.state", Integer.class)).isZero();
            assertThat(a.queryForObject("select count(*) from recognition_decision where status = 'ISSUED'",
                    Integer.class)).isEqualTo(3 * 4 + 2);

            assertThat(fingerprint(b)).isEqualTo(fingerprint(a));
            assertThat(fingerprint(c)).isNotEqualTo(fingerprint(a));
        } finally {
            schemas.forEach(schema -> jdbc.execute("drop schema if exists " + schema + " cascade"));
        }
    }

    @Test
    void refusesASizeBelowTheMinimum() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProvinceGenerator(9_999, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void floorPageIsOffUnlessEnabledAndNeverAnonymous() throws Exception {
        mvc.perform(get("/bench/floor")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/bench/floor").with(as("xa1"))).andExpect(status().isNotFound());
        ReflectionTestUtils.setField(floor, "enabled", true);
        try {
            mvc.perform(get("/bench/floor")).andExpect(status().is3xxRedirection());
            mvc.perform(get("/bench/floor").with(as("xa1"))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"bench-floor\"")));
        } finally {
            ReflectionTestUtils.setField(floor, "enabled", false);
        }
    }

    private JdbcTemplate generate(String schema, long seed) throws SQLException {
        jdbc.execute("drop schema if exists " + schema + " cascade");
        String url = env.getRequiredProperty("spring.datasource.url");
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url,
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password", ""));
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            new ProvinceGenerator(CITIZENS, seed).generate(connection, line -> { });
        }
        return new JdbcTemplate(dataSource);
    }

    private static Map<String, Double> byGroup(JdbcTemplate jdbc, String sql) {
        Map<String, Double> values = new java.util.HashMap<>();
        jdbc.query(sql, rs -> {
            values.put(rs.getString(1), rs.getDouble(2));
        });
        return values;
    }

    /** A digest of every generated row except the creation times. */
    private static List<String> fingerprint(JdbcTemplate jdbc) {
        List<String> digests = new ArrayList<>();
        digests.add(jdbc.queryForObject("select md5(string_agg(concat_ws('|', id, full_name, search_name, birth_year,"
                + " gender, unit_id, target_group, workplace_id, household_id, clan_id), ',' order by id))"
                + " from citizen", String.class));
        digests.add(jdbc.queryForObject("select md5(string_agg(concat_ws('|', id, citizen_id, assessment_year,"
                + " unit_id, channel, state, self_total, verified_total, has_digital_skills, digital_proficient),"
                + " ',' order by id)) from assessment", String.class));
        digests.add(jdbc.queryForObject("select md5(string_agg(concat_ws('|', id, collective_id, status_year,"
                + " recognised), ',' order by id)) from collective_year", String.class));
        digests.add(jdbc.queryForObject("select md5(string_agg(concat_ws('|', id, decision_id, position, outcome),"
                + " ',' order by id)) from recognition_item", String.class));
        return digests;
    }
}
