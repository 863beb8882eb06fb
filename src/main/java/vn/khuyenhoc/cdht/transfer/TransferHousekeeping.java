package vn.khuyenhoc.cdht.transfer;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled clean-up of the import jobs, run by db-scheduler on one node at a time: a job "running" whose node has
 * written no progress for {@code cdht.transfer.stale-after} lost its node, and is marked failed with a message the
 * user sees (nothing was written: a commit rolls back with its connection); finished jobs, with their uploaded file
 * and error list, are deleted after {@code cdht.transfer.keep-finished}.
 */
@Configuration(proxyBeanMethods = false)
class TransferHousekeeping {

    static final String TASK = "transfer-housekeeping";
    private static final Logger log = LoggerFactory.getLogger(TransferHousekeeping.class);

    @Bean
    RecurringTask<Void> transferHousekeepingTask(JdbcTemplate jdbc, MessageSource messages,
            TransferProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.ofMinutes(1))
                .execute((instance, context) -> run(jdbc, messages, properties));
    }

    static void run(JdbcTemplate jdbc, MessageSource messages, TransferProperties properties) {
        Timestamp stale = Timestamp.from(Instant.now().minus(properties.staleAfter()));
        List<String[]> lost = jdbc.query("select id, locale from import_job where status = 'RUNNING' "
                + "and updated_at < ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, stale);
        for (String[] job : lost) {
            String message = messages.getMessage("transfer.job.nodeLost", null, Locale.forLanguageTag(job[1]));
            if (jdbc.update("update import_job set status = 'FAILED', active_owner = null, failure = ?, node = null, "
                    + "updated_at = ? where id = ? and status = 'RUNNING' and updated_at < ?", message,
                    Timestamp.from(Instant.now()), job[0], stale) > 0) {
                log.warn("import {} lost its node: marked failed", job[0]);
            }
        }
        Timestamp old = Timestamp.from(Instant.now().minus(properties.keepFinished()));
        int purged = jdbc.update("delete from import_job where status in ('DONE', 'FAILED') and updated_at < ?",
                old);
        if (purged > 0) {
            log.info("purged {} finished import jobs and their files", purged);
        }
    }
}
