package vn.khuyenhoc.cdht.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Every recognition endpoint called by someone whose unit or role does not cover it: another commune's officer
 * (xa2) and a hamlet verifier (thon1) get nothing of Xã Vĩnh Linh's decisions; the province officer and the viewer
 * read them but cannot draft, issue or revoke; only admins and province officers set who issues. Nothing changes.
 */
class RecognitionScopeTest extends RecognitionTestSupport {

    private static final int YEAR = 2023;
    private static final String COMMUNE = "N-VLINH";

    private long issued;
    private long draft;
    private long recognisedItem;
    private long draftItem;
    private List<Long> assessmentIds;

    @BeforeEach
    void decisions() throws Exception {
        long a = verified("xa1", citizen("Phạm Thị Diệu Linh", 1987, "VLINH-T01"), YEAR, true);
        long b = verified("xa1", citizen("Phạm Văn Hữu Nghĩa", 1973, "VLINH-T02"), YEAR, false);
        long c = verified("xa1", citizen("Phạm Thị Hoài Thu", 1994, "VLINH-T03"), YEAR, true);
        issued = draft("xa1", COMMUNE, YEAR, nextNumber());
        pick("xa1", issued, a, b);
        issue("xa1", issued);
        draft = draft("xa1", COMMUNE, YEAR, nextNumber());
        pick("xa1", draft, c);
        recognisedItem = itemId(issued, a);
        draftItem = itemId(draft, c);
        assessmentIds = List.of(a, b, c);
        assertThat(decisionStatus(issued)).isEqualTo("ISSUED");
    }

