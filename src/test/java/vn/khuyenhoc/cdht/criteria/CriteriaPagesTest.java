package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The admin pages of criteria sets on PostgreSQL. Test sets other than QĐ 324 use their own codes and the years
 * 2090 on, so that they never become the set in force for a real year.
 */
class CriteriaPagesTest extends PostgresIntegrationTest {

    @Autowired
    private CriteriaCatalog catalog;

    @Test
    void the_seeded_set_is_listed_as_published_with_its_ten_indicators() throws Exception {
        long v1 = qd324v1();
        mvc.perform(get("/criteria").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bộ tiêu chí đánh giá, công nhận")))
                .andExpect(content().string(not(containsString("QD324-KHVN"))))
                .andExpect(content().string(containsString("Đã ban hành")));
        mvc.perform(get("/criteria/{id}", v1).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tự học và học tập suốt đời")))
                .andExpect(content().string(containsString("Hợp tác, chia sẻ với đồng nghiệp và cộng đồng")))
                .andExpect(content().string(containsString("id=\"indicator-10\"")))
                .andExpect(content().string(not(containsString("id=\"publish-form\""))));
        mvc.perform(get("/").with(as("admin")))
                .andExpect(content().string(containsString("id=\"nav-criteria\"")));
        mvc.perform(get("/").with(as("tinh")))
                .andExpect(content().string(not(containsString("id=\"nav-criteria\""))));
    }

    @Test
    void the_form_shows_the_wording_and_evidence_of_the_chosen_target_group() throws Exception {
        long v1 = qd324v1();
        mvc.perform(get("/criteria/{id}/form", v1).param("group", "FARMER").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("kỹ thuật canh tác, chăn nuôi")))
                .andExpect(content().string(containsString("phiếu mượn sách của thư viện xã")))
                .andExpect(content().string(not(containsString("hệ thống quản lý văn bản"))));
        mvc.perform(get("/criteria/{id}/form", v1).param("group", "OFFICIAL").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hệ thống quản lý văn bản")));
    }

    @Test
    void trying_scores_on_the_form_shows_each_failed_rule_in_words() throws Exception {
        long v1 = qd324v1();
        mvc.perform(scoresPost(v1, "WORKER", "STAFF_PROXY", 10, 10, 10, 10, 4, 10, 10, 10, 10, 10))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chỉ số 5 đạt 4 điểm, dưới mức tối thiểu 5")))
                .andExpect(content().string(containsString("Chưa đạt")))
                .andExpect(content().string(containsString("Chưa thành thạo kỹ năng số")));
        mvc.perform(scoresPost(v1, "WORKER", "ONLINE_SELF", 8, 8, 8, 8, 8, 8, 8, 8, 8, 8))
                .andExpect(content().string(containsString("Tổng điểm 80/100")))
                .andExpect(content().string(containsString("id=\"score-verdict\">Đạt<")));
        mvc.perform(scoresPost(v1, "WORKER", "ONLINE_SELF", 8, 8, 8, 8, 11, 8, 8, 8, 8, 8))
                .andExpect(content().string(containsString("Chỉ số 5: điểm 11 nằm ngoài khoảng 0–10.")));
    }

    /** The "done when": version 2 from the published set, one rule changed, published, scored by version. */
    @Test
    void an_admin_publishes_version_2_with_a_changed_rule_and_each_version_scores_by_its_own_rules()
            throws Exception {
        long v1 = qd324v1();
        MvcResult copied = mvc.perform(post("/criteria/{id}/copy", v1).with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "criteria.copied"))
                .andReturn();
        long v2 = idFrom(copied);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(jdbc.queryForMap("select version_no, status, based_on_id from criteria_set where id = ?", v2))
                .containsEntry("version_no", 2).containsEntry("status", "DRAFT").containsEntry("based_on_id", v1);
        assertThat(count("select count(*) from criteria_indicator_wording w join criteria_indicator i "
                + "on i.id = w.indicator_id where i.criteria_set_id = ?", v2)).isEqualTo(40);

        // a second copy while the draft is open is refused
        mvc.perform(post("/criteria/{id}/copy", v1).with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + v1))
                .andExpect(flash().attribute("criteriaFailure", "criteria.draftExists"));

        // after version 1's years: publishing over them is the test of CriteriaPublishTest, and would move the
        // years every other test scores by
        mvc.perform(setForm(post("/criteria/{id}/edit", v2), v2, "minTotal", "70", "yearFrom", "2031",
                        "yearTo", "2032"))
                .andExpect(redirectedUrl("/criteria/" + v2));
        mvc.perform(get("/criteria/{id}", v2).with(as("admin")))
                .andExpect(content().string(containsString("Bản nháp hợp lệ, có thể ban hành.")));
        // the confirmation page says what differs from version 1 and which years it takes
        mvc.perform(get("/criteria/{id}/publish", v2).with(as("admin")))
                .andExpect(content().string(containsString("Tổng điểm tối thiểu để đạt: 80 → 70")))
                .andExpect(content().string(containsString("Năm áp dụng: 2022–2030 → 2031–2032")))
                .andExpect(content().string(containsString("id=\"no-overlap\"")));
        mvc.perform(post("/criteria/{id}/publish", v2).param("version", String.valueOf(lockVersion(v2)))
                        .with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + v2))
                .andExpect(flash().attribute("success", "criteria.published"));
        assertThat(jdbc.queryForObject("select status from criteria_set where id = ?", String.class, v2))
                .isEqualTo("PUBLISHED");

