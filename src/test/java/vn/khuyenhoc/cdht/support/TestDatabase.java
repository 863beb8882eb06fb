package vn.khuyenhoc.cdht.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that chooses the tests' PostgreSQL: the JDBC URL in CDHT_TEST_DB_URL (CI sets it), else a
 * Testcontainers PostgreSQL when Docker is available, else a failure that says how to give one. Tests never
 * fall back to H2.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "CDHT_TEST_DB_URL";
    private static PostgreSQLContainer container;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> env("CDHT_TEST_DB_USER", "postgres"));
            registry.add("spring.datasource.password", () -> env("CDHT_TEST_DB_PASSWORD", ""));
            return;
        }
        if (dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
            }
            registry.add("spring.datasource.url", () -> container.getJdbcUrl() + "&reWriteBatchedInserts=true");
            registry.add("spring.datasource.username", container::getUsername);
            registry.add("spring.datasource.password", container::getPassword);
            return;
        }
        throw new IllegalStateException("No PostgreSQL for the tests. Set " + URL_VARIABLE
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/cdht_test?reWriteBatchedInserts=true, user in "
                + "CDHT_TEST_DB_USER, default postgres) or start Docker so that Testcontainers can run one. "
                + ".ci/run does the former.");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
