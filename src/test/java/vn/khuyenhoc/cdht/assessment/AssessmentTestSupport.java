package vn.khuyenhoc.cdht.assessment;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * What the assessment tests share: their own citizens (never the demo ones, which the browser test and the demo
 * itself use), requests for the score forms, and look-ups. Each test class works in a year of its own, so that
 * bulk actions "of the filter" never touch another class's rows.
 */
abstract class AssessmentTestSupport extends PostgresIntegrationTest {

    static final List<String> CODES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Assessments assessments;

    @Autowired
    Citizens citizens;

    @Autowired
    private UserDetailsService users;

    CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /** A citizen of the hamlet (or commune) with a name no other test uses. */
    long citizen(String residenceCode, String targetGroup) {
        String name = "Kiểm Thử Đánh Giá " + getClass().getSimpleName().length() + "-" + SERIAL.incrementAndGet()
                + "-" + System.nanoTime() % 100_000;
        return citizens.create(SystemActor.INSTANCE, new CitizenDraft(name, 1980, Gender.FEMALE, residenceCode,
                targetGroup, null, null, null, null, null, null), true).citizenId();
    }

    /** Starts the citizen's assessment for the year through the page, as the user; returns its id. */
    long start(String username, long citizenId, int year) throws Exception {
        String location = mvc.perform(post("/assessments/new").with(as(username)).with(csrf())
                        .param("citizen", String.valueOf(citizenId)).param("year", String.valueOf(year)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        if (location == null || !location.endsWith("/edit")) {
            throw new AssertionError("not started: " + location);
        }
        return Long.parseLong(location.replace("/assessments/", "").replace("/edit", ""));
    }

    /** The entry or verification form: scores in indicator order (null: left empty), notes by indicator. */
    static MockHttpServletRequestBuilder scores(String url, long version, Integer[] scores,
            Map<String, String> notes) {
        MockHttpServletRequestBuilder request = post(url).with(csrf()).param("version", String.valueOf(version));
        for (int i = 0; i < CODES.size(); i++) {
            String code = CODES.get(i);
            request.param("items[" + i + "].code", code);
            request.param("items[" + i + "].score", scores[i] == null ? "" : String.valueOf(scores[i]));
            request.param("items[" + i + "].note", notes.getOrDefault(code, ""));
        }
        return request;
    }

    static Integer[] all(int score) {
        Integer[] scores = new Integer[CODES.size()];
        java.util.Arrays.fill(scores, score);
        return scores;
    }

    static Integer[] of(Integer... scores) {
        return scores;
    }

    /** Service-level entries: the scores in indicator order, no notes. */
    static Map<String, ScoreEntry> entries(Integer... scores) {
        Map<String, ScoreEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < CODES.size(); i++) {
            entries.put(CODES.get(i), new ScoreEntry(scores[i], null));
        }
        return entries;
    }

    long version(long id) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
    }

    String state(long id) {
        return jdbc.queryForObject("select state from assessment where id = ?", String.class, id);
    }

    Map<String, Object> row(long id) {
        return jdbc.queryForMap("select * from assessment where id = ?", id);
    }

    Integer selfScore(long id, String code) {
        return jdbc.queryForList("select self_score from assessment_score where assessment_id = ? "
                + "and indicator_code = ?", Integer.class, id, code).stream().findFirst().orElse(null);
    }

    int auditCount(long id) {
        return jdbc.queryForObject("select count(*) from audit_event where entity_type = 'ASSESSMENT' "
                + "and entity_id = ?", Integer.class, id);
    }

    List<String> auditActions(long id) {
        return jdbc.queryForList("select action from audit_event where entity_type = 'ASSESSMENT' and entity_id = ? "
                + "order by occurred_at, id", String.class, id);
    }
}
