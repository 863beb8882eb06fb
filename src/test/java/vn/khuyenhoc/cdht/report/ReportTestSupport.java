package vn.khuyenhoc.cdht.report;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.cdht.area.AreaSeeding;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.community.CollectiveDraft;
import vn.khuyenhoc.cdht.community.CollectiveKind;
import vn.khuyenhoc.cdht.community.Collectives;
import vn.khuyenhoc.cdht.community.LearningUnitType;
import vn.khuyenhoc.cdht.community.YearStatusDraft;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * What the report tests share: building a small tree of their own (units from CSV, collectives and citizens
 * through the services, so their events fire), assessments written straight into the table for years and units the
 * services refuse (retired communes), and the JSON endpoint read as a tree.
 */
abstract class ReportTestSupport extends PostgresIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AreaSeeding area;

    @Autowired
    Collectives collectives;

    @Autowired
    Citizens citizens;

    @Autowired
    ReportRefresh refresh;

    void units(String csvRows) {
        area.loadUnits(("code,name,level,parent_code,valid_from,valid_to,population\n" + csvRows)
                .getBytes(StandardCharsets.UTF_8));
    }

    void successions(String csvRows) {
        area.loadSuccessions(("old_code,new_code,effective\n" + csvRows).getBytes(StandardCharsets.UTF_8));
    }

    long collective(CollectiveKind kind, String name, String unitCode) {
        LearningUnitType type = kind == CollectiveKind.LEARNING_UNIT ? LearningUnitType.AGENCY : null;
        return collectives.create(SystemActor.INSTANCE, new CollectiveDraft(kind, name, unitCode, type));
    }

    void recordStatus(long collectiveId, int year, boolean recognised, Integer members) {
        collectives.recordStatus(SystemActor.INSTANCE, collectiveId, new YearStatusDraft(year, recognised,
                recognised ? "1/QĐ-KT" : null, recognised ? LocalDate.of(year, 12, 20) : null, members),
                collectives.status(collectiveId, year).map(s -> s.version()).orElse(null));
    }

    long citizen(String name, int birthYear, String unitCode, String group, Long household, Long clan,
            Long workplace) {
        return citizens.create(SystemActor.INSTANCE, new CitizenDraft(name, birthYear, Gender.FEMALE, unitCode, group,
                workplace, household, clan, null, null, null), true).citizenId();
    }

    /**
     * An assessment written directly (as a bulk load would), in a state with what that state requires; the caller
     * refreshes the roll-ups. passed, digital, proficient matter from VERIFIED on.
     */
    long assessment(long citizenId, int year, String unitCode, String group, String state, boolean passed,
            boolean digital, boolean proficient, String channel) {
        boolean submitted = !state.equals("DRAFT") && !state.equals("RETURNED");
        boolean verified = submitted && !state.equals("SUBMITTED");
        Long id = jdbc.queryForObject("select nextval('assessment_seq')", Long.class);
        jdbc.update("""
                insert into assessment (id, citizen_id, assessment_year, criteria_set_id, target_group, unit_id,
                    channel, state, self_total, self_passed, verified_total, verified_passed, has_digital_skills,
                    digital_proficient, entered_by, submitted_at, verified_at, version, created_at, updated_at)
                values (?, ?, ?, (select min(id) from criteria_set), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?, 0,
                    current_timestamp, current_timestamp)""",
                id, citizenId, year, group, unitId(unitCode), channel, state,
                submitted ? 85 : null, submitted ? Boolean.TRUE : null,
                verified ? (passed ? 85 : 60) : null, verified ? passed : null, verified ? digital : null,
                verified ? proficient : null,
                submitted ? java.sql.Timestamp.valueOf("2024-10-01 08:00:00") : null,
                verified ? java.sql.Timestamp.valueOf("2024-11-01 08:00:00") : null);
        return id;
    }

    /** The JSON endpoint as the user, expecting 200. */
    JsonNode report(String user, long unitId, int year, String boundaries) throws Exception {
        String body = mvc.perform(get("/api/report/{u}/{y}", unitId, year).param("boundaries", boundaries)
                        .with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    static JsonNode indicator(JsonNode report, String code) {
        for (JsonNode figure : report.get("indicators")) {
            if (figure.get("indicator").asString().equals(code)) {
                return figure;
            }
        }
        for (JsonNode figure : report.get("collectiveRates")) {
            if (figure.get("indicator").asString().equals(code)) {
                return figure;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    static JsonNode child(JsonNode report, String code) {
        for (JsonNode row : report.get("children")) {
            if (!row.get("unit").isNull() && row.get("unit").get("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no child " + code + " in " + report.get("children"));
    }

    static JsonNode light(JsonNode row, String code) {
        for (JsonNode light : row.get("indicators")) {
            if (light.get("indicator").asString().equals(code)) {
                return light;
            }
        }
        throw new AssertionError("no light " + code);
    }
}
