package vn.khuyenhoc.cdht.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * What the portal tests share: the year 2018 (no other test uses it) with a criteria set in force for it (a copy of
 * the seeded QĐ 324 set published for 2018 only: the seeded one starts in 2022), citizens of their own, invitations
 * issued through the service, and requests that come from a chosen client address (the throttle counts per
 * address, so each test uses its own).
 */
abstract class PortalTestSupport extends PostgresIntegrationTest {

    static final int YEAR = 2018;
    static final String HAMLET = "VLINH-T01";
    static final String OTHER_COMMUNE_HAMLET = "CTUNG-T01";
    static final List<String> CODES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Invitations invitations;

    @Autowired
    Citizens citizens;

    @Autowired
    private UserDetailsService users;

    @BeforeEach
    void portalFixture() {
        jdbc.update("delete from rate_limit_bucket where id like 'portal:%'");
        if (jdbc.queryForObject("select count(*) from criteria_set where code = 'PORTAL-2018'", Integer.class) == 0) {
            copyCriteriaSetFor2018();
        }
    }

    CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    long citizen(String residenceCode, int birthYear) {
        String name = "Công Dân Cổng " + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        return citizens.create(SystemActor.INSTANCE, new CitizenDraft(name, birthYear, Gender.MALE, residenceCode,
                "FARMER", null, null, null, null, null, null), true).citizenId();
    }

    /** Issues an invitation as the user and returns its code in clear. */
    String invite(String username, long citizenId) {
        return invitations.issue(user(username), citizenId, YEAR).get(0).code();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Posts the code and birth year from the address. */
    MvcResult prove(String code, Object birthYear, String address) throws Exception {
        return mvc.perform(post("/c/i").with(csrf()).with(from(address)).param("code", code)
                .param("birthYear", String.valueOf(birthYear))).andReturn();
    }

    /**
     * Signs the citizen in with a fresh invitation and consents to the notice in force (the form needs it);
     * returns the session cookie.
     */
    Cookie signIn(long citizenId, int birthYear, String address) throws Exception {
        Cookie cookie = signInWithoutConsent(citizenId, birthYear, address);
        consent(cookie);
        return cookie;
    }

    /** Consents, as the citizen of the session, to the notice version in force (through the portal's form). */
    void consent(Cookie session) throws Exception {
        MvcResult result = mvc.perform(post("/c/notice/consent").with(csrf()).cookie(session)
                .param("version", String.valueOf(noticeVersion()))).andReturn();
        if (!"/c/a".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError("consent not recorded: " + result.getResponse().getContentAsString());
        }
    }

    int noticeVersion() {
        return jdbc.queryForObject("select max(version_no) from portal_notice", Integer.class);
    }

    /** Signs the citizen in with a fresh invitation, and nothing more; returns the session cookie. */
    Cookie signInWithoutConsent(long citizenId, int birthYear, String address) throws Exception {
        MvcResult result = prove(invite("thon1", citizenId), birthYear, address);
        Cookie cookie = result.getResponse().getCookie(PortalSecurityConfig.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            throw new AssertionError("not signed in: " + result.getResponse().getContentAsString());
        }
        return cookie;
    }

    /** The self-assessment form with scores in indicator order (null: left empty). */
    static MockHttpServletRequestBuilder scores(String url, long version, Integer... scores) {
        MockHttpServletRequestBuilder request = post(url).with(csrf()).param("version", String.valueOf(version));
        for (int i = 0; i < CODES.size(); i++) {
            request.param("items[" + i + "].code", CODES.get(i));
            request.param("items[" + i + "].score", scores[i] == null ? "" : String.valueOf(scores[i]));
            request.param("items[" + i + "].note", "");
        }
        return request;
    }

    static Integer[] all(int score) {
        Integer[] scores = new Integer[CODES.size()];
        java.util.Arrays.fill(scores, score);
        return scores;
    }

    Long assessmentOf(long citizenId) {
        return jdbc.queryForList("select id from assessment where citizen_id = ? and assessment_year = ?", Long.class,
                citizenId, YEAR).stream().findFirst().orElse(null);
    }

    long version(long assessmentId) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, assessmentId);
    }

    /** A copy of the seeded QĐ 324 set, published for 2018 only. */
    private void copyCriteriaSetFor2018() {
        long old = jdbc.queryForObject("select id from criteria_set where code = 'QD324-KHVN' and version_no = 1",
                Long.class);
        long id = jdbc.queryForObject("select nextval('criteria_set_seq')", Long.class);
        jdbc.update("""
                insert into criteria_set (id, code, version_no, name, legal_basis, status, year_from, year_to,
                    total_points, min_total, min_per_indicator, digital_indicator_code, digital_threshold,
                    proficient_threshold, proficient_when_online_self, published_at, published_by, created_at,
                    updated_at)
                select ?, 'PORTAL-2018', 1, name, legal_basis, 'PUBLISHED', 2018, 2018, total_points, min_total,
                    min_per_indicator, digital_indicator_code, digital_threshold, proficient_threshold,
                    proficient_when_online_self, published_at, published_by, created_at, updated_at
                from criteria_set where id = ?""", id, old);
        jdbc.update("insert into criteria_set_group (criteria_set_id, target_group_code) "
                + "select ?, target_group_code from criteria_set_group where criteria_set_id = ?", id, old);
        for (var competency : jdbc.queryForList("select id, code from criteria_competency where criteria_set_id = ?",
                old)) {
            long newCompetency = jdbc.queryForObject("select nextval('criteria_competency_seq')", Long.class);
            jdbc.update("insert into criteria_competency (id, criteria_set_id, code, name, sort_order, min_points) "
                    + "select ?, ?, code, name, sort_order, min_points from criteria_competency where id = ?",
                    newCompetency, id, competency.get("id"));
            for (var indicator : jdbc.queryForList("select id from criteria_indicator where competency_id = ?",
                    competency.get("id"))) {
                long newIndicator = jdbc.queryForObject("select nextval('criteria_indicator_seq')", Long.class);
                jdbc.update("insert into criteria_indicator (id, criteria_set_id, competency_id, code, sort_order, "
                        + "name, min_points, max_points, mandatory_min) select ?, ?, ?, code, sort_order, name, "
                        + "min_points, max_points, mandatory_min from criteria_indicator where id = ?",
                        newIndicator, id, newCompetency, indicator.get("id"));
                jdbc.update("insert into criteria_indicator_wording (indicator_id, target_group_code, wording, "
                        + "evidence_hint) select ?, target_group_code, wording, evidence_hint "
                        + "from criteria_indicator_wording where indicator_id = ?", newIndicator, indicator.get("id"));
            }
        }
    }
}
