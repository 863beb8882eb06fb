package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The list's bulk actions: submit every complete draft of the filter, verify the selected ones taking the
 * self-scores; each reports row by row, and a refused row leaves the others done.
 */
class AssessmentBulkTest extends AssessmentTestSupport {

    private static final int YEAR = 2023;

    @Test
    void submit_all_complete_drafts_of_the_filter_reports_each_row() throws Exception {
        long complete = start("xa1", citizen("VLINH-T04", "FARMER"), YEAR);
        assessments.saveScores(user("xa1"), complete, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), version(complete));
        long partial = start("xa1", citizen("VLINH-T04", "FARMER"), YEAR);
        assessments.saveScores(user("xa1"), partial, entries(8, 8, null, 8, 8, null, 8, 8, 8, 8), version(partial));
        long otherGroup = start("xa1", citizen("VLINH-T04", "OFFICIAL"), YEAR);
        assessments.saveScores(user("xa1"), otherGroup, entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9),
                version(otherGroup));

        MvcResult result = mvc.perform(post("/assessments/bulk/submit").with(as("xa1")).with(csrf())
                        .param("year", String.valueOf(YEAR)).param("unit", "VLINH-T04").param("group", "FARMER")
                        .param("state", "").param("result", "ALL"))
                .andExpect(redirectedUrl("/assessments/bulk/result"))
                .andReturn();
        BulkReport report = (BulkReport) result.getFlashMap().get("report");
        assertThat(report.outcomes()).extracting(BulkOutcome::assessmentId)
                .containsExactlyInAnyOrder(complete, partial);
        BulkOutcome ok = report.outcomes().stream().filter(o -> o.assessmentId() == complete).findFirst().orElseThrow();
        BulkOutcome refused = report.outcomes().stream().filter(o -> o.assessmentId() == partial).findFirst()
                .orElseThrow();
        assertThat(ok.ok()).isTrue();
        assertThat(refused.ok()).isFalse();
        assertThat(refused.messageKey()).isEqualTo("assessment.bulk.incomplete");
        assertThat(refused.arguments()).containsExactly("3, 6");
        assertThat(state(complete)).isEqualTo("SUBMITTED");
        assertThat(state(partial)).isEqualTo("DRAFT");
        // outside the filter (another target group): untouched
        assertThat(state(otherGroup)).isEqualTo("DRAFT");

        // the result page shows each row
        mvc.perform(get("/assessments/bulk/result").with(as("xa1")).with(flashed(Map.of("report", report,
                        "back", "/assessments?year=" + YEAR))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"outcome-" + complete + "\"")))
                .andExpect(content().string(containsString("Thành công: 1 phiếu. Không thực hiện: 1 phiếu.")))
                .andExpect(content().string(containsString("Chưa chấm đủ hoặc có điểm không hợp lệ (chỉ số 3, 6).")));
        // without a report, back to the list
        mvc.perform(get("/assessments/bulk/result").with(as("xa1"))).andExpect(redirectedUrl("/assessments"));
    }

    @Test
    void verify_selected_takes_the_self_scores_and_reports_rows_it_could_not_verify() throws Exception {
        long first = submitted(entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
        long second = submitted(entries(7, 7, 7, 7, 4, 7, 7, 7, 7, 7));
        long draft = start("thon1", citizen("VLINH-T01", "WORKER"), YEAR);
        // thon1 typed this one's scores: separation of duties refuses it
        long own = submittedBy("thon1", entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
        long ownVersion = version(own);

        MvcResult result = mvc.perform(post("/assessments/bulk/verify").with(as("thon1")).with(csrf())
                        .param("ids", String.valueOf(first), String.valueOf(second), String.valueOf(draft),
                                String.valueOf(own))
                        .param("back", "/assessments?year=" + YEAR))
                .andExpect(redirectedUrl("/assessments/bulk/result"))
                .andReturn();
        BulkReport report = (BulkReport) result.getFlashMap().get("report");
        assertThat(report.outcomes()).extracting(BulkOutcome::assessmentId)
                .containsExactly(first, second, draft, own);
        assertThat(report.outcomes()).extracting(BulkOutcome::ok).containsExactly(true, true, false, false);
        assertThat(report.outcomes().get(2).messageKey()).isEqualTo("assessment.action.wrongState");
        assertThat(report.outcomes().get(3).messageKey()).isEqualTo("assessment.verify.ownEntry");
        assertThat(state(own)).isEqualTo("SUBMITTED");
        assertThat(version(own)).isEqualTo(ownVersion);
        // the report says why, in words
        mvc.perform(get("/assessments/bulk/result").with(as("thon1")).with(flashed(Map.of("report", report,
                        "back", "/assessments?year=" + YEAR))))
                .andExpect(content().string(containsString("không được thẩm định nó")));
        assertThat(result.getFlashMap().get("back")).isEqualTo("/assessments?year=" + YEAR);

        Map<String, Object> verified = row(first);
        assertThat(verified.get("state")).isEqualTo("VERIFIED");
        assertThat(verified.get("verified_total")).isEqualTo(90);
        assertThat(verified.get("verified_passed")).isEqualTo(true);
        assertThat(verified.get("verified_by")).isEqualTo("thon1");
        assertThat(row(second).get("verified_passed")).isEqualTo(false);
        assertThat(row(second).get("has_digital_skills")).isEqualTo(false);
        assertThat(state(draft)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select count(*) from assessment_score where assessment_id = ? "
                + "and verified_score = self_score", Integer.class, first)).isEqualTo(10);
    }

    @Test
    void a_selected_id_outside_the_users_reach_refuses_the_whole_request() throws Exception {
        long mine = submitted(entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
        long otherHamlet = start("xa1", citizen("VLINH-T02", "FARMER"), YEAR);
        long version = assessments.saveScores(user("xa1"), otherHamlet, entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9),
                version(otherHamlet));
        assessments.submit(user("xa1"), otherHamlet, version);
        mvc.perform(post("/assessments/bulk/verify").with(as("thon1")).with(csrf())
                        .param("ids", String.valueOf(mine), String.valueOf(otherHamlet)))
                .andExpect(status().isForbidden());
        assertThat(state(mine)).isEqualTo("SUBMITTED");
        assertThat(state(otherHamlet)).isEqualTo("SUBMITTED");
        // the back link only ever leads to the assessment pages
        MvcResult result = mvc.perform(post("/assessments/bulk/verify").with(as("thon1")).with(csrf())
                        .param("ids", String.valueOf(mine)).param("back", "https://example.org/"))
                .andReturn();
        assertThat(result.getFlashMap().get("back")).isEqualTo("/assessments");
    }

    @Test
    void the_list_filters_by_state_group_and_result() throws Exception {
        long passed = submitted(entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
        long failed = submitted(entries(5, 5, 5, 5, 5, 5, 5, 5, 5, 5));
        long pending = start("thon1", citizen("VLINH-T01", "WORKER"), YEAR);
        String base = "/assessments?year=" + YEAR + "&unit=VLINH-T01";
        mvc.perform(get(base + "&result=PASSED").with(as("thon1")))
                .andExpect(content().string(containsString("id=\"row-" + passed + "\"")))
                .andExpect(content().string(not(containsString("id=\"row-" + failed + "\""))));
        mvc.perform(get(base + "&result=FAILED").with(as("thon1")))
                .andExpect(content().string(containsString("id=\"row-" + failed + "\"")))
                .andExpect(content().string(not(containsString("id=\"row-" + passed + "\""))));
        mvc.perform(get(base + "&result=PENDING&state=DRAFT&group=WORKER").with(as("thon1")))
                .andExpect(content().string(containsString("id=\"row-" + pending + "\"")))
                .andExpect(content().string(not(containsString("id=\"row-" + passed + "\""))));
        // only submitted rows can be ticked for verification, and not those the user typed
        long own = submittedBy("thon1", entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
        mvc.perform(get(base).with(as("thon1")))
                .andExpect(content().string(containsString("id=\"select-" + passed + "\"")))
                .andExpect(content().string(containsString("id=\"row-" + own + "\"")))
                .andExpect(content().string(not(containsString("id=\"select-" + own + "\""))))
                .andExpect(content().string(not(containsString("id=\"select-" + pending + "\""))));
    }

    /** Entered and submitted by xa1, for thon1 to verify. */
    private long submitted(Map<String, ScoreEntry> scores) throws Exception {
        return submittedBy("xa1", scores);
    }

    private long submittedBy(String username, Map<String, ScoreEntry> scores) throws Exception {
        long id = start(username, citizen("VLINH-T01", "FARMER"), YEAR);
        long version = assessments.saveScores(user(username), id, scores, version(id));
        assessments.submit(user(username), id, version);
        return id;
    }
}
