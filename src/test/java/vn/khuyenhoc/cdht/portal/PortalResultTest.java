package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;

/**
 * The citizen learns the result on their own page: the state, then the verified scores with the competencies'
 * subtotals, then the recognition decision's number and date once it is issued (a draft says nothing yet), and a
 * revocation with its reason. Another citizen's page shows none of it.
 */
class PortalResultTest extends PortalTestSupport {

    private static final int NUMBER = 9017;

    @Autowired
    private Assessments assessments;

    @Test
    void the_portal_shows_the_state_the_verified_scores_and_the_decision_once_issued() throws Exception {
        long citizen = citizen(HAMLET, 1975);
        Cookie session = signIn(citizen, 1975, "10.9.0.1");
        page(session);
        long id = assessmentOf(citizen);
        mvc.perform(scores("/c/a/submit", version(id), all(9)).cookie(session))
                .andExpect(redirectedUrl("/c/a?done=submitted"));
        assertThat(mvc.perform(get("/c/a").param("done", "submitted").cookie(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Chờ thẩm định",
                "kết quả thẩm định và quyết định công nhận sẽ hiện ở trang này")
                .doesNotContain("id=\"verified-result\"", "id=\"recognition\"");

        // the hamlet's verifier lowers one score
        Map<String, ScoreEntry> verified = new LinkedHashMap<>();
        for (String code : CODES) {
            verified.put(code, code.equals("6") ? new ScoreEntry(7, "Chưa có chứng chỉ ngoại ngữ")
                    : new ScoreEntry(9, null));
        }
        assessments.verify(user("thon1"), id, verified, version(id));
        String checked = page(session);
        assertThat(checked).contains("id=\"verified-result\"", "id=\"verified-total\">88<",
                "Đạt (theo điểm cán bộ thẩm định).", "Sử dụng các công cụ tương tác: 34/40",
                "Tự học và học tập suốt đời: 36/40", "id=\"awaiting-decision\"");

        // a draft decision says nothing yet; the issued one does
        String location = mvc.perform(post("/recognition/new").with(csrf()).with(as("xa1")).param("unitCode", "N-VLINH")
                        .param("year", String.valueOf(YEAR)).param("number", String.valueOf(NUMBER))
                        .param("issuedOn", "20/12/" + YEAR).param("issuerKind", "COMMUNE_HKH")
                        .param("issuerName", "Hội Khuyến học xã Vĩnh Linh").param("placeName", "Vĩnh Linh")
                        .param("signerName", "Lê Thị Hồng Nhung").param("signerTitle", "CHỦ TỊCH")
                        .param("legalBasis", "Căn cứ Điều lệ Hội Khuyến học Việt Nam;").param("version", "0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long decision = Long.parseLong(location.replaceAll("\\D+", ""));
        assertThat(jdbc.queryForObject("select count(*) from recognition_item where decision_id = ? "
                + "and assessment_id = ?", Integer.class, decision, id)).isEqualTo(1);
        assertThat(page(session)).doesNotContain("id=\"recognition\"");
        mvc.perform(post("/recognition/{id}/issue", decision).with(csrf()).with(as("xa1"))
                .param("version", String.valueOf(decisionVersion(decision)))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from recognition_decision where id = ?", String.class,
                decision)).isEqualTo("ISSUED");
        assertThat(page(session)).contains("id=\"recognised\"", "Bạn đã được công nhận danh hiệu",
                "Quyết định số " + NUMBER + "/QĐ-HKH ngày 20/12/" + YEAR + " của Hội Khuyến học xã Vĩnh Linh");

        long item = jdbc.queryForObject("select id from recognition_item where decision_id = ? and assessment_id = ?",
                Long.class, decision, id);
        mvc.perform(post("/recognition/{id}/items/{i}/revoke", decision, item).with(csrf()).with(as("xa1"))
                .param("reason", "Khai sai minh chứng")).andExpect(status().is3xxRedirection());
        assertThat(page(session)).contains("id=\"revoked\"", "đã bị thu hồi ngày", "Khai sai minh chứng")
                .doesNotContain("id=\"recognised\"");

        // another citizen's page says nothing of it
        long other = citizen(HAMLET, 1976);
        assertThat(page(signIn(other, 1976, "10.9.0.2"))).doesNotContain("id=\"recognition\"",
                "id=\"verified-result\"");
    }

    private String page(Cookie session) throws Exception {
        return mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long decisionVersion(long id) {
        return jdbc.queryForObject("select version from recognition_decision where id = ?", Long.class, id);
    }
}
