package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Two people saving the same assessment with the same version, on real PostgreSQL: exactly one wins, the other
 * is told the record changed and loses nothing typed.
 */
class AssessmentConcurrencyTest extends AssessmentTestSupport {

    private static final int YEAR = 2024;

    @Autowired
    private AssessmentRepository repository;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void two_threads_saving_the_same_version_one_wins_and_the_other_gets_the_conflict() throws Exception {
        long id = start("xa1", citizen("VLINH-T01", "FARMER"), YEAR);
        long version = version(id);
        CountDownLatch go = new CountDownLatch(1);
        List<Outcome> outcomes = race(
                () -> {
                    go.await();
                    return assessments.saveScores(user("xa1"), id, entries(6, 6, 6, 6, 6, 6, 6, 6, 6, 6), version);
                },
                () -> {
                    go.await();
                    return assessments.saveScores(user("thon1"), id, entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9), version);
                },
                go);
        assertOneWinner(id, version, outcomes);
    }

    /**
     * Both transactions have read the same version before either writes, so both pass the version check: the
     * second UPDATE waits for the first to commit, then matches no row. Hibernate's optimistic-lock failure at
     * flush comes back as the same conflict, not as an error page.
     */
    @Test
    void a_concurrent_transaction_that_read_the_same_row_fails_at_flush_with_the_same_conflict() throws Exception {
        long id = start("xa1", citizen("VLINH-T01", "WORKER"), YEAR);
        long version = version(id);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<Outcome> outcomes = race(
                () -> transaction.execute(status -> readThenSave(bothRead, user("xa1"), id, version, 6)),
                () -> transaction.execute(status -> readThenSave(bothRead, user("thon1"), id, version, 9)),
                null);
        assertOneWinner(id, version, outcomes);
    }

    @Test
    void a_stale_form_shows_the_stored_values_beside_the_typed_ones_and_saves_on_purpose_after() throws Exception {
        long id = start("thon1", citizen("VLINH-T01", "OFFICIAL"), YEAR);
        long opened = version(id);
        // someone else saves first
        assessments.saveScores(user("xa1"), id, entriesWithNote(6, "Ghi của xã"), opened);
        long latest = version(id);

        String page = mvc.perform(scores("/assessments/" + id + "/edit", opened, all(9), Map.of("1", "Ghi của thôn"))
                        .with(as("thon1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("scoresForm"))
                .andExpect(content().string(containsString("Bản ghi vừa được người khác thay đổi")))
                .andReturn().getResponse().getContentAsString();
        // the other's stored values beside each indicator ...
        assertThat(page).contains("id=\"stored-1\"").contains("Đang lưu: 6 điểm; minh chứng: Ghi của xã");
        // ... the typed values still in the fields, and the latest version in the form
        assertThat(page).contains("id=\"items0.score\"").containsPattern("name=\"items\\[0]\\.score\" value=\"9\"")
                .satisfies(html -> assertThat(HtmlUtils.htmlUnescape(html)).contains("Ghi của thôn"))
                .containsPattern("name=\"version\" value=\"" + latest + "\"");
        assertThat(selfScore(id, "1")).isEqualTo(6);

        // saving again, deliberately, with the version the page now carries
        mvc.perform(scores("/assessments/" + id + "/edit", latest, all(9), Map.of("1", "Ghi của thôn"))
                        .with(as("thon1")))
                .andExpect(redirectedUrl("/assessments/" + id));
        assertThat(selfScore(id, "1")).isEqualTo(9);
    }

    @Test
    void a_stale_verification_is_refused_the_same_way() throws Exception {
        long id = start("xa1", citizen("VLINH-T01", "FARMER"), YEAR);
        long version = assessments.saveScores(user("xa1"), id, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), version(id));
        long submitted = assessments.submit(user("xa1"), id, version);
        // another verifier returns it while this one verifies
        assessments.returnForCorrection(user("thon1"), id, "Gọi lại công dân", submitted);
        mvc.perform(scores("/assessments/" + id + "/verify", submitted, all(8), Map.of()).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("Bản ghi vừa được người khác thay đổi")));
        assertThat(state(id)).isEqualTo("RETURNED");
    }

    private long readThenSave(CyclicBarrier bothRead, CurrentUser user, long id, long version, int score) {
        try {
            // the row enters this transaction's persistence context at the version both read
            assertThat(repository.findById(id).orElseThrow().getVersion()).isEqualTo(version);
            bothRead.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Integer[] scores = all(score);
        return assessments.saveScores(user, id, entries(scores), version);
    }

    private static List<Outcome> race(Callable<Long> first, Callable<Long> second, CountDownLatch go)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> futures = List.of(pool.submit(first), pool.submit(second));
            if (go != null) {
                go.countDown();
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Long> future : futures) {
                try {
                    outcomes.add(new Outcome(future.get(30, TimeUnit.SECONDS), null));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(new Outcome(null, e.getCause()));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneWinner(long id, long version, List<Outcome> outcomes) {
        assertThat(outcomes).filteredOn(o -> o.error() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error() != null).singleElement()
                .satisfies(o -> assertThat(o.error()).isInstanceOf(AssessmentConflictException.class));
        long winnerVersion = outcomes.stream().filter(o -> o.error() == null).findFirst().orElseThrow().version();
        assertThat(version(id)).isEqualTo(winnerVersion).isEqualTo(version + 1);
        // the stored scores are all the winner's, never a mix
        assertThat(jdbc.queryForList("select distinct self_score from assessment_score where assessment_id = ?",
                Integer.class, id)).hasSize(1);
        assertThat(auditActions(id)).containsExactly("ASSESSMENT_CREATED", "ASSESSMENT_UPDATED");
    }

    private static Map<String, ScoreEntry> entriesWithNote(int score, String firstNote) {
        Map<String, ScoreEntry> entries = entries(all(score));
        entries.put("1", new ScoreEntry(score, firstNote));
        return entries;
    }

    private record Outcome(Long version, Throwable error) {
    }
}
