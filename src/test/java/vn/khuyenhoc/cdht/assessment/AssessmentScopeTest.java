package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every assessment endpoint against users whose unit does not cover the record (xa2 on Xã Vĩnh Linh's
 * assessments, thon1 on another hamlet's) and against the read-only roles (tinh, xem): refused, and nothing
 * changes — no state, version, score or audit line.
 */
class AssessmentScopeTest extends AssessmentTestSupport {

    private static final int YEAR = 2022;

    private long citizen;
    private long draftId;
    private long submittedId;

    @BeforeEach
    void assessmentsInAnotherHamletOfXa1() throws Exception {
        citizen = citizen("VLINH-T02", "FARMER");
        long other = citizen("VLINH-T02", "WORKER");
        draftId = start("xa1", citizen, YEAR);
        // complete, so that a leaking bulk submit would move it
        assessments.saveScores(user("xa1"), draftId, entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9), version(draftId));
        submittedId = start("xa1", other, YEAR);
        long version = assessments.saveScores(user("xa1"), submittedId, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8),
                version(submittedId));
        assessments.submit(user("xa1"), submittedId, version);
    }

    @Test
    void every_endpoint_refuses_users_outside_the_unit_and_nothing_changes() throws Exception {
        Map<String, Object> draftBefore = row(draftId);
        Map<String, Object> submittedBefore = row(submittedId);
        int auditBefore = auditCount(draftId) + auditCount(submittedId);
        long fresh = citizen("VLINH-T02", "OFFICIAL");
        for (String outsider : List.of("xa2", "thon1")) {
            for (MockHttpServletRequestBuilder request : reads()) {
                mvc.perform(request.with(as(outsider))).andExpect(status().isForbidden());
            }
            for (MockHttpServletRequestBuilder request : writes(fresh)) {
                mvc.perform(request.with(as(outsider))).andExpect(status().isForbidden());
            }
            mvc.perform(get("/assessments/new").param("citizen", String.valueOf(fresh)).with(as(outsider)))
                    .andExpect(status().isForbidden());
        }
        assertUnchanged(draftBefore, submittedBefore, auditBefore, fresh);
    }

    @Test
    void read_only_roles_read_but_every_write_is_refused_and_nothing_changes() throws Exception {
        Map<String, Object> draftBefore = row(draftId);
        Map<String, Object> submittedBefore = row(submittedId);
        int auditBefore = auditCount(draftId) + auditCount(submittedId);
        long fresh = citizen("VLINH-T02", "OFFICIAL");
        for (String reader : List.of("tinh", "xem")) {
            for (MockHttpServletRequestBuilder request : reads()) {
                mvc.perform(request.with(as(reader))).andExpect(status().isOk());
            }
            for (MockHttpServletRequestBuilder request : writes(fresh)) {
                mvc.perform(request.with(as(reader))).andExpect(status().isForbidden());
            }
            mvc.perform(post("/assessments/bulk/submit").with(as(reader)).with(csrf())
                            .param("year", String.valueOf(YEAR)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/assessments/{id}", submittedId).with(as(reader)))
                    .andExpect(content().string(not(containsString("id=\"verify-assessment\""))))
                    .andExpect(content().string(not(containsString("id=\"return-assessment\""))));
        }
        assertUnchanged(draftBefore, submittedBefore, auditBefore, fresh);
    }

    @Test
    void a_verifier_works_in_their_own_hamlet_only() throws Exception {
        // (each verifies what someone else entered: separation of duties is not what this test is about)
        long own = submitted("xa1", "VLINH-T01");
        mvc.perform(get("/assessments/{id}/verify", own).with(as("thon1"))).andExpect(status().isOk());
        mvc.perform(get("/assessments/{id}/verify", submittedId).with(as("thon1")))
                .andExpect(status().isForbidden());
        // and the commune's officer works in every hamlet of the commune
        mvc.perform(get("/assessments/{id}/verify", submitted("thon1", "VLINH-T01")).with(as("xa1")))
                .andExpect(status().isOk());
        mvc.perform(get("/assessments/{id}/verify", submitted("admin", "VLINH-T02")).with(as("xa1")))
                .andExpect(status().isOk());
    }

    private long submitted(String entrant, String hamlet) throws Exception {
        long id = start(entrant, citizen(hamlet, "FARMER"), YEAR);
        long version = assessments.saveScores(user(entrant), id, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), version(id));
        assessments.submit(user(entrant), id, version);
        return id;
    }

    @Test
    void lists_show_only_the_users_subtree_and_unknown_ids_are_not_found() throws Exception {
        mvc.perform(get("/assessments").param("year", String.valueOf(YEAR)).with(as("xa2")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/assessments/" + draftId + "\""))))
                .andExpect(content().string(not(containsString("/assessments/" + submittedId + "\""))));
        mvc.perform(get("/assessments").param("year", String.valueOf(YEAR)).param("unit", "VLINH-T02")
                        .with(as("xa2")))
                .andExpect(model().attribute("unitUnknown", true))
                .andExpect(content().string(not(containsString("/assessments/" + draftId + "\""))));
        mvc.perform(get("/assessments").param("year", String.valueOf(YEAR)).with(as("thon1")))
                .andExpect(content().string(not(containsString("/assessments/" + draftId + "\""))));
        mvc.perform(get("/assessments").param("year", String.valueOf(YEAR)).with(as("xa1")))
                .andExpect(content().string(containsString("/assessments/" + draftId + "\"")))
                .andExpect(content().string(containsString("/assessments/" + submittedId + "\"")));
        long waiting = citizen("VLINH-T02", "FARMER");
        mvc.perform(get("/assessments/not-started").param("year", String.valueOf(YEAR)).with(as("xa2")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/citizens/" + waiting + "\""))));
        mvc.perform(get("/assessments/not-started").param("year", String.valueOf(YEAR)).param("unit", "VLINH-T02")
                        .with(as("xa1")))
                .andExpect(content().string(containsString("/citizens/" + waiting + "\"")))
                .andExpect(content().string(not(containsString("/citizens/" + citizen + "\""))));
        for (String path : List.of("/assessments/987654321", "/assessments/987654321/history",
                "/assessments/987654321/edit")) {
            mvc.perform(get(path).with(as("admin"))).andExpect(status().isNotFound());
        }
    }

    /** Pages that only read: the assessment and its history. */
    private List<MockHttpServletRequestBuilder> reads() {
        return List.of(get("/assessments/{id}", draftId), get("/assessments/{id}/history", draftId),
                get("/assessments/{id}", submittedId), get("/assessments/{id}/history", submittedId));
    }

    /** Every endpoint that writes, or opens a form to write, on the two assessments; and a start for fresh. */
    private List<MockHttpServletRequestBuilder> writes(long fresh) {
        return List.of(
                get("/assessments/{id}/edit", draftId),
                scores("/assessments/" + draftId + "/edit", version(draftId), all(5), Map.of()),
                scores("/assessments/" + draftId + "/preview", version(draftId), all(5), Map.of()),
                post("/assessments/{id}/submit", draftId).with(csrf()).param("version",
                        String.valueOf(version(draftId))),
                get("/assessments/{id}/verify", submittedId),
                scores("/assessments/" + submittedId + "/verify", version(submittedId), all(5), Map.of()),
                scores("/assessments/" + submittedId + "/verify/preview", version(submittedId), all(5), Map.of()),
                get("/assessments/{id}/return", submittedId),
                post("/assessments/{id}/return", submittedId).with(csrf())
                        .param("version", String.valueOf(version(submittedId))).param("reason", "Không được"),
                post("/assessments/bulk/verify").with(csrf()).param("ids", String.valueOf(submittedId)),
                post("/assessments/bulk/submit").with(csrf()).param("year", String.valueOf(YEAR))
                        .param("unit", "VLINH-T02"),
                post("/assessments/new").with(csrf()).param("citizen", String.valueOf(fresh))
                        .param("year", String.valueOf(YEAR)));
    }

    private void assertUnchanged(Map<String, Object> draftBefore, Map<String, Object> submittedBefore,
            int auditBefore, long fresh) {
        assertThat(row(draftId)).isEqualTo(draftBefore);
        assertThat(row(submittedId)).isEqualTo(submittedBefore);
        assertThat(auditCount(draftId) + auditCount(submittedId)).isEqualTo(auditBefore);
        assertThat(selfScore(draftId, "1")).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from assessment where citizen_id = ?", Integer.class, fresh))
                .isZero();
    }
}
