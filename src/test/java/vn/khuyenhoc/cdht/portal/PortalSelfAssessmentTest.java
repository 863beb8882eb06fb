package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;

/**
 * The citizen's own self-assessment: started as ONLINE_SELF, saved and submitted through the assessment module's
 * rules (engine, workflow, audit), never anybody else's; the channel follows who submits (the citizen online:
 * ONLINE_SELF, even for a form staff began; staff: STAFF_PROXY); the page stays small; staff see the online share per
 * unit.
 */
class PortalSelfAssessmentTest extends PortalTestSupport {

    /** The budget for a citizen page: HTML, CSS and scripts together. */
    static final int PAGE_BUDGET_BYTES = 100 * 1024;

    @LocalServerPort
    private int port;

    @Autowired
    private Assessments assessments;

    @Test
    void a_citizen_fills_in_sees_the_total_and_what_is_missing_and_submits() throws Exception {
        long citizen = citizen(HAMLET, 1972);
        Cookie session = signIn(citizen, 1972, "10.6.0.1");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("tự đánh giá năm 2018")))
                .andExpect(content().string(containsString("Còn 10 chỉ số chưa chấm")));
        long id = assessmentOf(citizen);
        Map<String, Object> row = jdbc.queryForMap("select channel, state, entered_by, unit_id from assessment "
                + "where id = ?", id);
        assertThat(row.get("channel")).isEqualTo("ONLINE_SELF");
        assertThat(row.get("state")).isEqualTo("DRAFT");
        assertThat(row.get("entered_by")).isEqualTo("citizen:" + citizen);
        assertThat(((Number) row.get("unit_id")).longValue()).isEqualTo(unitId(HAMLET));

        // partial input is kept; the page says what is missing
        Integer[] partial = all(8);
        partial[9] = null;
        mvc.perform(scores("/c/a", version(id), partial).cookie(session)).andExpect(redirectedUrl("/c/a?done=saved"));
        mvc.perform(get("/c/a").cookie(session))
                .andExpect(content().string(containsString("Còn 1 chỉ số chưa chấm")))
                .andExpect(content().string(containsString("id=\"live-total\">72<")));
        // submitting an incomplete form saves it and says why it cannot be submitted
        mvc.perform(scores("/c/a/submit", version(id), partial).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"score-problems\"")));
        assertThat(state(id)).isEqualTo("DRAFT");
        // out of range is refused with the indicator named
        Integer[] outOfRange = all(8);
        outOfRange[2] = 11;
        mvc.perform(scores("/c/a", version(id), outOfRange).cookie(session))
                .andExpect(content().string(containsString("id=\"score-problems\"")));
        // the preview answers with the engine's verdict
        mvc.perform(scores("/c/a/preview", version(id), all(8)).cookie(session))
                .andExpect(content().string(containsString("id=\"live-passed\"")))
                .andExpect(content().string(containsString(">80<")));
        Integer[] failing = all(8);
        failing[0] = 3;
        mvc.perform(scores("/c/a/preview", version(id), failing).cookie(session))
                .andExpect(content().string(containsString("id=\"live-failures\"")));

        mvc.perform(scores("/c/a/submit", version(id), all(8)).cookie(session))
                .andExpect(redirectedUrl("/c/a?done=submitted"));
        row = jdbc.queryForMap("select channel, state, self_total, self_passed, submitted_by from assessment "
                + "where id = ?", id);
        assertThat(row.get("state")).isEqualTo("SUBMITTED");
        assertThat(row.get("channel")).isEqualTo("ONLINE_SELF");
        assertThat(row.get("self_total")).isEqualTo(80);
        assertThat(row.get("submitted_by")).isEqualTo("citizen:" + citizen);
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'ASSESSMENT' "
                + "and entity_id = ? and actor = ? order by id", String.class, id, "citizen:" + citizen))
                .contains("ASSESSMENT_CREATED", "ASSESSMENT_UPDATED", "ASSESSMENT_SUBMITTED");
        // the roll-ups counted it (AssessmentChanged reached the report module in the same transaction)
        assertThat(jdbc.queryForObject("select coalesce(sum(submitted), 0) from report_unit_year where unit_id = ? "
                + "and report_year = ?", Integer.class, unitId(HAMLET), YEAR)).isPositive();

        // submitted: read only, and a further change is refused
        mvc.perform(get("/c/a").cookie(session)).andExpect(content().string(containsString("id=\"read-only\"")));
        long submitted = version(id);
        mvc.perform(scores("/c/a", submitted, all(9)).cookie(session))
                .andExpect(content().string(containsString("id=\"problem\"")));
        assertThat(version(id)).isEqualTo(submitted);

        // staff return it: the citizen may correct and submit again; staff verify as for proxy entries
        assessments.returnForCorrection(user("thon1"), id, "Bổ sung minh chứng chỉ số 5", version(id));
        mvc.perform(get("/c/a").cookie(session))
                .andExpect(content().string(containsString("Bổ sung minh chứng chỉ số 5")));
        mvc.perform(scores("/c/a/submit", version(id), all(9)).cookie(session))
                .andExpect(redirectedUrl("/c/a?done=submitted"));
        assertThat(state(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select self_total from assessment where id = ?", Integer.class, id))
                .isEqualTo(90);
    }

    @Test
    void a_citizen_never_sees_or_changes_another_citizens_assessment() throws Exception {
        long alice = citizen(HAMLET, 1961);
        long bob = citizen(HAMLET, 1962);
        Cookie aliceSession = signIn(alice, 1961, "10.7.0.1");
        Cookie bobSession = signIn(bob, 1962, "10.7.0.2");
        mvc.perform(get("/c/a").cookie(bobSession)).andExpect(status().isOk());
        long bobs = assessmentOf(bob);
        mvc.perform(scores("/c/a", version(bobs), all(6)).cookie(bobSession));
        long bobsVersion = version(bobs);
        String bobName = jdbc.queryForObject("select full_name from citizen where id = ?", String.class, bob);

        // Alice's page is hers only
        mvc.perform(get("/c/a").cookie(aliceSession)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(bobName))));
        long alices = assessmentOf(alice);
        // tampering: naming Bob's assessment or Bob himself, with Bob's version, changes only Alice's
        mvc.perform(scores("/c/a", bobsVersion, all(2)).cookie(aliceSession).param("id", String.valueOf(bobs))
                .param("assessmentId", String.valueOf(bobs)).param("citizen", String.valueOf(bob))
                .param("citizenId", String.valueOf(bob)));
        mvc.perform(scores("/c/a/submit", version(alices), all(9)).cookie(aliceSession)
                .param("id", String.valueOf(bobs)).param("citizenId", String.valueOf(bob)))
                .andExpect(redirectedUrl("/c/a?done=submitted"));
        assertThat(version(bobs)).isEqualTo(bobsVersion);
        assertThat(state(bobs)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForList("select self_score from assessment_score where assessment_id = ?",
                Integer.class, bobs)).containsOnly(6);
        assertThat(state(alices)).isEqualTo("SUBMITTED");
        // staff pages about Bob stay closed to Alice's citizen cookie
        mvc.perform(get("/assessments/" + bobs).cookie(aliceSession)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/citizens/" + bob).cookie(aliceSession)).andExpect(redirectedUrl("/login"));
        // a forged or another path's cookie gets nothing
        mvc.perform(get("/c/a").cookie(new Cookie(PortalSecurityConfig.COOKIE, "forged-" + aliceSession.getValue())))
                .andExpect(redirectedUrl("/c?signin"));
    }

    @Test
    void a_citizens_own_online_submission_counts_as_online_self_whoever_started_the_form() throws Exception {
        long citizen = citizen(HAMLET, 1990);
        long id = assessments.start(user("thon1"), citizen, YEAR);
        Cookie session = signIn(citizen, 1990, "10.8.0.1");
        mvc.perform(get("/c/a").cookie(session)).andExpect(content().string(containsString("id=\"proxy-note\"")));
        mvc.perform(scores("/c/a/submit", version(id), all(7)).cookie(session))
                .andExpect(redirectedUrl("/c/a?done=submitted"));
        Map<String, Object> row = jdbc.queryForMap("select channel, state, entered_by, scores_changed_by, "
                + "submitted_by from assessment where id = ?", id);
        // started by staff, entered and submitted by the citizen online
        assertThat(row).containsEntry("channel", "ONLINE_SELF").containsEntry("state", "SUBMITTED")
                .containsEntry("entered_by", "thon1").containsEntry("scores_changed_by", "citizen:" + citizen)
                .containsEntry("submitted_by", "citizen:" + citizen);
        // which the digital reading counts: proficient (the set says so for online self-assessments)
        assessments.verify(user("thon1"), id, entries(7), version(id));
        assertThat(jdbc.queryForObject("select digital_proficient from assessment where id = ?", Boolean.class, id))
                .isTrue();
    }

    @Test
    void a_form_the_citizen_began_online_but_staff_submitted_is_staff_proxy() throws Exception {
        long citizen = citizen(HAMLET, 1991);
        Cookie session = signIn(citizen, 1991, "10.8.0.2");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk());
        long id = assessmentOf(citizen);
        mvc.perform(scores("/c/a", version(id), all(7)).cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select channel from assessment where id = ?", String.class, id))
                .isEqualTo("ONLINE_SELF");
        assessments.submit(user("thon1"), id, version(id));
        assertThat(jdbc.queryForMap("select channel, submitted_by, scores_changed_by from assessment where id = ?",
                id)).containsEntry("channel", "STAFF_PROXY").containsEntry("submitted_by", "thon1")
                .containsEntry("scores_changed_by", "citizen:" + citizen);
    }

    @Test
    void the_citizen_pages_weigh_less_than_100_kb_over_http() throws Exception {
        long citizen = citizen(HAMLET, 1985);
        Cookie session = signIn(citizen, 1985, "10.9.0.1");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk());
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        int start = bytes(client, base + "/c", null) + bytes(client, base + "/css/portal.css", null);
        int form = bytes(client, base + "/c/a", session) + bytes(client, base + "/css/portal.css", null)
                + bytes(client, base + "/js/assessment-form.js", null);
        assertThat(start).isLessThan(PAGE_BUDGET_BYTES);
        assertThat(form).as("the self-assessment page with its stylesheet and script").isLessThan(PAGE_BUDGET_BYTES)
                .isGreaterThan(5_000);
        System.out.printf("portal page weight (uncompressed): start %d bytes, self-assessment %d bytes%n", start,
                form);
    }

    @Test
    void staff_see_the_share_of_online_self_assessments_per_unit() throws Exception {
        long online = citizen(HAMLET, 1977);
        Cookie session = signIn(online, 1977, "10.10.0.1");
        mvc.perform(get("/c/a").cookie(session));
        long proxy = citizen(HAMLET, 1978);
        assessments.start(user("thon1"), proxy, YEAR);
        Map<String, Object> expected = jdbc.queryForMap("select count(*) as total, "
                + "sum(case when channel = 'ONLINE_SELF' then 1 else 0 end) as online from assessment "
                + "where unit_id = ? and assessment_year = ?", unitId(HAMLET), YEAR);

        mvc.perform(get("/portal/invitations").param("year", String.valueOf(YEAR)).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"share-" + unitId(HAMLET) + "\"")));
        var shares = invitations.onlineShare(user("xa1"), YEAR, null);
        var hamlet = shares.stream().filter(s -> s.unitId() == unitId(HAMLET)).findFirst().orElseThrow();
        assertThat(hamlet.total()).isEqualTo(((Number) expected.get("total")).longValue());
        assertThat(hamlet.online()).isEqualTo(((Number) expected.get("online")).longValue()).isPositive();
        assertThat(hamlet.online()).isLessThan(hamlet.total());
        // another commune's officer does not see this hamlet
        assertThat(invitations.onlineShare(user("xa2"), YEAR, null)).noneMatch(s -> s.unitId() == unitId(HAMLET));
    }

    private static int bytes(HttpClient client, String url, Cookie cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie.getName() + "=" + cookie.getValue());
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body().length;
    }

    private String state(long id) {
        return jdbc.queryForObject("select state from assessment where id = ?", String.class, id);
    }

    private static Map<String, ScoreEntry> entries(int score) {
        Map<String, ScoreEntry> entries = new java.util.LinkedHashMap<>();
        CODES.forEach(code -> entries.put(code, new ScoreEntry(score, null)));
        return entries;
    }
}
