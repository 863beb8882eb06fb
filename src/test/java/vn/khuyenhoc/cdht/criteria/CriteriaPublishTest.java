package vn.khuyenhoc.cdht.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Publishing guarded, through the pages: a version over the years of the set in force is refused until the admin
 * names the year it takes effect; that year may not be one the old set already scored; the old set then ends the
 * year before and keeps scoring the assessments of its years; the database refuses a second published set for a
 * year; impossible thresholds are refused when saved; only admins reach these pages. Set TEST-EFFECT, 2010–2013.
 */
class CriteriaPublishTest extends PostgresIntegrationTest {

    private static final String HAMLET = "VLINH-T02";

    @Autowired
    private CriteriaAdministration administration;


    @Autowired

    private CriteriaPublishing publishing;

    @Autowired
    private CriteriaCatalog catalog;

    @Autowired
    private Assessments assessments;

    @Autowired
    private Citizens citizens;

    @Autowired
    private UserDetailsService users;

    @Test
    void a_version_over_the_years_in_force_needs_an_effective_year_after_the_years_already_scored() throws Exception {
        long v1 = SmallSets.build(administration, jdbc, "TEST-EFFECT", 2010, 2013);
        publishing.publish(SystemActor.INSTANCE, v1, null, null);
        CurrentUser xa1 = (CurrentUser) users.loadUserByUsername("xa1");
        long in2011 = assess(xa1, "Nguyễn Văn Mười Một", 2011, 6);
        long in2012 = assess(xa1, "Nguyễn Thị Mười Hai", 2012, 6);

        long v2 = administration.copy(SystemActor.INSTANCE, v1);
        CriteriaSetForm stricter = CriteriaSetForm.of(administration.view(SystemActor.INSTANCE, v2).definition(),
                version(v2));
        stricter.setMinTotal(8);
        administration.update(SystemActor.INSTANCE, v2, stricter);

        // without an effective year: refused, listed, nothing changes
        String refused = body(post("/criteria/{id}/publish", v2).param("version", String.valueOf(version(v2))));
        assertThat(refused).contains("id=\"publish-problems\"",
                "Bộ nhỏ (phiên bản 1) đang áp dụng năm 2010–2013, trùng với năm 2010–2013 của bản này.");
        assertUnchanged(v1, v2);

        // the confirmation page: the differences, and the first year that can work (after 2011 and 2012)
        String preview = body(get("/criteria/{id}/publish", v2));
        assertThat(preview).contains("Tổng điểm tối thiểu để đạt: 5 → 8", "id=\"effectiveYear\"", "value=\"2013\"",
                "sẽ chỉ còn áp dụng năm 2010–2012");

        // a year the old set already scored, or its own first year: refused
        assertThat(body(post("/criteria/{id}/publish", v2).param("version", String.valueOf(version(v2)))
                .param("effectiveYear", "2012")))
                .contains("Bộ nhỏ (phiên bản 1) đã chấm phiếu của năm 2012 (1): mỗi năm chỉ theo một bộ tiêu chí. "
                        + "Hãy chọn năm có hiệu lực từ 2013 trở đi.");
        assertThat(body(post("/criteria/{id}/publish", v2).param("version", String.valueOf(version(v2)))
                .param("effectiveYear", "2010")))
                .contains("Bộ nhỏ (phiên bản 1) áp dụng từ năm 2010: không thể kết thúc trước năm 2010.");
        assertUnchanged(v1, v2);

        mvc.perform(post("/criteria/{id}/publish", v2).param("version", String.valueOf(version(v2)))
                        .param("effectiveYear", "2013").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/criteria/" + v2))
                .andExpect(flash().attribute("success", "criteria.published"));
        assertThat(years(v1)).containsExactly("PUBLISHED", 2010, 2012);
        assertThat(years(v2)).containsExactly("PUBLISHED", 2013, 2013);
        assertThat(catalog.inForce(2011)).map(CriteriaSetSummary::id).contains(v1);
        assertThat(catalog.inForce(2013)).map(CriteriaSetSummary::id).contains(v2);

        // the earlier years keep the old set and its pass mark; a new assessment of 2013 takes the new one
        assertThat(setOf(in2011)).isEqualTo(v1);
        assertThat(setOf(in2012)).isEqualTo(v1);
        assessments.saveScores(xa1, in2011, Map.of("K1", new ScoreEntry(6, null)), assessmentVersion(in2011));
        assertThat(jdbc.queryForObject("select self_passed from assessment where id = ?", Boolean.class, in2011))
                .isTrue();
        long in2013 = assess(xa1, "Nguyễn Văn Mười Ba", 2013, 6);
        assertThat(setOf(in2013)).isEqualTo(v2);
        assertThat(jdbc.queryForObject("select self_passed from assessment where id = ?", Boolean.class, in2013))
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'CRITERIA_SET' "
                + "and entity_id = ? and action = 'CRITERIA_SUPERSEDED'", Integer.class, v1)).isEqualTo(1);

