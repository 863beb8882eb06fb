package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.report.ReportRefresh;

/**
 * What the entry form costs the database (issue 8: the form pages at province scale). The statements Hibernate
 * prepares for one GET of the form and one save are pinned, so that a change that adds a query per request (a
 * criteria set read again, a lazy collection, a second read of the assessment) fails here rather than in a load
 * run. And a save of self-scores, which moves no roll-up figure, does not refresh the roll-ups, while a
 * submit still does, in its own transaction. Year 2016, with a criteria set of its own (the seeded one starts in
 * 2022).
 */
class AssessmentFormQueriesTest extends AssessmentTestSupport {

    private static final int YEAR = 2016;
    /**
     * The assessment with its scores (one query), the unit and the user's unit (scope; one when they are the same),
     * the citizen. Was 19 before the criteria sets were kept in memory and the preview stopped reading it all again.
     */
    private static final long FORM_GET_STATEMENTS = 4;
    /** The assessment with its scores, the unit; the update of the assessment, of its score rows (one batch), the
     * audit line. */
    private static final long SAVE_STATEMENTS = 5;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private CriteriaCatalog catalog;

    @Autowired
    private ReportRefresh refresh;

    private Statistics statistics;
    private boolean wasEnabled;
    /** The signed-in users, looked up before counting (a real request finds its user in the session). */
    private RequestPostProcessor thon1;
    private RequestPostProcessor xa1;

