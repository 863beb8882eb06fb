package vn.khuyenhoc.cdht.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A database that had citizens or assessments before the roll-up tables existed (an upgrade), or whose raw tables
 * were loaded around the services, starts with empty roll-ups: fill them once at start-up. Runs after the demo
 * loaders, which go through the services and so fill the roll-ups themselves.
 */
@Component
@Order(100)
class ReportStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportStartup.class);

    private final JdbcTemplate jdbc;
    private final ReportRefresh refresh;

    ReportStartup(JdbcTemplate jdbc, ReportRefresh refresh) {
        this.jdbc = jdbc;
        this.refresh = refresh;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean rawData = exists("citizen") || exists("assessment") || exists("collective");
        boolean rollUps = exists("report_unit_register") || exists("report_unit_year")
                || exists("report_unit_collective");
        if (rawData && !rollUps) {
            log.info("Roll-up tables are empty while citizens or assessments exist: rebuilding them once.");
            refresh.rebuildAll();
        }
    }

    private boolean exists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table + ")",
                Boolean.class));
    }
}
