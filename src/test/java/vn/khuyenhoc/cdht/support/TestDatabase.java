package vn.khuyenhoc.cdht.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that chooses the tests' PostgreSQL, in this order:
 * <ol>
 * <li>the JDBC URL in CDHT_TEST_DB_URL (user CDHT_TEST_DB_USER, default postgres; password CDHT_TEST_DB_PASSWORD);
 * <li>a PostgreSQL server answering where libpq would look (PGHOST, PGPORT, PGUSER, PGPASSWORD; else 127.0.0.1:5432
 * as postgres): the run creates a scratch database of its own there ({@code cdht_test_<pid>_<time>}) and drops it
 * when the JVM ends, never touching another database; scratch databases of runs that were killed are dropped by the
 * next run on the same host;
 * <li>a Testcontainers PostgreSQL when Docker is available;
 * <li>otherwise a failure that says how to give one.
 * </ol>
 * Tests never fall back to H2. Everything that needs the database asks this class ({@link #register},
 * {@link #dataSource}).
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "CDHT_TEST_DB_URL";
    private static final String SCRATCH_PREFIX = "cdht_test_";
    private static final Pattern SCRATCH_NAME = Pattern.compile(SCRATCH_PREFIX + "(\\d+)_\\d{14}");

    record Coordinates(String url, String username, String password) {
    }

    private static Coordinates chosen;
    private static PostgreSQLContainer container;

    private TestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        Coordinates database = coordinates();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    /** A plain DataSource on the tests' database, for tests that need no application context. */
    public static DataSource dataSource() {
        Coordinates database = coordinates();
        return new DriverManagerDataSource(database.url(), database.username(), database.password());
    }

    private static synchronized Coordinates coordinates() {
        if (chosen == null) {
            chosen = choose();
        }
        return chosen;
    }

    private static Coordinates choose() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new Coordinates(url, env("CDHT_TEST_DB_USER", "postgres"), env("CDHT_TEST_DB_PASSWORD", ""));
        }
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        String user = env("PGUSER", "postgres");
        String password = env("PGPASSWORD", "");
        String server = "jdbc:postgresql://" + (host.startsWith("/") ? "127.0.0.1" : host) + ":" + port + "/";
        try (Connection admin = connect(server + "postgres", user, password)) {
            String name = SCRATCH_PREFIX + ProcessHandle.current().pid() + "_"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            try (Statement statement = admin.createStatement()) {
                if (isLocal(host)) {
                    dropAbandonedScratchDatabases(statement);
                }
                statement.execute("CREATE DATABASE " + name);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropScratch(server, user, password, name),
                    "drop-" + name));
            return new Coordinates(server + name + "?reWriteBatchedInserts=true", user, password);
        } catch (SQLException e) {
            if (dockerAvailable()) {
                container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
                return new Coordinates(container.getJdbcUrl() + "&reWriteBatchedInserts=true",
                        container.getUsername(), container.getPassword());
            }
            throw new IllegalStateException("No PostgreSQL for the tests: none answered at " + host + ":" + port
                    + " as " + user + " (" + e.getMessage() + "), Docker is not available and " + URL_VARIABLE
                    + " is not set. Start a local PostgreSQL (PGHOST/PGPORT/PGUSER/PGPASSWORD say where), or Docker, "
                    + "or set " + URL_VARIABLE + " (e.g. jdbc:postgresql://127.0.0.1:5432/cdht_test"
                    + "?reWriteBatchedInserts=true).", e);
        }
    }

    /** Scratch databases whose creating test JVM (the pid in the name) is gone on this host. */
    private static void dropAbandonedScratchDatabases(Statement statement) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (var rows = statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + SCRATCH_PREFIX + "%'")) {
            while (rows.next()) {
                Matcher matcher = SCRATCH_NAME.matcher(rows.getString(1));
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1)))
                        .map(process -> !process.isAlive()).orElse(true)) {
                    abandoned.add(rows.getString(1));
                }
            }
        }
        for (String name : abandoned) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void dropScratch(String server, String user, String password, String name) {
        try (Connection admin = connect(server + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            // FORCE: the application contexts' pools may still be closing in other shutdown hooks.
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop the tests' scratch database " + name + ": " + e.getMessage());
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, properties);
    }

    private static boolean isLocal(String host) {
        return host.startsWith("/") || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
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
