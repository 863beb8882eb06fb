package vn.khuyenhoc.cdht.portal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled clean-up of the portal's tables, run by db-scheduler: one node at a time whichever node is up, so
 * ended citizen sessions are removed without anyone having to sign in.
 */
@Configuration(proxyBeanMethods = false)
class PortalHousekeeping {

    static final String PURGE_SESSIONS = "portal-purge-ended-sessions";

    @Bean
    RecurringTask<Void> purgeEndedCitizenSessions(CitizenSessions sessions) {
        return Tasks.recurring(PURGE_SESSIONS, FixedDelay.ofMinutes(15))
                .execute((instance, context) -> sessions.purgeEnded());
    }

    static final String PURGE_ISSUED_CODES = "portal-purge-issued-codes";

    /** Codes shown once do not outlive their 30 minutes in the database. */
    @Bean
    RecurringTask<Void> purgeIssuedCodes(IssuedCodes codes) {
        return Tasks.recurring(PURGE_ISSUED_CODES, FixedDelay.ofMinutes(5))
                .execute((instance, context) -> codes.purgeExpired());
    }
}