        // the database keeps one published set per year whatever writes to it
        assertThatThrownBy(() -> jdbc.update("update criteria_set set year_to = 2013 where id = ?", v1))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(years(v1)).containsExactly("PUBLISHED", 2010, 2012);
    }

    @Test
    void impossible_thresholds_are_refused_when_saved_and_the_input_is_kept() throws Exception {
        String created = body(post("/criteria/new").param("code", "TEST-IMPOSSIBLE").param("name", "Bộ không thể")
                .param("yearFrom", "2005").param("yearTo", "2005").param("totalPoints", "100")
                .param("minTotal", "1000").param("minPerIndicator", "5").param("digitalThreshold", "5")
                .param("proficientThreshold", "8"));
        assertThat(created).contains("Tổng điểm tối thiểu để đạt (1000) không được lớn hơn tổng điểm (100).",
                "value=\"1000\"");
        assertThat(jdbc.queryForObject("select count(*) from criteria_set where code = 'TEST-IMPOSSIBLE'",
                Integer.class)).isZero();

        long draft = SmallSets.build(administration, jdbc, "TEST-THRESHOLD", 2005, 2005);
        long before = version(draft);
        CriteriaSetForm form = CriteriaSetForm.of(administration.view(SystemActor.INSTANCE, draft).definition(),
                before);
        String refused = body(post("/criteria/{id}/edit", draft).param("name", form.getName())
                .param("yearFrom", "2005").param("yearTo", "2005").param("totalPoints", "10").param("minTotal", "5")
                .param("minPerIndicator", "5").param("digitalIndicatorCode", "K1").param("digitalThreshold", "11")
                .param("proficientThreshold", "11").param("version", String.valueOf(before)));
        assertThat(refused).contains("Ngưỡng có kỹ năng số (11) phải nằm trong thang điểm của chỉ số K1 (0 – 10).");
        String perIndicator = body(post("/criteria/{id}/edit", draft).param("name", form.getName())
                .param("yearFrom", "2005").param("yearTo", "2005").param("totalPoints", "10").param("minTotal", "5")
                .param("minPerIndicator", "11").param("digitalIndicatorCode", "K1").param("digitalThreshold", "5")
                .param("proficientThreshold", "8").param("version", String.valueOf(before)));
        assertThat(perIndicator).contains("Điểm tối thiểu mỗi chỉ số (11) lớn hơn điểm cao nhất của một chỉ số (10)");
        assertThat(version(draft)).isEqualTo(before);
        assertThat(jdbc.queryForMap("select min_per_indicator, digital_threshold from criteria_set where id = ?",
                draft)).containsEntry("min_per_indicator", 5).containsEntry("digital_threshold", 5);
    }

    @Test
    void only_admins_reach_the_publish_and_retire_confirmations() throws Exception {
        long draft = SmallSets.build(administration, jdbc, "TEST-GUARD", 2006, 2006);
        long published = SmallSets.build(administration, jdbc, "TEST-GUARD-P", 2007, 2007);
        publishing.publish(SystemActor.INSTANCE, published, null, null);
        for (String user : List.of("xa1", "xa2", "thon1", "tinh", "xem")) {
            mvc.perform(get("/criteria/{id}/publish", draft).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/criteria/{id}/publish", draft).with(as(user)).with(csrf())
                    .param("version", String.valueOf(version(draft))).param("effectiveYear", "2006"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/criteria/{id}/retire", published).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/criteria/{id}/retire", published).with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(years(draft)).containsExactly("DRAFT", 2006, 2006);
        assertThat(years(published)).containsExactly("PUBLISHED", 2007, 2007);
    }

    private long assess(CurrentUser user, String name, int year, int score) {
        long citizen = citizens.create(SystemActor.INSTANCE, new CitizenDraft(name, 1980, Gender.MALE, HAMLET,
                "FARMER", null, null, null, null, null, null), true).citizenId();
        long id = assessments.start(user, citizen, year);
        assessments.saveScores(user, id, Map.of("K1", new ScoreEntry(score, null)), assessmentVersion(id));
        return id;
    }

    private void assertUnchanged(long v1, long v2) {
        assertThat(years(v1)).containsExactly("PUBLISHED", 2010, 2013);
        assertThat(years(v2)).containsExactly("DRAFT", 2010, 2013);
    }

    private List<Object> years(long id) {
        Map<String, Object> row = jdbc.queryForMap("select status, year_from, year_to from criteria_set where id = ?",
                id);
        return List.of(row.get("status"), row.get("year_from"), row.get("year_to"));
    }

    /** The page the admin gets (a CSRF token added: harmless on a GET). */
    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as("admin")).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long version(long setId) {
        return jdbc.queryForObject("select version from criteria_set where id = ?", Long.class, setId);
    }

    private long setOf(long assessmentId) {
        return jdbc.queryForObject("select criteria_set_id from assessment where id = ?", Long.class, assessmentId);
    }

    private long assessmentVersion(long assessmentId) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, assessmentId);
    }
}
