package vn.khuyenhoc.cdht.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.evidence.EvidenceFiles;
import vn.khuyenhoc.cdht.evidence.EvidenceSamples;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The retention job: a draft never submitted and older than the period goes with its scores and evidence; a recent
 * draft and an old submitted form stay; an unused invitation expired long ago goes, a fresh one stays.
 */
class RetentionTest extends PostgresIntegrationTest {

    private static final int YEAR = 2022;

    @Autowired
    private Retention.Purge purge;

    @Autowired
    private Citizens citizens;

    @Autowired
    private Assessments assessments;

    @Autowired
    private EvidenceFiles evidence;

    @Autowired
    private UserDetailsService users;

    @Test
    void old_unsubmitted_drafts_and_unused_invitations_are_purged_and_the_rest_stays() throws Exception {
        CurrentUser xa1 = (CurrentUser) users.loadUserByUsername("xa1");
        long oldDraft = assessments.start(xa1, citizen(), YEAR);
        assessments.saveScores(xa1, oldDraft, scores(), version(oldDraft));
        evidence.attach(xa1, oldDraft, "1", "anh.png", EvidenceSamples.png(30, 30));
        long recentDraft = assessments.start(xa1, citizen(), YEAR);
        long oldSubmitted = assessments.start(xa1, citizen(), YEAR);
        assessments.submit(xa1, oldSubmitted, assessments.saveScores(xa1, oldSubmitted, scores(),
                version(oldSubmitted)));
        jdbc.update("update assessment set created_at = created_at - interval '1000 days' where id in (?, ?)",
                oldDraft, oldSubmitted);
        long invitedLongAgo = citizen();
        long invited = citizen();
        for (long c : new long[] {invitedLongAgo, invited}) {
            mvc.perform(post("/portal/invitations/citizen").with(csrf()).with(as("xa1"))
                    .param("citizen", String.valueOf(c)).param("year", String.valueOf(YEAR)));
        }
        long oldInvitation = jdbc.queryForObject("select id from portal_invitation where citizen_id = ?",
                Long.class, invitedLongAgo);
        jdbc.update("update portal_invitation set expires_at = expires_at - interval '400 days' where id = ?",
                oldInvitation);

        int[] purged = purge.run();

        assertThat(purged[0]).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from assessment where id = ?", oldDraft)).isZero();
        assertThat(count("select count(*) from assessment_score where assessment_id = ?", oldDraft)).isZero();
        assertThat(count("select count(*) from evidence_file where assessment_id = ?", oldDraft)).isZero();
        assertThat(count("select count(*) from audit_event where action = 'ASSESSMENT_PURGED' and entity_id = ?",
                oldDraft)).isEqualTo(1);
        assertThat(count("select count(*) from assessment where id = ?", recentDraft)).isEqualTo(1);
        assertThat(count("select count(*) from assessment where id = ?", oldSubmitted)).isEqualTo(1);
        assertThat(count("select count(*) from portal_invitation where id = ?", oldInvitation)).isZero();
        assertThat(count("select count(*) from portal_invitation where citizen_id = ?", invited)).isEqualTo(1);
    }

    private long citizen() {
        return citizens.create(SystemActor.INSTANCE, new CitizenDraft("Lưu Giữ " + System.nanoTime() % 1_000_000,
                1970, Gender.MALE, "VLINH-T01", "FARMER", null, null, null, null, null, null), true).citizenId();
    }

    private static Map<String, ScoreEntry> scores() {
        Map<String, ScoreEntry> scores = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            scores.put(String.valueOf(i), new ScoreEntry(7, null));
        }
        return scores;
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
