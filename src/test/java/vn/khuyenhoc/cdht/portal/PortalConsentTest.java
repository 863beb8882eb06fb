package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import vn.khuyenhoc.cdht.assessment.AssessmentBulkImport;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.assessment.ImportRowCheck;

/**
 * Consent on the portal, through HTTP on PostgreSQL: no form (GET or POST, evidence included) before consent to the
 * notice in force, and nothing stored; consent recorded with the notice version, time and channel; a new version
 * asks again; withdrawal (after a confirmation page) stops the portal and staff see it on the assessment, where
 * they may not verify it until the citizen consents again; another commune's officer sees nothing of it.
 */
class PortalConsentTest extends PortalTestSupport {

    @Autowired
    private AssessmentBulkImport bulkImport;

    @Test
    void the_form_needs_consent_to_the_notice_and_the_consent_is_recorded_with_its_version() throws Exception {
        long citizen = citizen(HAMLET, 1971);
        Cookie session = signInWithoutConsent(citizen, 1971, "10.21.0.1");
        int version = noticeVersion();

        // GET and every POST of the form, and the evidence upload, go to the notice; nothing is stored
        mvc.perform(get("/c/a").cookie(session)).andExpect(redirectedUrl("/c/notice"));
        for (String url : List.of("/c/a", "/c/a/submit", "/c/a/preview")) {
            mvc.perform(scores(url, 0, all(8)).cookie(session)).andExpect(redirectedUrl("/c/notice"));
        }
        mvc.perform(multipart("/c/evidence").file(new MockMultipartFile("file", "anh.jpg", "image/jpeg",
                new byte[] {1, 2, 3})).param("indicator", "1").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/c/notice"));
        assertThat(assessmentOf(citizen)).as("no assessment started without consent").isNull();
        assertThat(consents(citizen)).isEmpty();

        // the notice: its text and version, and the button
        mvc.perform(get("/c/notice").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"consent-needed\"")))
                .andExpect(content().string(containsString("Phiên bản " + version)))
                .andExpect(content().string(containsString("id=\"notice-text\"")))
                .andExpect(content().string(containsString("id=\"give-consent\"")));
        // the first version is the seeded Vietnamese default
        assertThat(jdbc.queryForObject("select body from portal_notice where version_no = 1", String.class))
                .startsWith("THÔNG BÁO VỀ XỬ LÝ DỮ LIỆU CÁ NHÂN").contains("Mục đích").contains("Thời gian lưu trữ");
        // a forged version is refused with a message, nothing recorded
        mvc.perform(post("/c/notice/consent").with(csrf()).cookie(session).param("version", "0x1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Thông báo vừa được cập nhật")));
        assertThat(consents(citizen)).isEmpty();

        consent(session);
        List<Map<String, Object>> rows = consents(citizen);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("kind", "GIVEN").containsEntry("channel", "PORTAL")
                .containsEntry("notice_version", version);
        assertThat(rows.get(0).get("recorded_at")).isNotNull();
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"self-form\"")))
                .andExpect(content().string(containsString("id=\"to-notice\"")));
        assertThat(assessmentOf(citizen)).isNotNull();
        mvc.perform(get("/c/notice").cookie(session))
                .andExpect(content().string(containsString("id=\"consent-current\"")))
                .andExpect(content().string(containsString("id=\"withdraw-link\"")));
        // consenting twice records nothing new
        consent(session);
        assertThat(consents(citizen)).hasSize(1);
        // the consent holds for the citizen, not the session: a new sign-in goes straight to the form
        Cookie again = signInWithoutConsent(citizen, 1971, "10.21.0.2");
        mvc.perform(get("/c/a").cookie(again)).andExpect(status().isOk());
    }

    @Test
    void a_new_notice_version_asks_for_consent_again() throws Exception {
        long citizen = citizen(HAMLET, 1973);
        Cookie session = signIn(citizen, 1973, "10.22.0.1");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk());
        long id = assessmentOf(citizen);
        long before = version(id);
        int old = noticeVersion();

        mvc.perform(post("/portal/notice").with(as("admin")).with(csrf())
                .param("body", "Phiên bản mới của thông báo " + System.nanoTime()).param("basedOn", "" + old))
                .andExpect(redirectedUrl("/portal/notice"));
        assertThat(noticeVersion()).isEqualTo(old + 1);

        mvc.perform(get("/c/a").cookie(session)).andExpect(redirectedUrl("/c/notice"));
        mvc.perform(scores("/c/a", before, all(7)).cookie(session)).andExpect(redirectedUrl("/c/notice"));
        assertThat(version(id)).isEqualTo(before);
        mvc.perform(get("/c/notice").cookie(session))
                .andExpect(content().string(containsString("id=\"consent-outdated\"")))
                .andExpect(content().string(containsString("Phiên bản mới của thông báo")));
        // consenting to the version read before is not consent to the new one
        mvc.perform(post("/c/notice/consent").with(csrf()).cookie(session).param("version", "" + old))
                .andExpect(content().string(containsString("id=\"problem\"")));
        assertThat(consents(citizen)).hasSize(1);

        consent(session);
        List<Map<String, Object>> rows = consents(citizen);
        assertThat(rows).extracting(r -> r.get("notice_version")).containsExactly(old, old + 1);
        mvc.perform(scores("/c/a", before, all(7)).cookie(session)).andExpect(redirectedUrl("/c/a?done=saved"));
        assertThat(version(id)).isGreaterThan(before);
    }

    @Test
    void withdrawal_stops_the_portal_and_staff_may_not_verify_until_consent_is_given_again() throws Exception {
        long citizen = citizen(HAMLET, 1974);
        Cookie session = signIn(citizen, 1974, "10.23.0.1");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk());
        long id = assessmentOf(citizen);
        mvc.perform(scores("/c/a/submit", version(id), all(8)).cookie(session))
                .andExpect(redirectedUrl("/c/a?done=submitted"));

        // a confirmation page, then the withdrawal
        mvc.perform(get("/c/notice/withdraw").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirm-withdraw\"")));
        mvc.perform(post("/c/notice/withdraw").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/c/notice?done=withdrawn"));
        List<Map<String, Object>> rows = consents(citizen);
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("GIVEN", "WITHDRAWN");
        assertThat(rows.get(1)).containsEntry("channel", "PORTAL").containsEntry("notice_version", noticeVersion());
        mvc.perform(get("/c/notice?done=withdrawn").cookie(session))
                .andExpect(content().string(containsString("id=\"consent-withdrawn\"")))
                .andExpect(content().string(containsString("id=\"give-consent\"")));
        // withdrawing again: nothing to withdraw
        mvc.perform(post("/c/notice/withdraw").with(csrf()).cookie(session))
                .andExpect(content().string(containsString("id=\"problem\"")));
        assertThat(consents(citizen)).hasSize(2);

        // the portal accepts nothing more
        long submitted = version(id);
        mvc.perform(get("/c/a").cookie(session)).andExpect(redirectedUrl("/c/notice"));
        mvc.perform(scores("/c/a", submitted, all(9)).cookie(session)).andExpect(redirectedUrl("/c/notice"));
        assertThat(version(id)).isEqualTo(submitted);

        // staff see it on the assessment and may not verify it
        mvc.perform(get("/assessments/" + id).with(as("thon1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"consent-withdrawn\"")))
                .andExpect(content().string(containsString("đã rút lại sự đồng ý")))
                .andExpect(content().string(not(containsString("id=\"verify-assessment\""))));
        mvc.perform(get("/assessments/" + id + "/verify").with(as("thon1")))
                .andExpect(redirectedUrl("/assessments/" + id));
        mvc.perform(scores("/assessments/" + id + "/verify", submitted, all(8)).with(as("thon1")))
                .andExpect(redirectedUrl("/assessments/" + id))
                .andExpect(flash().attribute("assessmentFailure", "assessment.consent.withdrawn"));
        assertThat(jdbc.queryForObject("select state from assessment where id = ?", String.class, id))
                .isEqualTo("SUBMITTED");
        // nor through the import's verification sheet
        Map<String, Integer> verified = new java.util.LinkedHashMap<>();
        CODES.forEach(code -> verified.put(code, 8));
        AssessmentBulkImport.Existing stored = bulkImport.find(List.of(citizen), List.of(YEAR)).get(0);
        assertThat(bulkImport.check(user("thon1"), AssessmentState.SUBMITTED).check(stored, unitId(HAMLET), YEAR,
                "FARMER", Map.of(), verified).problems()).extracting(ImportRowCheck.Problem::messageKey)
                .contains("assessment.consent.withdrawn");
        assertThat(version(id)).isEqualTo(submitted);
        // an officer of another commune sees neither the assessment nor its consent state
        for (String outsider : List.of("xa2")) {
            mvc.perform(get("/assessments/" + id).with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(scores("/assessments/" + id + "/verify", submitted, all(8)).with(as(outsider)))
                    .andExpect(status().isForbidden());
        }

        // consenting again lifts it
        consent(session);
        mvc.perform(get("/assessments/" + id).with(as("thon1")))
                .andExpect(content().string(not(containsString("id=\"consent-withdrawn\""))))
                .andExpect(content().string(containsString("id=\"verify-assessment\"")));
        mvc.perform(scores("/assessments/" + id + "/verify", submitted, all(8)).with(as("thon1")))
                .andExpect(redirectedUrl("/assessments/" + id));
        assertThat(jdbc.queryForObject("select state from assessment where id = ?", String.class, id))
                .isEqualTo("VERIFIED");
    }

    private List<Map<String, Object>> consents(long citizen) {
        return jdbc.queryForList("select notice_version, kind, channel, recorded_at from portal_consent "
                + "where citizen_id = ? order by id", citizen);
    }
}
