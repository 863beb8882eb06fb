package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scheduled clean-up runs through db-scheduler on PostgreSQL: the recurring task is registered in the shared
 * table at start, and when due it removes ended citizen sessions and keeps live ones.
 */
class PortalHousekeepingTest extends PortalTestSupport {

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void endedSessionsArePurgedByTheScheduledTaskAndLiveOnesKept() {
        // The test framework pauses and resumes cached contexts; a db-scheduler scheduler cannot restart, so the
        // node builds a new one at each start. Do what the framework does, then expect the work to run.
        context.stop();
        context.start();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                PortalHousekeeping.PURGE_SESSIONS)).isEqualTo(1);
        long citizen = citizen(HAMLET, 1980);
        Instant now = Instant.now();
        session("ended-by-age", citizen, now.minus(Duration.ofHours(13)), now.minusSeconds(60), now.minusSeconds(1));
        session("ended-idle", citizen, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(10)));
        session("live", citizen, now.minusSeconds(120), now.minusSeconds(30), now.plus(Duration.ofHours(11)));

        scheduler.reschedule(TaskInstanceId.of(PortalHousekeeping.PURGE_SESSIONS, "recurring"), Instant.now());

        await("the scheduler to run the purge").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForList("select token_hash from portal_session where citizen_id = ?",
                        String.class, citizen).size() == 1);
        assertThat(jdbc.queryForList("select token_hash from portal_session where citizen_id = ?", String.class,
                citizen)).containsExactly("live");
    }

    private void session(String hash, long citizen, Instant created, Instant lastSeen, Instant expires) {
        jdbc.update("insert into portal_session (token_hash, citizen_id, created_at, last_seen_at, expires_at) "
                + "values (?, ?, ?, ?, ?)", hash, citizen, Timestamp.from(created), Timestamp.from(lastSeen),
                Timestamp.from(expires));
    }
}
