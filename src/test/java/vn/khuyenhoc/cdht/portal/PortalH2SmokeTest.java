package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.assessment.SelfAssessments;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;

/**
 * The portal's SQL on the embedded H2 default (PostgreSQL mode), as `./mvnw spring-boot:run` uses it: issuing,
 * proving, throttling, sessions, the citizen's own assessment and the staff aggregates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/h2-smoke/cdht-portal-${random.uuid};MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "cdht.demo.mode=auto"})
class PortalH2SmokeTest {

    @Autowired
    private Invitations invitations;

    @Autowired
    private CitizenAccess access;

    @Autowired
    private CitizenSessions sessions;

    @Autowired
    private SelfAssessments selfAssessments;

    @Autowired
    private Citizens citizens;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_whole_round_runs_on_h2() {
        int year = Year.now().getValue();
        CurrentUser xa1 = (CurrentUser) users.loadUserByUsername("xa1");
        long citizen = citizens.create(SystemActor.INSTANCE, new CitizenDraft("Công Dân Thử H2", 1979, Gender.FEMALE,
                "VLINH-T01", "FARMER", null, null, null, null, null, null), true).citizenId();
        invitations.issue(xa1, citizen, year);
        String code = invitations.issue(xa1, citizen, year).get(0).code();
        assertThat(invitations.list(xa1, year, null)).filteredOn(r -> r.citizenId() == citizen)
                .extracting(InvitationRow::status).containsExactly(InvitationStatus.OPEN, InvitationStatus.REVOKED);

        assertThatThrownBy(() -> access.prove(code, 1978, "10.99.0.1")).isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("messageKey", "portal.proof.invalid");
        // on H2 the throttling buckets live in memory (on PostgreSQL in rate_limit_bucket): the failure counted
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> access.prove(Secrets.code(), 1979, "10.99.0.2"))
                    .isInstanceOf(BusinessRuleException.class);
        }
        assertThatThrownBy(() -> access.prove(Secrets.code(), 1979, "10.99.0.2"))
                .isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("messageKey", "portal.throttled");
        CitizenAccess.Entry entry = access.prove(code, 1979, "10.99.0.1");
        assertThat(sessions.resolve(entry.sessionToken())).contains(citizen);
        access.setPin(citizen, "2468", "2468");
        String reference = access.overview(citizen).reference();
        assertThat(access.signInWithPin(reference, "2468", "10.99.0.1").citizenId()).isEqualTo(citizen);
        assertThat(access.signInWithMagicLink(entry.magicToken(), "10.99.0.1").citizenId()).isEqualTo(citizen);

        var detail = selfAssessments.open(citizen, year);
        Map<String, ScoreEntry> scores = new LinkedHashMap<>();
        for (var line : detail.lines()) {
            scores.put(line.code(), new ScoreEntry(8, null));
        }
        long version = selfAssessments.save(citizen, year, scores, detail.version());
        selfAssessments.submit(citizen, year, version);
        assertThat(jdbc.queryForMap("select state, channel from assessment where citizen_id = ?", citizen))
                .containsEntry("state", "SUBMITTED").containsEntry("channel", "ONLINE_SELF");

        long hamlet = jdbc.queryForObject("select id from admin_unit where code = 'VLINH-T01'", Long.class);
        List<OnlineShare> shares = invitations.onlineShare(xa1, year, null);
        assertThat(shares).filteredOn(s -> s.unitId() == hamlet).singleElement()
                .satisfies(s -> assertThat(s.online()).isPositive());
        assertThat(invitations.citizensOf(xa1, hamlet, year)).filteredOn(c -> c.id() == citizen)
                .extracting(CitizenOption::invitationStatus).containsExactly(InvitationStatus.USED);
    }
}
