package vn.khuyenhoc.cdht.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version of what the dashboards show, in {@code report_version}: every write that changes it (a roll-up
 * refresh or rebuild, a target, a population figure) calls {@link #bump} in its own transaction, so the new
 * version commits, or not, with the change, and every node sees it from the next request on (issue 15: several
 * nodes share the database). {@link DashboardCache} keys on {@link #current}.
 *
 * <p>The counter has {@value #SLOTS} rows and a writer moves on the row of its thread, so concurrent commits do not
 * queue on one row lock; a thread runs one transaction at a time, so a transaction that bumps twice locks one row
 * only (no two transactions can wait for each other's slot). The version is the sum: every committed bump raises it.
 * Callers bump after taking their other locks (the roll-up's unit locks): the row stays locked until the commit.
 */
@Component
class ReportVersion {

    static final int SLOTS = 16;

    private final JdbcTemplate jdbc;

    ReportVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the version on, in the caller's transaction. */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
    void bump() {
        int slot = (int) (Thread.currentThread().getId() % SLOTS);
        jdbc.update("UPDATE report_version SET version = version + 1 WHERE slot = ?", slot);
    }

    /** The version now: one read of a one-page table. */
    long current() {
        Long sum = jdbc.queryForObject("SELECT SUM(version) FROM report_version", Long.class);
        return sum == null ? 0 : sum;
    }
}
