package vn.khuyenhoc.cdht.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.assessment.DraftRetention;
import vn.khuyenhoc.cdht.portal.InvitationRetention;

/**
 * Retention of personal data no longer needed, run daily by db-scheduler (one node at a time): drafts never
 * submitted are deleted once older than {@code cdht.retention.draft-age}, invitations never used once expired for
 * longer than {@code cdht.retention.invitation-age}.
 */
@Configuration(proxyBeanMethods = false)
class Retention {

    static final String TASK = "privacy-retention";

    @ConfigurationProperties("cdht.retention")
    record Settings(Duration draftAge, Duration invitationAge) {

        Settings {
            draftAge = draftAge == null ? Duration.ofDays(730) : draftAge;
            invitationAge = invitationAge == null ? Duration.ofDays(90) : invitationAge;
        }
    }

    @Bean
    RecurringTask<Void> retentionTask(Purge purge) {
        return Tasks.recurring(TASK, FixedDelay.ofHours(24)).execute((instance, context) -> purge.run());
    }

    /** One pass of the retention rules; returns what it deleted. */
    @Component
    static class Purge {

        private static final Logger LOG = LoggerFactory.getLogger(Purge.class);

        private final Settings settings;
        private final DraftRetention drafts;
        private final InvitationRetention invitations;

        Purge(Settings settings, DraftRetention drafts, InvitationRetention invitations) {
            this.settings = settings;
            this.drafts = drafts;
            this.invitations = invitations;
        }

        int[] run() {
            Instant now = Instant.now();
            int draftCount = drafts.purgeStartedBefore(now.minus(settings.draftAge()));
            int invitationCount = invitations.purgeExpiredBefore(now.minus(settings.invitationAge()));
            if (draftCount + invitationCount > 0) {
                LOG.info("Retention: {} drafts never submitted and {} unused invitations deleted", draftCount,
                        invitationCount);
            }
            return new int[] {draftCount, invitationCount};
        }
    }
}
