package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Re-basing on the demo tree: the former Vĩnh Linh district's communes merged into Xã Vĩnh Linh (VL-HOXA,
 * VL-VLONG, VL-VCHAP), Xã Cửa Tùng (VL-CTUNG, ...) and Xã Vĩnh Hoàng on 1 July 2025. Results of 2021 recorded on
 * the old communes (a year no other test records anything in) show under the new communes on today's boundaries and under the old
 * ones on the boundaries of the time.
 */
class ReportDemoRebasingTest extends ReportTestSupport {

    private static final int YEAR = 2021;
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        // citizens registered back then in the old communes (the services only attach current units)
        long hoXa = oldCitizen("Tái Cơ Sở Hồ Xá", "VL-HOXA");
        long vinhLong = oldCitizen("Tái Cơ Sở Vĩnh Long", "VL-VLONG");
        long cuaTung = oldCitizen("Tái Cơ Sở Cửa Tùng", "VL-CTUNG");
        assessment(hoXa, YEAR, "VL-HOXA", "FARMER", "RECOGNISED", true, true, false, "STAFF_PROXY");
        assessment(vinhLong, YEAR, "VL-VLONG", "FARMER", "RECOGNISED", true, false, false, "STAFF_PROXY");
        assessment(cuaTung, YEAR, "VL-CTUNG", "FARMER", "NOT_RECOGNISED", false, false, false, "STAFF_PROXY");
        for (String code : List.of("VL-HOXA", "VL-VLONG", "VL-CTUNG")) {
            refresh.refreshUnit(unitId(code));
        }
        loaded = true;
    }

    @Test
    void the_province_on_todays_boundaries_counts_the_old_communes_under_their_successors() throws Exception {
        JsonNode r = report("tinh", unitId("QT"), YEAR, "current");
        assertThat(child(r, "N-VLINH").get("assessed").asLong()).isEqualTo(2);
        assertThat(child(r, "N-VLINH").get("recognised").asLong()).isEqualTo(2);
        assertThat(child(r, "N-VLINH").get("registered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(child(r, "N-CTUNG").get("assessed").asLong()).isEqualTo(1);
        assertThat(child(r, "N-VHOANG").get("assessed").asLong()).isZero();
        assertThat(r.get("children").findValuesAsString("code")).doesNotContain("464");
        assertThat(r.get("total").get("assessed").asLong()).isEqualTo(3);
        assertThat(indicator(r, "DIGITAL").get("official").get("numerator").asLong()).isEqualTo(1);
        assertThat(indicator(r, "DIGITAL").get("official").get("denominator").asLong()).isEqualTo(2);
    }

    @Test
    void the_boundaries_of_the_time_show_the_old_district_and_its_communes() throws Exception {
        JsonNode r = report("tinh", unitId("QT"), YEAR, "historical");
        assertThat(child(r, "464").get("assessed").asLong()).isEqualTo(3);
        // the new communes did not exist in 2021: not listed (issue 16); only the old district (and, when some 2021
        // figure lies under today's units, the one line "elsewhere")
        for (JsonNode row : r.get("children")) {
            assertThat(row.get("elsewhere").asBoolean() || row.get("unit").get("code").asString().equals("464"))
                    .as(row.toString()).isTrue();
        }
        JsonNode district = report("tinh", unitId("464"), YEAR, "historical");
        assertThat(district.get("unit").get("current").asBoolean()).isFalse();
        assertThat(child(district, "VL-HOXA").get("assessed").asLong()).isEqualTo(1);
        assertThat(child(district, "VL-VLONG").get("recognised").asLong()).isEqualTo(1);
        assertThat(district.get("children")).hasSize(11);
        JsonNode old = report("tinh", unitId("VL-HOXA"), YEAR, "current");
        assertThat(old.get("boundariesForced").asBoolean()).isTrue();
        assertThat(old.get("total").get("recognised").asLong()).isEqualTo(1);
    }

    @Test
    void the_new_communes_officer_sees_the_predecessors_results_but_not_the_old_units() throws Exception {
        JsonNode mine = report("xa1", unitId("N-VLINH"), YEAR, "current");
        assertThat(mine.get("total").get("assessed").asLong()).isEqualTo(2);
        assertThat(mine.get("breadcrumbs")).hasSize(1);
        JsonNode asItWas = report("xa1", unitId("N-VLINH"), YEAR, "historical");
        assertThat(asItWas.get("total").get("assessed").asLong()).isZero();
        mvc.perform(get("/api/report/{u}/{y}", unitId("VL-HOXA"), YEAR).with(as("xa1")))
                .andExpect(status().isForbidden());
        JsonNode other = report("xa2", unitId("N-CTUNG"), YEAR, "current");
        assertThat(other.get("total").get("assessed").asLong()).isEqualTo(1);
    }

    private long oldCitizen(String name, String unitCode) {
        Long id = jdbc.queryForObject("select nextval('citizen_seq')", Long.class);
        jdbc.update("""
                insert into citizen (id, full_name, search_name, birth_year, gender, unit_id, target_group, version,
                    created_at, updated_at)
                values (?, ?, ?, 1970, 'MALE', ?, 'FARMER', 0, current_timestamp, current_timestamp)""",
                id, name, vn.khuyenhoc.cdht.shared.SearchText.fold(name), unitId(unitCode));
        return id;
    }
}
