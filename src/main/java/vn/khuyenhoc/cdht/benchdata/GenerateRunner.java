package vn.khuyenhoc.cdht.benchdata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.account.AccountProvisioning;
import vn.khuyenhoc.cdht.report.ReportRefresh;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * {@code --cdht.generate.citizens=N [--cdht.generate.seed=S]}: after Flyway has migrated the schema, writes the
 * benchmark province (see {@link ProvinceGenerator}) into an EMPTY PostgreSQL database, rebuilds the roll-ups with
 * the report module's own code, creates two staff accounts for the load test, prints them, and exits. Absent the
 * property this bean does not exist; it refuses H2 and a database that already holds units.
 */
@Component
@Order(200)
@ConditionalOnProperty(name = "cdht.generate.citizens")
class GenerateRunner implements ApplicationRunner {

    static final String PROVINCE_USER = "bench-tinh";
    static final String COMMUNE_USER = "bench-xa";
    private static final Logger log = LoggerFactory.getLogger(GenerateRunner.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final AccountProvisioning accounts;
    private final ReportRefresh reports;
    private final ConfigurableApplicationContext context;
    private final int citizens;
    private final long seed;
    private final String password;
    private final boolean exit;

    GenerateRunner(DataSource dataSource, JdbcTemplate jdbc, AccountProvisioning accounts, ReportRefresh reports,
            ConfigurableApplicationContext context, @Value("${cdht.generate.citizens}") int citizens,
            @Value("${cdht.generate.seed:42}") long seed,
            @Value("${cdht.generate.password:Bench-cdht-2026}") String password,
            @Value("${cdht.generate.exit:true}") boolean exit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.reports = reports;
        this.context = context;
        this.citizens = citizens;
        this.seed = seed;
        this.password = password;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        int code = 1;
        try {
            generate();
            code = 0;
        } finally {
            if (exit) {
                int status = code;
                System.exit(SpringApplication.exit(context, () -> status));
            }
        }
    }

    private void generate() throws SQLException {
        ProvinceGenerator generator = new ProvinceGenerator(citizens, seed);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equals(product)) {
                throw new IllegalStateException("the generator writes PostgreSQL only, not " + product);
            }
            Long units = jdbc.queryForObject("SELECT count(*) FROM admin_unit", Long.class);
            if (units != null && units > 0) {
                throw new IllegalStateException("the generator needs an empty database (Flyway-migrated only): "
                        + units + " units found");
            }
            log.info("Generating {} citizens (seed {}): {} communes, {} hamlets", citizens, seed,
                    generator.communes(), generator.hamlets());
            generator.generate(connection, line -> log.info("generator {}", line));
        }
        long rawMillis = (System.nanoTime() - started) / 1_000_000;
        long communeId = ProvinceGenerator.FIRST_COMMUNE_ID;
        accounts.create(PROVINCE_USER, "Bench tỉnh", Role.PROVINCE_OFFICER, ProvinceGenerator.PROVINCE_ID, password,
                false);
        accounts.create(COMMUNE_USER, "Bench xã", Role.COMMUNE_OFFICER, communeId, password, false);
        ReportRefresh.RebuildSummary rebuilt = reports.rebuildAll();
        long vacuumStarted = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM ANALYZE");
        }
        long vacuumMillis = (System.nanoTime() - vacuumStarted) / 1_000_000;
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("GENERATED citizens={} assessments={} seed={} communes={} hamlets={} raw_ms={} rollups_ms={} "
                + "vacuum_ms={} total_ms={}", count("citizen"), count("assessment"), seed, generator.communes(),
                generator.hamlets(), rawMillis, rebuilt.millis(), vacuumMillis, totalMillis);
        log.info("GENERATED accounts: {} (PROVINCE_OFFICER, province {}) and {} (COMMUNE_OFFICER, commune {}), "
                + "password '{}'", PROVINCE_USER, ProvinceGenerator.PROVINCE_ID, COMMUNE_USER, communeId, password);
    }

    private long count(String table) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }
}
