package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The home pages' work queues against counts taken straight from the tables, scoped to each user's subtree (work
 * added in Xã Vĩnh Linh moves xa1's and thon1's counts, never xa2's); the province officer's units behind agree
 * with the report API's lights; the citizen page starts or opens the year's assessment and search results show the
 * year's status.
 */
class HomeWorkQueueTest extends PostgresIntegrationTest {

    private static final int YEAR = Year.now().getValue();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Citizens citizens;

    @Autowired
    private Assessments assessments;

    @Autowired
    private UserDetailsService users;

    @Test
    void each_role_sees_its_work_counted_in_its_subtree_with_links_to_the_lists() throws Exception {
        String xa2Before = home("xa2");
        // a citizen of Thôn Hồ Xá who submits this year: one more waiting for xa1 and thon1, none for xa2
        long citizen = citizen("Hàng Đợi Thẩm Định", "VLINH-T01");
        CurrentUser xa1 = user("xa1");
        long id = assessments.start(xa1, citizen, YEAR);
        long version = assessments.saveScores(xa1, id, scores(8), version(id));
        assessments.submit(xa1, id, version);

        String commune = home("xa1");
        assertThat(count(commune, "queue-not-started")).isEqualTo(notStarted("N-VLINH"));
        assertThat(count(commune, "queue-submitted")).isEqualTo(inState("N-VLINH", "SUBMITTED", YEAR));
        assertThat(count(commune, "queue-returned")).isEqualTo(inState("N-VLINH", "RETURNED", YEAR));
        assertThat(count(commune, "queue-verified")).isEqualTo(inState("N-VLINH", "VERIFIED", YEAR));
        assertThat(commune).contains("href=\"/assessments/not-started?year=" + YEAR + "\"",
                "href=\"/assessments?year=" + YEAR + "&amp;state=SUBMITTED\"",
                "href=\"/assessments?year=" + YEAR + "&amp;state=VERIFIED\"");
        assertThat(count(commune, "queue-submitted")).isPositive();

        String hamlet = home("thon1");
        assertThat(count(hamlet, "queue-submitted")).isEqualTo(inState("VLINH-T01", "SUBMITTED", YEAR)).isPositive();
        assertThat(hamlet).doesNotContain("id=\"queue-not-started\"", "id=\"queue-drafts\"");

        // another commune's officer: its own counts, unchanged by Vĩnh Linh's work
        String other = home("xa2");
        assertThat(count(other, "queue-submitted")).isEqualTo(inState("N-CTUNG", "SUBMITTED", YEAR))
                .isEqualTo(count(xa2Before, "queue-submitted"));
        assertThat(count(other, "queue-not-started")).isEqualTo(notStarted("N-CTUNG"));

        String admin = home("admin");
        assertThat(count(admin, "queue-drafts")).isEqualTo(
                jdbc.queryForObject("select count(*) from criteria_set where status = 'DRAFT'", Long.class));
        assertThat(admin).contains("href=\"/criteria\"");
        assertThat(home("xem")).doesNotContain("id=\"work-queue\"");
    }

    @Test
    void the_province_officer_sees_the_units_behind_as_the_report_api_lights_them() throws Exception {
        long province = unitId("QT");
        JsonNode report = JSON.readTree(mvc.perform(get("/api/report/{u}/{y}", province, YEAR).with(as("tinh")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> behind = new ArrayList<>();
        for (JsonNode child : report.get("children")) {
            boolean late = false;
            for (JsonNode light : child.get("indicators")) {
                late |= "BEHIND".equals(light.get("light").asString());
            }
            if (late && !child.get("unit").isNull()) {
                behind.add(child.get("unit").get("name").asString());
            }
        }
        String page = home("tinh");
        assertThat(count(page, "queue-behind")).isEqualTo(behind.size());
        List<String> listed = all(page, "class=\"list-group-item list-group-item-action small ps-4 behind-unit\"\\s+"
                + "href=\"/report/\\d+/\\d+\">([^:<]+):");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(behind);
        assertThat(page).contains("href=\"/report/" + province + "/" + YEAR + "\"");
    }

    @Test
    void the_citizen_page_starts_or_opens_the_years_assessment_and_search_shows_the_years_status()
            throws Exception {
        long citizen = citizen("Nút Bắt Đầu Năm Nay", "VLINH-T02");
        String fresh = page("/citizens/" + citizen, "xa1");
        assertThat(fresh).contains("id=\"start-year\"",
                "href=\"/assessments/new?citizen=" + citizen + "&amp;year=" + YEAR + "\"", "id=\"no-assessments\"");
        // a viewer sees the citizen but gets no button to start
        assertThat(page("/citizens/" + citizen, "xem")).doesNotContain("id=\"start-year\"");
        assertThat(page("/citizens?q=Nút Bắt Đầu Năm Nay", "xa1")).contains("Chưa có phiếu");

        CurrentUser xa1 = user("xa1");
        long id = assessments.start(xa1, citizen, YEAR);
        assessments.saveScores(xa1, id, scores(9), version(id));
        String started = page("/citizens/" + citizen, "xa1");
        assertThat(started).contains("id=\"open-year\"", "href=\"/assessments/" + id + "\"", "Tạm tính: đạt")
                .doesNotContain("id=\"start-year\"", "badge bg-success");
        assertThat(page("/citizens?q=Nút Bắt Đầu Năm Nay", "xa1")).contains("Đang nhập");
        // another commune's officer finds nothing of it
        assertThat(page("/citizens?q=Nút Bắt Đầu Năm Nay", "xa2")).doesNotContain("href=\"/citizens/" + citizen + "\"");
    }

    private String home(String username) throws Exception {
        return page("/", username);
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The count on a queue line (its badge). */
    private static long count(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>\\s*<span>[^<]*</span>\\s*<span[^>]*>(\\d+)</span>")
                .matcher(html);
        assertThat(matcher.find()).as("queue line " + id).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static List<String> all(String html, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }

    private long inState(String unitCode, String state, int year) {
        return jdbc.queryForObject("""
                select count(*) from assessment a join admin_unit u on u.id = a.unit_id
                where u.path like (select path from admin_unit where code = ? order by valid_from desc limit 1) || '%'
                  and a.assessment_year = ? and a.state = ?""", Long.class, unitCode, year, state);
    }

    private long notStarted(String unitCode) {
        return jdbc.queryForObject("""
                select count(*) from citizen c join admin_unit u on u.id = c.unit_id
                where u.path like (select path from admin_unit where code = ? order by valid_from desc limit 1) || '%'
                  and not exists (select 1 from assessment a where a.citizen_id = c.id and a.assessment_year = ?)""",
                Long.class, unitCode, YEAR);
    }

    private long citizen(String name, String hamlet) {
        return citizens.create(SystemActor.INSTANCE, new CitizenDraft(name, 1980, Gender.FEMALE, hamlet, "FARMER",
                null, null, null, null, null, null), true).citizenId();
    }

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    private long version(long assessmentId) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, assessmentId);
    }

    private static Map<String, ScoreEntry> scores(int score) {
        Map<String, ScoreEntry> scores = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            scores.put(String.valueOf(i), new ScoreEntry(score, null));
        }
        return scores;
    }
}