    @BeforeEach
    void statistics() {
        if (jdbc.queryForObject("select count(*) from criteria_set where code = 'PERF-2016'", Integer.class) == 0) {
            copyCriteriaSetFor2016();
        }
        thon1 = as("thon1");
        xa1 = as("xa1");
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void restore() {
        statistics.setStatisticsEnabled(wasEnabled);
    }

    @Test
    void the_form_reads_the_assessment_once_and_the_criteria_set_from_memory() throws Exception {
        long id = start("thon1", citizen("VLINH-T01", "FARMER"), YEAR);
        saveThroughPage(id, of(7, 7, null, 7, 7, 7, 7, 7, 7, 7)).andExpect(redirectedUrl("/assessments/" + id));
        form(id); // the criteria set is read on first use only

        ScorePreview[] preview = new ScorePreview[1];
        long statements = count(() -> preview[0] = (ScorePreview) form(id)
                .andExpect(model().attributeExists("detail", "preview"))
                .andReturn().getModelAndView().getModel().get("preview"));
        assertThat(statements).as("statements of GET /assessments/{id}/edit")
                .isLessThanOrEqualTo(FORM_GET_STATEMENTS);
        // the preview is still the one of the stored scores
        assertThat(preview[0].scored()).isEqualTo(9);
        assertThat(preview[0].complete()).isFalse();
        assertThat(preview[0].total()).isEqualTo(63);

        // the verification form: the same reads
        saveThroughPage(id, all(8)).andExpect(redirectedUrl("/assessments/" + id));
        assessments.submit(user("thon1"), id, version(id));
        mvc.perform(get("/assessments/{id}/verify", id).with(as("xa1"))).andExpect(status().isOk());
        long verify = count(() -> mvc.perform(get("/assessments/{id}/verify", id).with(xa1))
                .andExpect(status().isOk()).andExpect(model().attributeExists("preview")));
        assertThat(verify).as("statements of GET /assessments/{id}/verify")
                .isLessThanOrEqualTo(FORM_GET_STATEMENTS);
    }

    @Test
    void a_save_of_self_scores_leaves_the_roll_ups_alone_and_a_submit_refreshes_them() throws Exception {
        long id = start("thon1", citizen("VLINH-T01", "WORKER"), YEAR);
        long unit = unitId("VLINH-T01");
        refresh.refresh(unit, YEAR);
        int drafts = drafts(unit);
        assertThat(drafts).isPositive();
        // a roll-up row made wrong on purpose: a refresh would put it right, so it shows whether one ran
        jdbc.update("update report_unit_year set draft = draft + 1000 where unit_id = ? and report_year = ? "
                + "and target_group = 'WORKER'", unit, YEAR);
        saveThroughPage(id, all(9)); // warms the criteria set

        long statements = count(() -> saveThroughPage(id, all(8)).andExpect(redirectedUrl("/assessments/" + id)));
        assertThat(statements).as("statements of POST /assessments/{id}/edit")
                .isLessThanOrEqualTo(SAVE_STATEMENTS);
        assertThat(selfScore(id, "1")).isEqualTo(8);
        assertThat(row(id).get("self_total")).isEqualTo(80);
        assertThat(auditActions(id)).containsSubsequence("ASSESSMENT_UPDATED", "ASSESSMENT_UPDATED");
        assertThat(drafts(unit)).as("no refresh on a save of self-scores").isEqualTo(drafts + 1000);

        // a change of state refreshes the unit's rows in the same transaction: the real figures are back
        assessments.submit(user("thon1"), id, version(id));
        assertThat(drafts(unit)).isEqualTo(drafts - 1);
        assertThat(jdbc.queryForObject("select sum(submitted) from report_unit_year where unit_id = ? and "
                + "report_year = ?", Integer.class, unit, YEAR)).isEqualTo(
                jdbc.queryForObject("select count(*) from assessment where unit_id = ? and assessment_year = ? "
                        + "and state = 'SUBMITTED'", Integer.class, unit, YEAR));
    }

    private int drafts(long unit) {
        Integer drafts = jdbc.queryForObject("select sum(draft) from report_unit_year where unit_id = ? and "
                + "report_year = ?", Integer.class, unit, YEAR);
        return drafts == null ? 0 : drafts;
    }

    private ResultActions form(long id) throws Exception {
        return mvc.perform(get("/assessments/{id}/edit", id).with(thon1)).andExpect(status().isOk());
    }

    private ResultActions saveThroughPage(long id, Integer[] scores) throws Exception {
        long version = version(id);
        return mvc.perform(scores("/assessments/" + id + "/edit", version, scores, Map.of()).with(thon1));
    }

    /** The statements Hibernate prepared while the request ran (the test's own look-ups are plain JDBC). */
    private long count(Request request) throws Exception {
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }

    @FunctionalInterface
    private interface Request {
        void run() throws Exception;
    }

    /** A copy of the seeded QĐ 324 set, published for 2016 only. */
    private void copyCriteriaSetFor2016() {
        long old = jdbc.queryForObject("select id from criteria_set where code = 'QD324-KHVN' and version_no = 1",
                Long.class);
        long id = jdbc.queryForObject("select nextval('criteria_set_seq')", Long.class);
        jdbc.update("""
                insert into criteria_set (id, code, version_no, name, legal_basis, status, year_from, year_to,
                    total_points, min_total, min_per_indicator, digital_indicator_code, digital_threshold,
                    proficient_threshold, proficient_when_online_self, published_at, published_by, created_at,
                    updated_at)
                select ?, 'PERF-2016', 1, name, legal_basis, 'PUBLISHED', 2016, 2016, total_points, min_total,
                    min_per_indicator, digital_indicator_code, digital_threshold, proficient_threshold,
                    proficient_when_online_self, published_at, published_by, created_at, updated_at
                from criteria_set where id = ?""", id, old);
        jdbc.update("insert into criteria_set_group (criteria_set_id, target_group_code) "
                + "select ?, target_group_code from criteria_set_group where criteria_set_id = ?", id, old);
        for (var competency : jdbc.queryForList("select id from criteria_competency where criteria_set_id = ?",
                old)) {
            long newCompetency = jdbc.queryForObject("select nextval('criteria_competency_seq')", Long.class);
            jdbc.update("insert into criteria_competency (id, criteria_set_id, code, name, sort_order, min_points) "
                    + "select ?, ?, code, name, sort_order, min_points from criteria_competency where id = ?",
                    newCompetency, id, competency.get("id"));
            for (var indicator : jdbc.queryForList("select id from criteria_indicator where competency_id = ?",
                    competency.get("id"))) {
                long newIndicator = jdbc.queryForObject("select nextval('criteria_indicator_seq')", Long.class);
                jdbc.update("insert into criteria_indicator (id, criteria_set_id, competency_id, code, sort_order, "
                        + "name, min_points, max_points, mandatory_min) select ?, ?, ?, code, sort_order, name, "
                        + "min_points, max_points, mandatory_min from criteria_indicator where id = ?",
                        newIndicator, id, newCompetency, indicator.get("id"));
                jdbc.update("insert into criteria_indicator_wording (indicator_id, target_group_code, wording, "
                        + "evidence_hint) select ?, target_group_code, wording, evidence_hint "
                        + "from criteria_indicator_wording where indicator_id = ?", newIndicator, indicator.get("id"));
            }
        }
    }
}
