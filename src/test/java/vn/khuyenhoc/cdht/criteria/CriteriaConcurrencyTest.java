package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Two admins making the next version of the same criteria set at the same moment, on real PostgreSQL: one gets the
 * draft, the other a message; never a 500 from the unique key at commit, never two drafts.
 */
class CriteriaConcurrencyTest extends PostgresIntegrationTest {

    @Autowired
    private CriteriaAdministration administration;

    @Autowired
    private UserDetailsService users;

    @RepeatedTest(10)
    void two_copies_of_one_published_set_give_one_draft_and_one_message() throws Exception {
        long v1 = jdbc.queryForObject("select id from criteria_set where code = 'QD324-KHVN' and version_no = 1",
                Long.class);
        CurrentUser admin = (CurrentUser) users.loadUserByUsername("admin");
        List<Long> drafts = new ArrayList<>();
        try {
            List<Object> outcomes = race(() -> administration.copy(admin, v1));
            outcomes.stream().filter(Long.class::isInstance).map(Long.class::cast).forEach(drafts::add);
            assertThat(drafts).hasSize(1);
            assertThat(outcomes).filteredOn(BusinessRuleException.class::isInstance).singleElement()
                    .extracting(o -> ((BusinessRuleException) o).messageKey())
                    .isIn("criteria.draftExists", "criteria.createdConcurrently");
            assertThat(jdbc.queryForObject(
                    "select count(*) from criteria_set where code = 'QD324-KHVN' and status = 'DRAFT'", Long.class))
                    .isEqualTo(1);
        } finally {
            drafts.forEach(id -> administration.delete(admin, id));
        }
    }

    @RepeatedTest(10)
    void two_new_sets_with_one_new_code_give_one_draft_and_one_message() throws Exception {
        String code = "RACE-" + System.nanoTime();
        CurrentUser admin = (CurrentUser) users.loadUserByUsername("admin");
        List<Object> outcomes = race(() -> {
            CriteriaSetForm form = new CriteriaSetForm();
            form.setCode(code);
            form.setName("Bộ thử tranh chấp");
            form.setYearFrom(2095);
            form.setYearTo(2096);
            return administration.createDraft(admin, form);
        });
        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(BusinessRuleException.class::isInstance).singleElement()
                .extracting(o -> ((BusinessRuleException) o).messageKey())
                .isIn("criteria.draftExists", "criteria.createdConcurrently");
        assertThat(jdbc.queryForObject("select count(*) from criteria_set where code = ?", Long.class, code))
                .isEqualTo(1);
    }

    /** Runs the same call in two threads released together; each outcome is the result or the exception thrown. */
    private static List<Object> race(Callable<Long> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Long> future : futures) {
                try {
                    outcomes.add(future.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