        Map<String, Integer> seventyFive = CriteriaFixtures.scores(8, 8, 8, 8, 8, 8, 8, 7, 6, 6);
        ScoreResult byV1 = catalog.score(v1, "FARMER", seventyFive, Channel.STAFF_PROXY);
        ScoreResult byV2 = catalog.score(v2, "FARMER", seventyFive, Channel.STAFF_PROXY);
        assertThat(byV1.total()).isEqualTo(75);
        assertThat(byV1.passed()).isFalse();
        assertThat(byV1.failures()).extracting(RuleFailure::arguments).containsExactly(List.of(75, 80));
        assertThat(byV2.total()).isEqualTo(75);
        assertThat(byV2.passed()).isTrue();
        assertThat(catalog.inForce(2031)).map(CriteriaSetSummary::id).contains(v2);
        assertThat(catalog.inForce(2025)).map(CriteriaSetSummary::id).contains(v1);
        mvc.perform(scoresPost(v2, "FARMER", "STAFF_PROXY", 8, 8, 8, 8, 8, 8, 8, 7, 6, 6))
                .andExpect(content().string(containsString("id=\"score-verdict\">Đạt<")));

        // retiring asks first; then no set is in force for version 2's years, and it still scores what it scored
        mvc.perform(get("/criteria/{id}/retire", v2).with(as("admin")))
                .andExpect(content().string(containsString("Phiên bản 2 đang áp dụng năm 2031–2032")))
                .andExpect(content().string(containsString("id=\"confirm-retire\"")));
        mvc.perform(post("/criteria/{id}/retire", v2).param("reason", "thử nghiệm").with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("success", "criteria.retired"));
        assertThat(catalog.inForce(2031)).isEmpty();
        assertThat(catalog.inForce(2025)).map(CriteriaSetSummary::id).contains(v1);
        assertThat(catalog.score(v2, "FARMER", seventyFive, Channel.STAFF_PROXY).passed()).isTrue();
        assertThat(count("select count(*) from audit_event where entity_type = 'CRITERIA_SET' and entity_id = ? "
                + "and action in ('CRITERIA_COPIED', 'CRITERIA_UPDATED', 'CRITERIA_PUBLISHED', 'CRITERIA_RETIRED')",
                v2)).isEqualTo(4);
    }

    @Test
    void publishing_an_invalid_draft_lists_every_problem_and_changes_nothing() throws Exception {
        long draft = createDraft("TEST-INVALID", 30);
        // a pass mark above the total is refused when saved, the input kept; 12 per indicator passes while the
        // draft has no indicator yet
        String refused = mvc.perform(setForm(post("/criteria/{id}/edit", draft), draft, "totalPoints", "30",
                        "minTotal", "40", "minPerIndicator", "12", "digitalIndicatorCode", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Tổng điểm tối thiểu để đạt (40) không được lớn hơn tổng điểm (30).",
                "value=\"40\"");
        mvc.perform(setForm(post("/criteria/{id}/edit", draft), draft, "totalPoints", "30", "minTotal", "30",
                        "minPerIndicator", "12", "digitalIndicatorCode", ""))
                .andExpect(redirectedUrl("/criteria/" + draft));
        long first = addCompetency(draft, "1", "Tự học", null);
        addCompetency(draft, "2", "Năng lực trống", null);
        addCompetency(draft, "3", "Năng lực khó", null);
        addIndicator(draft, first, "1", "Đọc sách", 0, 10, null, Map.of("FARMER", "Đọc sách báo"));
        long third = competencyId(draft, "3");
        addIndicator(draft, third, "2", "Chỉ số bắt buộc", 0, 10, 9, Map.of());
        mvc.perform(post("/criteria/{id}/competencies/{c}", draft, third).param("code", "3")
                        .param("name", "Năng lực khó").param("minPoints", "15").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + draft));
        long versionBefore = lockVersion(draft);

        String page = mvc.perform(post("/criteria/{id}/publish", draft)
                        .param("version", String.valueOf(versionBefore)).with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"publish-problems\"");
        assertThat(start).isPositive();
        String listed = page.substring(start, page.indexOf("</ul>", start));
        List<String> expected = List.of(
                "Năng lực 2 (Năng lực trống) chưa có chỉ số nào.",
                "Năng lực 3: điểm tối thiểu 15 lớn hơn tổng điểm cao nhất 10 của các chỉ số trong năng lực.",
                "Điểm cao nhất của các chỉ số cộng lại là 20, khác tổng điểm đã khai báo 30.",
                "Điểm tối thiểu của mỗi chỉ số (12) lớn hơn điểm cao nhất của chỉ số 1 (10): không ai đạt được.",
                "Điểm tối thiểu của mỗi chỉ số (12) lớn hơn điểm cao nhất của chỉ số 2 (10): không ai đạt được.",
                "Chưa chọn chỉ số kỹ năng số.",
                "Nhóm &quot;Nông dân, lao động nông thôn&quot; chưa có nội dung cho chỉ số: 2.",
                "Nhóm &quot;Công nhân, lao động trong lĩnh vực công nghiệp, tiểu thủ công nghiệp&quot; chưa có nội "
                        + "dung cho chỉ số: 1, 2.",
                "Nhóm &quot;Cán bộ, công chức, viên chức, người lao động&quot; chưa có nội dung cho chỉ số: 1, 2.",
                "Nhóm &quot;Đối tượng khác&quot; chưa có nội dung cho chỉ số: 1, 2.");
        for (String problem : expected) {
            assertThat(listed).contains("<li>" + problem + "</li>");
        }
        // the heading counts what is listed; other tests may have added target groups without wording here
        int items = listed.split("<li>", -1).length - 1;
        assertThat(items).isGreaterThanOrEqualTo(expected.size());
        assertThat(listed).contains("Chưa ban hành được: còn " + items + " vấn đề cần sửa.");
        // and in the catalogue's order of groups
        assertThat(listed.indexOf("Nông dân")).isLessThan(listed.indexOf("Đối tượng khác"));
        assertThat(jdbc.queryForObject("select status from criteria_set where id = ?", String.class, draft))
                .isEqualTo("DRAFT");
        assertThat(lockVersion(draft)).isEqualTo(versionBefore);
    }

    @Test
    void an_admin_builds_a_draft_from_nothing_edits_everything_and_publishes_it() throws Exception {
        long draft = createDraft("TEST-BUILD", 20);
        // a new draft takes every catalogue group; keep the four seeded ones (other tests may add groups)
        for (String extra : jdbc.queryForList("select target_group_code from criteria_set_group where "
                + "criteria_set_id = ? and target_group_code not in ('FARMER', 'WORKER', 'OFFICIAL', 'OTHER')",
                String.class, draft)) {
            mvc.perform(post("/criteria/{id}/groups/{code}/remove", draft, extra).with(as("admin")).with(csrf()))
                    .andExpect(flash().attribute("success", "criteria.updated"));
        }
        long c1 = addCompetency(draft, "A", "Tự học", null);
        long c2 = addCompetency(draft, "B", "Công cụ", 3);
        Map<String, String> wording = Map.of("FARMER", "Nội dung nông dân", "WORKER", "Nội dung công nhân",
                "OFFICIAL", "Nội dung cán bộ", "OTHER", "Nội dung khác");
        long i1 = addIndicator(draft, c2, "A1", "Đọc sách", 0, 10, null, wording);
        long i2 = addIndicator(draft, c2, "B1", "Máy tính", 0, 10, 6, wording);
        // move A1 to competency A, then reorder: competency B above A, indicator order inside B unchanged
        mvc.perform(indicatorPost(post("/criteria/{id}/indicators/{i}", draft, i1), c1, "A1", "Đọc sách, báo", 0, 10,
                        null, Map.of("FARMER", "Đọc sách báo về nông nghiệp", "WORKER", "Đọc tài liệu kỹ thuật",
                                "OFFICIAL", "Đọc văn bản", "OTHER", "Đọc sách")))
                .andExpect(redirectedUrl("/criteria/" + draft));
        mvc.perform(post("/criteria/{id}/competencies/{c}/move", draft, c2).param("direction", "up")
                .with(as("admin")).with(csrf())).andExpect(redirectedUrl("/criteria/" + draft));
        // the catalogue's groups come with a new draft; drop one and add it back (its wording goes with it)
        mvc.perform(post("/criteria/{id}/groups/{code}/remove", draft, "OTHER").with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("success", "criteria.updated"));
        mvc.perform(post("/criteria/{id}/groups", draft).param("group", "OTHER").with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("success", "criteria.updated"));
        mvc.perform(get("/criteria/{id}", draft).with(as("admin")))
                .andExpect(content().string(containsString(
                        "Đối tượng khác&quot; chưa có nội dung cho chỉ số: B1, A1.")));
        mvc.perform(indicatorPost(post("/criteria/{id}/indicators/{i}", draft, i1), c1, "A1", "Đọc sách, báo", 0, 10,
                        null, Map.of("FARMER", "Đọc sách báo về nông nghiệp", "WORKER", "Đọc tài liệu kỹ thuật",
                                "OFFICIAL", "Đọc văn bản", "OTHER", "Đọc sách")))
                .andExpect(redirectedUrl("/criteria/" + draft));
        mvc.perform(indicatorPost(post("/criteria/{id}/indicators/{i}", draft, i2), c2, "B1", "Máy tính", 0, 10, 6,
                        wording))
                .andExpect(redirectedUrl("/criteria/" + draft));
        mvc.perform(setForm(post("/criteria/{id}/edit", draft), draft, "totalPoints", "20", "minTotal", "12",
                        "minPerIndicator", "4", "digitalIndicatorCode", "B1", "digitalThreshold", "4",
                        "proficientThreshold", "7"))
                .andExpect(redirectedUrl("/criteria/" + draft));
        // a throw-away indicator, added then deleted
        long extra = addIndicator(draft, c1, "X", "Tạm", 0, 5, null, Map.of());
        mvc.perform(post("/criteria/{id}/indicators/{i}/delete", draft, extra).with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + draft));

        mvc.perform(post("/criteria/{id}/publish", draft).with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + draft))
                .andExpect(flash().attribute("success", "criteria.published"));

        CriteriaDefinition published = catalog.definition(draft);
        assertThat(published.competencies()).extracting(CompetencyDefinition::code).containsExactly("B", "A");
        assertThat(published.indicators()).extracting(IndicatorDefinition::code).containsExactly("B1", "A1");
        assertThat(published.competency("B").orElseThrow().minPoints()).isEqualTo(3);
        assertThat(published.indicator("B1").orElseThrow().mandatoryMin()).isEqualTo(6);
        assertThat(published.rules()).isEqualTo(new ScoringRules(12, 4, "B1", 4, 7, true));
        assertThat(catalog.form(draft, "FARMER").items()).extracting(CriteriaForm.Item::wording)
                .containsExactly("Nội dung nông dân", "Đọc sách báo về nông nghiệp");
        ScoreResult result = catalog.score(draft, "OTHER", Map.of("A1", 10, "B1", 5), Channel.STAFF_PROXY);
        assertThat(result.failures()).extracting(RuleFailure::rule)
                .containsExactly(RuleFailure.Rule.MANDATORY_INDICATOR);
        assertThat(result.hasDigitalSkills()).isTrue();
        assertThat(result.digitallyProficient()).isFalse();
    }

    @Test
    void a_published_set_refuses_every_edit() throws Exception {
        long v1 = qd324v1();
        long competency = competencyId(v1, "1");
        long indicator = jdbc.queryForObject(
                "select id from criteria_indicator where criteria_set_id = ? and code = '5'", Long.class, v1);
        String before = fingerprint(v1);

        for (String page : List.of("/criteria/%d/edit", "/criteria/%d/competencies/new",
                "/criteria/%d/competencies/" + competency, "/criteria/%d/indicators/new",
                "/criteria/%d/indicators/" + indicator)) {
            mvc.perform(get(page.formatted(v1)).with(as("admin")))
                    .andExpect(redirectedUrl("/criteria/" + v1))
                    .andExpect(flash().attribute("criteriaFailure", "criteria.set.notDraft"));
        }
        mvc.perform(setForm(post("/criteria/{id}/edit", v1), v1, "minTotal", "50"))
                .andExpect(flash().attribute("criteriaFailure", "criteria.set.notDraft"));
        mvc.perform(post("/criteria/{id}/competencies/new", v1).param("code", "9").param("name", "Mới")
                        .with(as("admin")).with(csrf()))
                .andExpect(content().string(containsString("Bộ tiêu chí này đã ban hành hoặc ngừng áp dụng")));
        mvc.perform(post("/criteria/{id}/competencies/{c}", v1, competency).param("code", "1").param("name", "Đổi")
                        .with(as("admin")).with(csrf()))
                .andExpect(content().string(containsString("Bộ tiêu chí này đã ban hành hoặc ngừng áp dụng")));
        mvc.perform(indicatorPost(post("/criteria/{id}/indicators/new", v1), competency, "11", "Mới", 0, 10, null,
                        Map.of()))
                .andExpect(content().string(containsString("Bộ tiêu chí này đã ban hành hoặc ngừng áp dụng")));
        mvc.perform(indicatorPost(post("/criteria/{id}/indicators/{i}", v1, indicator), competency, "5", "Đổi", 0,
                        10, null, Map.of("FARMER", "Đổi")))
                .andExpect(content().string(containsString("Bộ tiêu chí này đã ban hành hoặc ngừng áp dụng")));
        for (String action : List.of("/criteria/%d/competencies/" + competency + "/delete",
                "/criteria/%d/competencies/" + competency + "/move", "/criteria/%d/indicators/" + indicator + "/delete",
                "/criteria/%d/indicators/" + indicator + "/move", "/criteria/%d/groups/FARMER/remove",
                "/criteria/%d/publish")) {
            mvc.perform(post(action.formatted(v1)).with(as("admin")).with(csrf()))
                    .andExpect(redirectedUrl("/criteria/" + v1))
                    .andExpect(flash().attribute("criteriaFailure", "criteria.set.notDraft"));
        }
        mvc.perform(post("/criteria/{id}/delete", v1).with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("criteriaFailure", "criteria.delete.notDraft"));
        assertThat(fingerprint(v1)).isEqualTo(before);
    }

    @Test
    void a_draft_is_deleted_but_not_while_an_assessment_refers_to_it() throws Exception {
        long draft = createDraft("TEST-DELETE", 10);
        long competency = addCompetency(draft, "1", "Năng lực", null);
        addIndicator(draft, competency, "1", "Chỉ số", 0, 10, null, Map.of("FARMER", "Nội dung"));
        // stands in for the assessment module's table and its foreign key, which do not exist yet
        jdbc.execute("create table criteria_test_assessment (id bigint primary key, "
                + "criteria_set_id bigint not null references criteria_set (id))");
        try {
            jdbc.update("insert into criteria_test_assessment (id, criteria_set_id) values (1, ?)", draft);
            mvc.perform(post("/criteria/{id}/delete", draft).with(as("admin")).with(csrf()))
                    .andExpect(redirectedUrl("/criteria/" + draft))
                    .andExpect(flash().attribute("criteriaFailure", "criteria.delete.inUse"));
            assertThat(count("select count(*) from criteria_indicator where criteria_set_id = ?", draft)).isEqualTo(1);
            mvc.perform(get("/criteria/{id}", draft).with(as("admin")).with(flashed(Map.of("criteriaFailure",
                            "criteria.delete.inUse", "criteriaFailureArgs", new Object[] {"TEST-DELETE v1"}))))
                    .andExpect(content().string(containsString(
                            "Không xoá được TEST-DELETE v1: đã có phiếu đánh giá dùng bộ tiêu chí này.")));
        } finally {
            jdbc.execute("drop table criteria_test_assessment");
        }
        mvc.perform(post("/criteria/{id}/delete", draft).with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria"))
                .andExpect(flash().attribute("success", "criteria.deleted"));
        assertThat(count("select count(*) from criteria_set where id = ?", draft)).isZero();
        assertThat(count("select count(*) from criteria_competency where criteria_set_id = ?", draft)).isZero();
    }

    @Test
    void rejected_forms_keep_the_input_and_say_why() throws Exception {
        mvc.perform(post("/criteria/new").with(as("admin")).with(csrf()).param("code", "CÓ DẤU")
                        .param("name", "").param("yearFrom", "2095").param("yearTo", "2091").param("totalPoints", "x")
                        .param("minTotal", "-1").param("minPerIndicator", "5").param("digitalThreshold", "5")
                        .param("proficientThreshold", "8"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mã chỉ gồm chữ không dấu")))
                .andExpect(content().string(containsString("Không được để trống.")))
                .andExpect(content().string(containsString("Phải là số nguyên.")))
                .andExpect(content().string(containsString("Phải từ 0 trở lên.")));
        mvc.perform(setForm(post("/criteria/new"), null, "code", "TEST-YEARS", "yearFrom", "2095", "yearTo", "2091"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Năm kết thúc không được trước năm bắt đầu.")));
        assertThat(count("select count(*) from criteria_set where code = 'TEST-YEARS'", null)).isZero();

        long draft = createDraft("TEST-FORMS", 10);
        long competency = addCompetency(draft, "1", "Năng lực", null);
        mvc.perform(post("/criteria/{id}/competencies/new", draft).param("code", "1").param("name", "Trùng")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mã năng lực 1 đã có trong bộ tiêu chí.")));
        mvc.perform(indicatorPost(post("/criteria/{id}/indicators/new", draft), competency, "1", "Chỉ số", 5, 5, null,
                        Map.of()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Điểm cao nhất phải lớn hơn điểm thấp nhất.")));
        mvc.perform(post("/criteria/{id}/competencies/{c}/delete", draft, competency).with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("success", "criteria.updated"));
    }

    @Test
    void an_edit_or_a_publish_based_on_a_stale_page_is_refused() throws Exception {
        long draft = createDraft("TEST-STALE", 10);
        long seen = lockVersion(draft);
        addCompetency(draft, "1", "Năng lực", null);
        assertThat(lockVersion(draft)).isGreaterThan(seen);
        mvc.perform(setForm(post("/criteria/{id}/edit", draft), draft, "version", String.valueOf(seen),
                        "minTotal", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bản ghi vừa được người khác thay đổi.")));
        mvc.perform(post("/criteria/{id}/publish", draft).param("version", String.valueOf(seen))
                        .with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + draft))
                .andExpect(flash().attribute("criteriaFailure", "error.concurrentEdit"));
        assertThat(jdbc.queryForMap("select status, min_total from criteria_set where id = ?", draft))
                .containsEntry("status", "DRAFT").containsEntry("min_total", 10);
    }

    @Test
    void the_other_target_group_can_be_renamed_and_groups_added() throws Exception {
        String original = jdbc.queryForObject("select name from criteria_target_group where code = 'OTHER'",
                String.class);
        try {
            mvc.perform(post("/criteria/target-groups/{code}", "OTHER").param("name", "Người cao tuổi")
                            .with(as("admin")).with(csrf()))
                    .andExpect(redirectedUrl("/criteria/target-groups"))
                    .andExpect(flash().attribute("success", "criteria.group.renamed"));
            assertThat(catalog.targetGroup("OTHER")).map(TargetGroupOption::name).contains("Người cao tuổi");
            mvc.perform(get("/criteria/{id}/form", qd324v1()).param("group", "OTHER").with(as("admin")))
                    .andExpect(content().string(containsString("Người cao tuổi")));
        } finally {
            jdbc.update("update criteria_target_group set name = ? where code = 'OTHER'", original);
            catalog.evictAll(); // the catalogue keeps the group names: this SQL went behind its back
        }
        mvc.perform(post("/criteria/target-groups").param("code", "TEST-STUDENT").param("name", "Học sinh")
                        .with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("success", "criteria.group.created"));
        mvc.perform(post("/criteria/target-groups").param("code", "FARMER").param("name", "Trùng")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mã nhóm FARMER đã có.")));
        mvc.perform(get("/criteria/target-groups").with(as("admin")))
                .andExpect(content().string(containsString("Học sinh")));
    }

    /** Every criteria endpoint, for every role but admin: 403, and nothing changes. */
    @Test
    void everyone_but_an_admin_is_refused_every_criteria_endpoint() throws Exception {
        long v1 = qd324v1();
        long competency = competencyId(v1, "1");
        long indicator = jdbc.queryForObject(
                "select id from criteria_indicator where criteria_set_id = ? and code = '1'", Long.class, v1);
        String before = fingerprint(v1);
        List<String> gets = List.of("/criteria", "/criteria/new", "/criteria/%d", "/criteria/%d/edit",
                "/criteria/%d/form", "/criteria/%d/form?group=FARMER", "/criteria/%d/competencies/new",
                "/criteria/%d/competencies/" + competency, "/criteria/%d/indicators/new",
                "/criteria/%d/indicators/" + indicator, "/criteria/target-groups");
        List<String> posts = List.of("/criteria/new", "/criteria/%d/edit", "/criteria/%d/publish",
                "/criteria/%d/retire", "/criteria/%d/copy", "/criteria/%d/delete", "/criteria/%d/form",
                "/criteria/%d/groups", "/criteria/%d/groups/FARMER/remove", "/criteria/%d/competencies/new",
                "/criteria/%d/competencies/" + competency, "/criteria/%d/competencies/" + competency + "/delete",
                "/criteria/%d/competencies/" + competency + "/move", "/criteria/%d/indicators/new",
                "/criteria/%d/indicators/" + indicator, "/criteria/%d/indicators/" + indicator + "/delete",
                "/criteria/%d/indicators/" + indicator + "/move", "/criteria/target-groups",
                "/criteria/target-groups/OTHER");
        for (String user : List.of("tinh", "xem", "xa1", "xa2", "thon1")) {
            for (String url : gets) {
                mvc.perform(get(url.formatted(v1)).with(as(user)))
                        .andExpect(result -> assertThat(result.getResponse().getStatus())
                                .as("GET %s as %s", url, user).isEqualTo(403));
            }
            for (String url : posts) {
                mvc.perform(post(url.formatted(v1)).with(as(user)).with(csrf()).param("name", "X").param("code", "X")
                                .param("group", "FARMER").param("minTotal", "1"))
                        .andExpect(result -> assertThat(result.getResponse().getStatus())
                                .as("POST %s as %s", url, user).isEqualTo(403));
            }
        }
        assertThat(fingerprint(v1)).isEqualTo(before);
        assertThat(count("select count(*) from criteria_set where code = 'X'", null)).isZero();
        assertThat(jdbc.queryForObject("select name from criteria_target_group where code = 'OTHER'", String.class))
                .isNotEqualTo("X");
    }

    // ---- helpers ----

    private long qd324v1() {
        return jdbc.queryForObject("select id from criteria_set where code = 'QD324-KHVN' and version_no = 1",
                Long.class);
    }

    private long lockVersion(long setId) {
        return jdbc.queryForObject("select version from criteria_set where id = ?", Long.class, setId);
    }

    private long competencyId(long setId, String code) {
        return jdbc.queryForObject("select id from criteria_competency where criteria_set_id = ? and code = ?",
                Long.class, setId, code);
    }

    private long count(String sql, Object arg) {
        return arg == null ? jdbc.queryForObject(sql, Long.class) : jdbc.queryForObject(sql, Long.class, arg);
    }

    /** Everything of a set that an edit could touch. */
    private String fingerprint(long setId) {
        return jdbc.queryForList("select status, version, min_total, min_per_indicator, total_points, year_from, "
                        + "year_to, digital_indicator_code from criteria_set where id = ?", setId)
                + "" + jdbc.queryForList("select code, name, sort_order, min_points from criteria_competency "
                        + "where criteria_set_id = ? order by id", setId)
                + jdbc.queryForList("select code, name, sort_order, min_points, max_points, mandatory_min, "
                        + "competency_id from criteria_indicator where criteria_set_id = ? order by id", setId)
                + jdbc.queryForList("select w.target_group_code, w.wording, w.evidence_hint from "
                        + "criteria_indicator_wording w join criteria_indicator i on i.id = w.indicator_id "
                        + "where i.criteria_set_id = ? order by i.id, w.target_group_code", setId)
                + jdbc.queryForList("select target_group_code from criteria_set_group where criteria_set_id = ? "
                        + "order by 1", setId);
    }

    private long createDraft(String code, int totalPoints) throws Exception {
        // a pass mark above the total is refused: small test sets pass at their total
        MvcResult result = mvc.perform(setForm(post("/criteria/new"), null, "code", code, "totalPoints",
                        String.valueOf(totalPoints), "minTotal", String.valueOf(Math.min(80, totalPoints))))
                .andExpect(redirectedUrlPattern("/criteria/*"))
                .andReturn();
        return idFrom(result);
    }

    /**
     * A complete set form as the edit page posts it: the stored values and lock version of the set (or defaults for
     * a new one), with the given name/value pairs replacing some of them.
     */
    private MockHttpServletRequestBuilder setForm(MockHttpServletRequestBuilder request, Long setId,
            String... overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "Bộ tiêu chí thử");
        fields.put("legalBasis", "Thử nghiệm");
        fields.put("yearFrom", "2090");
        fields.put("yearTo", "2091");
        fields.put("totalPoints", "100");
        fields.put("minTotal", "80");
        fields.put("minPerIndicator", "5");
        fields.put("digitalIndicatorCode", "");
        fields.put("digitalThreshold", "5");
        fields.put("proficientThreshold", "8");
        fields.put("proficientWhenOnlineSelf", "true");
        if (setId != null) {
            Map<String, Object> stored = jdbc.queryForMap("select name, year_from, year_to, total_points, min_total, "
                    + "min_per_indicator, digital_indicator_code, digital_threshold, proficient_threshold, "
                    + "proficient_when_online_self, version from criteria_set where id = ?", setId);
            fields.put("name", (String) stored.get("name"));
            fields.put("yearFrom", String.valueOf(stored.get("year_from")));
            fields.put("yearTo", String.valueOf(stored.get("year_to")));
            fields.put("totalPoints", String.valueOf(stored.get("total_points")));
            fields.put("minTotal", String.valueOf(stored.get("min_total")));
            fields.put("minPerIndicator", String.valueOf(stored.get("min_per_indicator")));
            fields.put("digitalIndicatorCode", stored.get("digital_indicator_code") == null ? ""
                    : (String) stored.get("digital_indicator_code"));
            fields.put("digitalThreshold", String.valueOf(stored.get("digital_threshold")));
            fields.put("proficientThreshold", String.valueOf(stored.get("proficient_threshold")));
            fields.put("proficientWhenOnlineSelf", String.valueOf(stored.get("proficient_when_online_self")));
            fields.put("version", String.valueOf(stored.get("version")));
        }
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        request.with(as("admin")).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private long addCompetency(long setId, String code, String name, Integer minPoints) throws Exception {
        mvc.perform(post("/criteria/{id}/competencies/new", setId).param("code", code).param("name", name)
                        .param("minPoints", minPoints == null ? "" : String.valueOf(minPoints))
                        .with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + setId));
        return competencyId(setId, code);
    }

    private long addIndicator(long setId, long competencyId, String code, String name, int min, int max,
            Integer mandatoryMin, Map<String, String> wording) throws Exception {
        mvc.perform(indicatorPost(post("/criteria/{id}/indicators/new", setId), competencyId, code, name, min, max,
                        mandatoryMin, wording))
                .andExpect(redirectedUrl("/criteria/" + setId));
        return jdbc.queryForObject("select id from criteria_indicator where criteria_set_id = ? and code = ?",
                Long.class, setId, code);
    }

    private MockHttpServletRequestBuilder indicatorPost(MockHttpServletRequestBuilder request, long competencyId,
            String code, String name, int min, int max, Integer mandatoryMin, Map<String, String> wording) {
        request.with(as("admin")).with(csrf()).param("code", code).param("name", name)
                .param("competencyId", String.valueOf(competencyId)).param("minPoints", String.valueOf(min))
                .param("maxPoints", String.valueOf(max))
                .param("mandatoryMin", mandatoryMin == null ? "" : String.valueOf(mandatoryMin));
        int index = 0;
        for (String group : List.of("FARMER", "WORKER", "OFFICIAL", "OTHER")) {
            request.param("wordings[" + index + "].groupCode", group)
                    .param("wordings[" + index + "].wording", wording.getOrDefault(group, ""))
                    .param("wordings[" + index + "].evidenceHint", "Minh chứng " + group);
            index++;
        }
        return request;
    }

    private MockHttpServletRequestBuilder scoresPost(long setId, String group, String channel, int... scores) {
        MockHttpServletRequestBuilder request = post("/criteria/{id}/form", setId).with(as("admin")).with(csrf())
                .param("group", group).param("channel", channel);
        for (int i = 0; i < scores.length; i++) {
            request.param("score_" + (i + 1), String.valueOf(scores[i]));
        }
        return request;
    }

    private static long idFrom(MvcResult result) {
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }
}
