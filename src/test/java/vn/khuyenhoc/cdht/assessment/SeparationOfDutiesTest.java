package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Separation of duties: whoever entered or last changed an assessment's self-scores does not verify it, wherever
 * they try (page, forced request, bulk), while the province keeps the rule, which is on by default and changed by
 * admins and province officers of the province only.
 */
class SeparationOfDutiesTest extends AssessmentTestSupport {

    private static final int YEAR = 2024;

    @AfterEach
    void ruleBackOn() {
        jdbc.update("delete from assessment_setting");
    }

    @Test
    void the_entrant_has_no_verify_button_and_a_forced_request_changes_nothing() throws Exception {
        long id = submittedBy("xa1", "VLINH-T01");
        long version = version(id);
        String page = mvc.perform(get("/assessments/{id}", id).with(as("xa1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("id=\"verify-assessment\"").contains("id=\"return-assessment\"");
        // who started, who entered the scores and who submitted are on the page
        assertThat(page).contains("id=\"started-by\"", "id=\"scores-by\"", "id=\"submitted-by\"");
        mvc.perform(get("/assessments/{id}/verify", id).with(as("xa1")))
                .andExpect(redirectedUrl("/assessments/" + id))
                .andExpect(flash().attribute("assessmentFailure", "assessment.verify.ownEntry"));
        mvc.perform(scores("/assessments/" + id + "/verify", version, all(9), Map.of()).with(as("xa1")))
                .andExpect(redirectedUrl("/assessments/" + id))
                .andExpect(flash().attribute("assessmentFailure", "assessment.verify.ownEntry"));
        mvc.perform(get("/assessments/{id}", id).with(as("xa1")).with(flashed(Map.of("assessmentFailure",
                        "assessment.verify.ownEntry", "assessmentFailureArgs", new Object[0]))))
                .andExpect(content().string(containsString("không được thẩm định nó")));
        assertThat(state(id)).isEqualTo("SUBMITTED");
        assertThat(version(id)).isEqualTo(version);
        assertThat(row(id).get("verified_total")).isNull();
        assertThatThrownBy(() -> assessments.verify(user("xa1"), id, entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9),
                version)).hasMessageContaining("assessment.verify.ownEntry");

        // the hamlet's verifier sees the button and verifies
        mvc.perform(get("/assessments/{id}", id).with(as("thon1")))
                .andExpect(content().string(containsString("id=\"verify-assessment\"")));
        mvc.perform(scores("/assessments/" + id + "/verify", version, all(9), Map.of()).with(as("thon1")))
                .andExpect(redirectedUrl("/assessments/" + id));
        assertThat(state(id)).isEqualTo("VERIFIED");
        assertThat(row(id).get("verified_by")).isEqualTo("thon1");
    }

    @Test
    void whoever_entered_first_and_whoever_changed_last_are_both_kept_out() throws Exception {
        long id = start("thon1", citizen("VLINH-T01", "FARMER"), YEAR);
        long version = assessments.saveScores(user("thon1"), id, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), version(id));
        // xa1 corrects one score and submits
        version = assessments.saveScores(user("xa1"), id, entries(8, 8, 8, 8, 8, 9, 8, 8, 8, 8), version);
        version = assessments.submit(user("xa1"), id, version);
        assertThat(row(id).get("scores_entered_by")).isEqualTo("thon1");
        assertThat(row(id).get("scores_changed_by")).isEqualTo("xa1");
        long submitted = version;
        for (String entrant : new String[] {"thon1", "xa1"}) {
            assertThatThrownBy(() -> assessments.verify(user(entrant), id, entries(8, 8, 8, 8, 8, 9, 8, 8, 8, 8),
                    submitted)).hasMessageContaining("assessment.verify.ownEntry");
        }
        // saving the same scores again does not make one an entrant
        long other = start("thon1", citizen("VLINH-T01", "FARMER"), YEAR);
        long v = assessments.saveScores(user("thon1"), other, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), version(other));
        v = assessments.saveScores(user("xa1"), other, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), v);
        v = assessments.submit(user("xa1"), other, v);
        assessments.verify(user("xa1"), other, entries(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), v);
        assertThat(state(other)).isEqualTo("VERIFIED");
        // the admin typed nothing here
        assessments.verify(user("admin"), id, entries(8, 8, 8, 8, 8, 9, 8, 8, 8, 8), submitted);
        assertThat(state(id)).isEqualTo("VERIFIED");
    }

    @Test
    void a_province_may_turn_the_rule_off_on_its_settings_page() throws Exception {
        long province = unitId("QT");
        mvc.perform(get("/assessments/settings").with(as("tinh")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"separationOfDuties\"")))
                .andExpect(content().string(containsString("checked")));
        // the rule's entry link is on the list for managers only
        mvc.perform(get("/assessments").with(as("tinh")))
                .andExpect(content().string(containsString("id=\"settings-link\"")));
        mvc.perform(get("/assessments").with(as("xa1")))
                .andExpect(content().string(not(containsString("id=\"settings-link\""))));
        mvc.perform(post("/assessments/settings").with(as("tinh")).with(csrf())
                        .param("province", String.valueOf(province)))
                .andExpect(redirectedUrl("/assessments/settings?province=" + province));
        assertThat(jdbc.queryForObject("select separation_of_duties from assessment_setting "
                + "where province_unit_id = ?", Boolean.class, province)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = "
                + "'ASSESSMENT_SETTING_UPDATED' and entity_id = ?", Integer.class, province)).isEqualTo(1);

        long id = submittedBy("xa1", "VLINH-T02");
        mvc.perform(get("/assessments/{id}", id).with(as("xa1")))
                .andExpect(content().string(containsString("id=\"verify-assessment\"")));
        assessments.verify(user("xa1"), id, entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9), version(id));
        assertThat(state(id)).isEqualTo("VERIFIED");

        // a stale form is refused: the version it showed is no longer the stored one
        mvc.perform(post("/assessments/settings").with(as("tinh")).with(csrf())
                        .param("province", String.valueOf(province)).param("separationOfDuties", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"setting-failure\"")));
        assertThat(jdbc.queryForObject("select separation_of_duties from assessment_setting "
                + "where province_unit_id = ?", Boolean.class, province)).isFalse();
    }

    @Test
    void only_admins_and_the_provinces_own_officers_reach_the_setting() throws Exception {
        long province = unitId("QT");
        for (String user : new String[] {"xa1", "thon1", "xem"}) {
            mvc.perform(get("/assessments/settings").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/assessments/settings").with(as(user)).with(csrf())
                    .param("province", String.valueOf(province))).andExpect(status().isForbidden());
        }
        // a province outside the officer's subtree
        long elsewhere = otherProvince();
        mvc.perform(get("/assessments/settings").param("province", String.valueOf(elsewhere)).with(as("tinh")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/settings").with(as("tinh")).with(csrf())
                .param("province", String.valueOf(elsewhere))).andExpect(status().isForbidden());
        // a unit that is not a province
        mvc.perform(get("/assessments/settings").param("province", String.valueOf(unitId("N-VLINH")))
                .with(as("tinh"))).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/settings").param("province", String.valueOf(elsewhere)).with(as("admin")))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from assessment_setting", Integer.class)).isZero();
    }

    private long submittedBy(String username, String hamlet) throws Exception {
        long id = start(username, citizen(hamlet, "FARMER"), YEAR);
        long version = assessments.saveScores(user(username), id, entries(9, 9, 9, 9, 9, 9, 9, 9, 9, 9),
                version(id));
        assessments.submit(user(username), id, version);
        return id;
    }

    /** A second province beside Quảng Trị, made once. */
    private long otherProvince() {
        if (jdbc.queryForObject("select count(*) from admin_unit where code = 'SD-P2'", Integer.class) == 0) {
            long country = jdbc.queryForObject("select parent_id from admin_unit where id = ?", Long.class,
                    unitId("QT"));
            String path = jdbc.queryForObject("select path from admin_unit where id = ?", String.class, country);
            long id = jdbc.queryForObject("select nextval('admin_unit_seq')", Long.class);
            jdbc.update("""
                    insert into admin_unit (id, code, name, search_name, level_code, parent_id, path, depth,
                        valid_from, created_at, updated_at)
                    values (?, 'SD-P2', 'Tỉnh Thử Tách Bạch', 'tinh thu tach bach', 'province', ?, ?, 1,
                        date '2025-07-01', current_timestamp, current_timestamp)""", id, country, path + id + "/");
        }
        return unitId("SD-P2");
    }
}