    @Test
    void another_communes_officer_and_a_hamlet_verifier_get_nothing_and_change_nothing() throws Exception {
        String before = snapshot();
        for (String user : List.of("xa2", "thon1")) {
            for (long id : List.of(issued, draft)) {
                long item = id == issued ? recognisedItem : draftItem;
                for (MockHttpServletRequestBuilder request : reads(id, item)) {
                    expect(request, user, status().isForbidden());
                }
                for (MockHttpServletRequestBuilder request : writes(id, item)) {
                    expect(request, user, status().isForbidden());
                }
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void the_province_officer_and_the_viewer_read_but_cannot_draft_issue_or_revoke() throws Exception {
        String before = snapshot();
        for (String user : List.of("tinh", "xem")) {
            for (long id : List.of(issued, draft)) {
                long item = id == issued ? recognisedItem : draftItem;
                expect(get("/recognition/{id}", id), user, status().isOk());
                expect(get("/recognition/{id}/decision.pdf", id), user, status().isOk());
                expect(get("/recognition/{id}/list.xlsx", id), user, status().isOk());
                for (MockHttpServletRequestBuilder request : writes(id, item)) {
                    expect(request, user, status().isForbidden());
                }
            }
            expect(get("/recognition/{id}/certificates.pdf", issued), user, status().isOk());
            expect(get("/recognition/{id}/items/{i}/certificate.pdf", issued, recognisedItem), user,
                    status().isOk());
            String page = mvc.perform(get("/recognition/{id}", issued).with(as(user))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).doesNotContain("id=\"revoke-", "id=\"edit-decision\"");
        }
        for (String user : List.of("tinh", "xem", "thon1")) {
            expect(get("/recognition/new").param("unit", COMMUNE).param("year", "2023"), user,
                    status().isForbidden());
            expect(draftRequest(COMMUNE, YEAR, nextNumber()), user, status().isForbidden());
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void another_commune_cannot_be_named_on_a_new_draft() throws Exception {
        String before = snapshot();
        String form = mvc.perform(get("/recognition/new").param("unit", COMMUNE).param("year", "2023")
                        .with(as("xa2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("id=\"unit-error\"").doesNotContain("id=\"save-decision\"");
        String refused = mvc.perform(draftRequest(COMMUNE, YEAR, nextNumber()).with(as("xa2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"unit-error\"");
        // the list of another commune's officer shows none of them
        assertThat(mvc.perform(get("/recognition").param("year", "2023").with(as("xa2"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("/recognition/" + issued + "\"");
        assertThat(mvc.perform(get("/recognition").param("year", "2023").with(as("thon1"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"no-decisions\"");
        mvc.perform(get("/recognition/{id}", 987654321L).with(as("xa1"))).andExpect(status().isNotFound());
        mvc.perform(get("/recognition/{id}/items/{i}/revoke", issued, 987654321L).with(as("xa1")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/recognition/{id}/items/{i}/revoke", draft, recognisedItem).with(csrf()).with(as("xa1"))
                .param("reason", "Nhầm quyết định")).andExpect(status().isNotFound());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void only_admins_and_province_officers_set_who_issues_and_new_drafts_follow_it() throws Exception {
        long province = unitId("QT");
        int audit = count("select count(*) from audit_event where action = 'RECOGNITION_SETTING_UPDATED'");
        for (String user : List.of("xa1", "xa2", "thon1", "xem")) {
            expect(get("/recognition/settings"), user, status().isForbidden());
            expect(setting(province, IssuerKind.COMMUNE_PEOPLES_COMMITTEE, ""), user, status().isForbidden());
        }
        // a province officer only for their province, and only for a province
        expect(setting(unitId("VN"), IssuerKind.COMMUNE_PEOPLES_COMMITTEE, ""), "tinh", status().isForbidden());
        expect(setting(unitId(COMMUNE), IssuerKind.COMMUNE_PEOPLES_COMMITTEE, ""), "tinh", status().isNotFound());
        assertThat(count("select count(*) from audit_event where action = 'RECOGNITION_SETTING_UPDATED'"))
                .isEqualTo(audit);

        String page = mvc.perform(get("/recognition/settings").with(as("tinh"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("TM. BAN THƯỜNG TRỰC", "677/QĐ-TTg");
        String version = jdbc.queryForList("select version from recognition_setting where province_unit_id = ?",
                Long.class, province).stream().findFirst().map(String::valueOf).orElse("");
        mvc.perform(setting(province, IssuerKind.COMMUNE_PEOPLES_COMMITTEE, version).with(as("tinh")))
                .andExpect(redirectedUrl("/recognition/settings?province=" + province));
        try {
            String form = mvc.perform(get("/recognition/new").param("unit", COMMUNE).param("year", "2023")
                    .with(as("xa1"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            // form values come back with HTML entities for some letters (xã → x&atilde;)
            assertThat(HtmlUtils.htmlUnescape(form)).contains("Ủy ban nhân dân xã Vĩnh Linh", "CHỦ TỊCH ỦY BAN",
                    "value=\"COMMUNE_PEOPLES_COMMITTEE\" selected=\"selected\"");
            assertThat(jdbc.queryForObject("select reason is null and details like '%COMMUNE_PEOPLES_COMMITTEE%' "
                    + "from audit_event where action = 'RECOGNITION_SETTING_UPDATED' and actor = 'tinh' "
                    + "order by id desc limit 1", Boolean.class)).isTrue();
        } finally {
            // back to the defaults, for the other classes' drafts
            long saved = jdbc.queryForObject("select version from recognition_setting where province_unit_id = ?",
                    Long.class, province);
            mvc.perform(post("/recognition/settings").param("province", String.valueOf(province)).with(csrf())
                    .with(as("admin")).param("issuerKind", "COMMUNE_HKH")
                    .param("signerTitle", "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH")
                    .param("legalBasis", jdbc.queryForObject("select legal_basis from recognition_setting "
                            + "where province_unit_id = ?", String.class, province))
                    .param("version", String.valueOf(saved))).andExpect(status().is3xxRedirection());
        }
    }

    private MockHttpServletRequestBuilder setting(long province, IssuerKind kind, String version) {
        return post("/recognition/settings").param("province", String.valueOf(province)).with(csrf())
                .param("issuerKind", kind.name()).param("signerTitle", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH ỦY BAN")
                .param("legalBasis", "Căn cứ Luật Tổ chức chính quyền địa phương;\nCăn cứ Quyết định số 677/QĐ-TTg;")
                .param("version", version);
    }

    private List<MockHttpServletRequestBuilder> reads(long id, long item) {
        return List.of(get("/recognition/{id}", id), get("/recognition/{id}/decision.pdf", id),
                get("/recognition/{id}/certificates.pdf", id),
                get("/recognition/{id}/items/{i}/certificate.pdf", id, item),
                get("/recognition/{id}/list.xlsx", id));
    }

    private List<MockHttpServletRequestBuilder> writes(long id, long item) {
        String version = String.valueOf(decisionVersion(id));
        return List.of(get("/recognition/{id}/edit", id),
                editRequest(id, nextNumber(), "Người Ngoài Phạm Vi", decisionVersion(id)),
                get("/recognition/{id}/pick", id),
                post("/recognition/{id}/pick", id).with(csrf()).param("version", version)
                        .param("assessment", String.valueOf(assessmentIds.get(2))),
                get("/recognition/{id}/issue", id),
                post("/recognition/{id}/issue", id).with(csrf()).param("version", version),
                get("/recognition/{id}/delete", id),
                post("/recognition/{id}/delete", id).with(csrf()).param("version", version),
                get("/recognition/{id}/items/{i}/revoke", id, item),
                post("/recognition/{id}/items/{i}/revoke", id, item).with(csrf()).param("reason", "Thử thu hồi"));
    }

    private void expect(MockHttpServletRequestBuilder request, String user, ResultMatcher matcher) throws Exception {
        mvc.perform(request.with(as(user))).andExpect(matcher);
    }

    /** Everything the refused calls could have touched, as one comparable string. */
    private String snapshot() {
        List<Map<String, Object>> decisions = jdbc.queryForList("select id, number, status, version, signer_name "
                + "from recognition_decision order by id");
        List<Map<String, Object>> items = jdbc.queryForList("select id, decision_id, assessment_id, outcome, "
                + "revoked_at, assessment_version from recognition_item order by id");
        List<Map<String, Object>> states = jdbc.queryForList("select id, state, version from assessment "
                + "where id in (?, ?, ?) order by id", assessmentIds.get(0), assessmentIds.get(1),
                assessmentIds.get(2));
        return decisions + "|" + items + "|" + states + "|"
                + count("select count(*) from audit_event where entity_type in ('RECOGNITION_DECISION', "
                + "'RECOGNITION_SETTING', 'ASSESSMENT')");
    }
}
