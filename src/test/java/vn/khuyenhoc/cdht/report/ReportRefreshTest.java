package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.khuyenhoc.cdht.assessment.AssessmentDecisions;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.Decision;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.assessment.SelfAssessments;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.community.CollectiveDraft;
import vn.khuyenhoc.cdht.community.CollectiveKind;
import vn.khuyenhoc.cdht.community.LearningUnitType;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.shared.SystemActor;

/**
 * Freshness: every change through the services (assessments through the whole round and its decisions,
 * collectives and their statuses, citizens moving) keeps the roll-ups equal to a full rebuild; a recognition shows
 * in the very next request; a rolled-back decision leaves the counts as they were. Works in a province of its own
 * (R7) and the year 2025.
 */
class ReportRefreshTest extends ReportTestSupport {

    private static final int YEAR = 2025;
    private static final SystemActor ACTOR = SystemActor.INSTANCE;
    private static final SystemActor VERIFIER = new SystemActor("kiem.tra");

    @Autowired
    private SelfAssessments selfAssessments;
    private static boolean loaded;

    @Autowired
    Assessments assessments;

    @Autowired
    AssessmentDecisions decisions;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ReportStartup startup;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        units("""
                R7,Tỉnh Kiểm Thử Làm Mới,province,VN,1990-01-01,,
                R7-X,Xã Làm Mới X,commune,R7,1990-01-01,,
                R7-X-H1,Thôn X Một,hamlet,R7-X,1990-01-01,,
                R7-X-H2,Thôn X Hai,hamlet,R7-X,1990-01-01,,
                R7-Y,Xã Làm Mới Y,commune,R7,1990-01-01,,
                R7-Y-H1,Thôn Y Một,hamlet,R7-Y,1990-01-01,,
                """);
        loaded = true;
    }

    @Test
    void every_change_through_the_services_keeps_the_roll_ups_equal_to_a_rebuild() {
        long ha = collective(CollectiveKind.HOUSEHOLD, "Hộ A Làm Mới", "R7-X-H1");
        long hb = collective(CollectiveKind.HOUSEHOLD, "Hộ B Làm Mới", "R7-X-H2");
        long clan = collective(CollectiveKind.CLAN, "Dòng họ Làm Mới", "R7-X");
        long community = collective(CollectiveKind.COMMUNITY, "Cộng đồng Thôn Y Một", "R7-Y-H1");
        long lu = collective(CollectiveKind.LEARNING_UNIT, "Trường Làm Mới", "R7-X");
        long lu2 = collective(CollectiveKind.LEARNING_UNIT, "Sở Làm Mới", "R7");
        long c1 = citizen("Làm Mới Một", 1980, "R7-X-H1", "FARMER", ha, clan, null);
        long c2 = citizen("Làm Mới Hai", 1975, "R7-X-H1", "OFFICIAL", ha, null, lu);
        long c3 = citizen("Làm Mới Ba", 1990, "R7-X-H2", "WORKER", hb, clan, null);
        long c4 = citizen("Làm Mới Bốn", 1988, "R7-Y-H1", "OFFICIAL", null, null, lu2);
        long c5 = citizen("Làm Mới Năm", 2015, "R7-Y-H1", "OTHER", null, null, null);
        recordStatus(ha, YEAR, true, null);
        recordStatus(hb, YEAR, true, null);
        recordStatus(clan, YEAR, true, null);
        recordStatus(community, YEAR, true, null);
        recordStatus(lu, YEAR, true, 20);
        recordStatus(lu2, YEAR, true, 40);

        long a1 = recognised(c1, 9, Channel.STAFF_PROXY);
        long a2 = recognised(c2, 8, Channel.ONLINE_SELF);
        long a3 = verified(c3, 4);
        decisions.applyDecision(ACTOR, a3, Decision.NOT_RECOGNISE, null, "2/QĐ-KT", version(a3));
        long a4 = recognised(c4, 9, Channel.STAFF_PROXY);
        decisions.applyDecision(ACTOR, a4, Decision.REVOKE, "Hồ sơ trùng", "3/QĐ-KT", version(a4));
        long a5 = assessments.start(ACTOR, c5, YEAR);
        long v5 = assessments.submit(ACTOR, a5, assessments.saveScores(ACTOR, a5, scores(9), version(a5)));
        assessments.returnForCorrection(ACTOR, a5, "Thiếu minh chứng", v5);
        assertThat(List.of(a1, a2)).allSatisfy(id -> assertThat(state(id)).isEqualTo("RECOGNISED"));

        // people and collectives move; a status is corrected
        CitizenSummary moving = citizens.find(c1).orElseThrow();
        citizens.update(ACTOR, c1, new CitizenDraft(moving.fullName(), 1979, Gender.FEMALE, "R7-Y-H1", "WORKER",
                lu2, null, clan, null, null, null), false, moving.version());
        CitizenSummary leaving = citizens.find(c2).orElseThrow();
        citizens.update(ACTOR, c2, new CitizenDraft(leaving.fullName(), leaving.birthYear(), Gender.FEMALE,
                "R7-X-H2", "OFFICIAL", null, ha, null, null, null, null), false, leaving.version());
        long hbVersion = collectives.find(hb).orElseThrow().version();
        collectives.update(ACTOR, hb, new CollectiveDraft(CollectiveKind.HOUSEHOLD, "Hộ B Làm Mới", "R7-Y-H1", null),
                hbVersion);
        long luVersion = collectives.find(lu).orElseThrow().version();
        collectives.update(ACTOR, lu, new CollectiveDraft(CollectiveKind.LEARNING_UNIT, "Trường Làm Mới", "R7-Y",
                LearningUnitType.SCHOOL), luVersion);
        recordStatus(ha, YEAR, false, null);
        recordStatus(lu2, YEAR, true, 41);

        Map<String, List<Map<String, Object>>> incremental = snapshot();
        assertThat(incremental.get("report_unit_year")).isNotEmpty();
        assertThat(incremental.get("report_unit_year").stream().mapToLong(r -> ((Number) r.get("recognised"))
                .longValue()).sum()).isGreaterThanOrEqualTo(2);
        refresh.rebuildAll();
        assertThat(snapshot()).isEqualTo(incremental);
    }

    @Test
    void a_recognition_shows_in_the_next_request_and_a_rolled_back_one_does_not() throws Exception {
        long citizen = citizen("Làm Mới Sáu", 1970, "R7-X-H2", "FARMER", null, null, null);
        long id = verified(citizen, 9);
        long hamlet = unitId("R7-X-H2");
        long before = report("admin", hamlet, YEAR, "current").get("total").get("recognised").asLong();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            decisions.applyDecision(ACTOR, id, Decision.RECOGNISE, null, "4/QĐ-KT", version(id));
            tx.setRollbackOnly();
        });
        assertThat(state(id)).isEqualTo("VERIFIED");
        assertThat(report("admin", hamlet, YEAR, "current").get("total").get("recognised").asLong())
                .isEqualTo(before);

        decisions.applyDecision(ACTOR, id, Decision.RECOGNISE, null, "4/QĐ-KT", version(id));
        JsonNode after = report("admin", hamlet, YEAR, "current");
        assertThat(after.get("total").get("recognised").asLong()).isEqualTo(before + 1);
        JsonNode province = report("admin", unitId("R7"), YEAR, "current");
        assertThat(child(province, "R7-X").get("recognised").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void changes_in_one_transaction_are_counted_once_when_it_commits() throws Exception {
        long first = verified(citizen("Làm Mới Bảy", 1971, "R7-Y-H1", "FARMER", null, null, null), 9);
        long second = verified(citizen("Làm Mới Tám", 1972, "R7-Y-H1", "FARMER", null, null, null), 9);
        long hamlet = unitId("R7-Y-H1");
        String recognisedThere = "select coalesce(sum(recognised), 0) from report_unit_year where unit_id = ? "
                + "and report_year = ?";
        long before = jdbc.queryForObject(recognisedThere, Long.class, hamlet, YEAR);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            decisions.applyDecision(ACTOR, first, Decision.RECOGNISE, null, "5/QĐ-KT", version(first));
            decisions.applyDecision(ACTOR, second, Decision.RECOGNISE, null, "5/QĐ-KT", version(second));
            // refreshed at commit, once for the hamlet, not after each decision
            assertThat(jdbc.queryForObject(recognisedThere, Long.class, hamlet, YEAR)).isEqualTo(before);
        });
        assertThat(jdbc.queryForObject(recognisedThere, Long.class, hamlet, YEAR)).isEqualTo(before + 2);
        assertThat(report("admin", hamlet, YEAR, "current").get("total").get("recognised").asLong())
                .isEqualTo(before + 2);
    }

    @Test
    void empty_roll_ups_beside_raw_data_are_filled_at_start_up() throws Exception {
        refresh.rebuildAll();
        Map<String, List<Map<String, Object>>> before = everything();
        assertThat(before.get("report_unit_register")).isNotEmpty();
        for (String table : before.keySet()) {
            jdbc.update("delete from " + table);
        }
        startup.run(null);
        assertThat(everything()).isEqualTo(before);
        startup.run(null);
        assertThat(everything()).isEqualTo(before);
    }

    private Map<String, List<Map<String, Object>>> everything() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : List.of("report_unit_year", "report_unit_register", "report_unit_collective",
                "report_collective_year", "report_unit_cube")) {
            tables.put(table, jdbc.queryForList("select * from " + table + " order by 1, 2, 3"
                    + (table.equals("report_unit_cube") ? ", 4, 5, 6" : "")));
        }
        return tables;
    }

    private long recognised(long citizenId, int score, Channel channel) {
        long id = verifiedVia(citizenId, score, channel);
        decisions.applyDecision(ACTOR, id, Decision.RECOGNISE, null, "1/QĐ-KT", version(id));
        return id;
    }

    private long verified(long citizenId, int score) {
        return verifiedVia(citizenId, score, Channel.STAFF_PROXY);
    }

    /** Staff enter, or the citizen submits online (ONLINE_SELF); someone else than the entrant verifies. */
    private long verifiedVia(long citizenId, int score, Channel channel) {
        long id = assessments.start(ACTOR, citizenId, YEAR, channel);
        long version = assessments.saveScores(ACTOR, id, scores(score), version(id));
        version = channel == Channel.ONLINE_SELF ? selfAssessments.submit(citizenId, YEAR, version)
                : assessments.submit(ACTOR, id, version);
        assessments.verify(VERIFIER, id, scores(score), version);
        return id;
    }

    private static Map<String, ScoreEntry> scores(int score) {
        Map<String, ScoreEntry> entries = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            entries.put(String.valueOf(i), new ScoreEntry(score, null));
        }
        return entries;
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
    }

    private String state(long id) {
        return jdbc.queryForObject("select state from assessment where id = ?", String.class, id);
    }

    /** Every roll-up row of the R7 subtree, table by table, in key order. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        String inR7 = " where unit_id in (select id from admin_unit where path like "
                + "(select path from admin_unit where code = 'R7') || '%')";
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("report_unit_year", jdbc.queryForList("select * from report_unit_year" + inR7
                + " order by unit_id, report_year, target_group"));
        tables.put("report_unit_register", jdbc.queryForList("select * from report_unit_register" + inR7
                + " order by unit_id, target_group"));
        tables.put("report_unit_collective", jdbc.queryForList("select * from report_unit_collective" + inR7
                + " order by unit_id, kind"));
        tables.put("report_collective_year", jdbc.queryForList("select * from report_collective_year" + inR7
                + " order by unit_id, report_year, kind"));
        // the pivot's rows, without the last entry time (a rebuild keeps it: it is the assessments' own updated_at)
        tables.put("report_unit_cube", jdbc.queryForList("select unit_id, report_year, target_group, gender, "
                + "age_band, channel, assessed, passed, recognised, recognised_digital, recognised_proficient, "
                + "last_entry_at from report_unit_cube" + inR7
                + " order by unit_id, report_year, target_group, gender, age_band, channel"));
        return tables;
    }
}
