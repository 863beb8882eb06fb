package vn.khuyenhoc.cdht.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.citizen.Gender;

/**
 * The pick page of a decision at the size of a real commune, through the pages: only passes preselected, failures
 * listed apart and included only one by one, server-side paging and filters that keep the selection, "select all
 * that pass" within the filter, and an issued decision that decides exactly those chosen. Xã Gio Linh, 2024, by the
 * admin (no other test works there).
 */
class RecognitionPickTest extends RecognitionTestSupport {

    private static final int YEAR = 2024;
    private static final String COMMUNE = "N-GLINH";

    private final List<Long> passesT01 = new ArrayList<>();
    private final List<Long> passesT02 = new ArrayList<>();
    private final List<Long> failures = new ArrayList<>();

    @BeforeEach
    void assessments() {
        if (count("select count(*) from assessment a join citizen c on c.id = a.citizen_id "
                + "where a.assessment_year = ? and c.full_name like 'Gio %'", YEAR) > 0) {
            load();
            return;
        }
        // 53 farmers of Thôn Gio Mỹ who passed: more than one page of 50
        for (int i = 0; i < 53; i++) {
            passesT01.add(verified("admin", citizen("Gio Mỹ Đạt " + String.format("%02d", i), 1970 + i % 30,
                    "GLINH-T01", Gender.FEMALE, "FARMER"), YEAR, true));
        }
        // Thôn Gio Phong: three workers who passed, two who failed
        for (int i = 0; i < 3; i++) {
            passesT02.add(verified("admin", citizen("Gio Phong Đạt " + i, 1980 + i, "GLINH-T02", Gender.MALE,
                    "WORKER"), YEAR, true));
        }
        for (int i = 0; i < 2; i++) {
            failures.add(verified("admin", citizen("Gio Phong Chưa Đạt " + i, 1985 + i, "GLINH-T02", Gender.MALE,
                    "WORKER"), YEAR, false));
        }
    }

    /** The same assessments for a second test of the class (they are made once: 58 take a few seconds). */
    private void load() {
        for (Map<String, Object> row : jdbc.queryForList("select a.id, c.full_name from assessment a "
                + "join citizen c on c.id = a.citizen_id where a.assessment_year = ? and c.full_name like 'Gio %' "
                + "order by c.full_name", YEAR)) {
            String name = (String) row.get("full_name");
            long id = ((Number) row.get("id")).longValue();
            (name.startsWith("Gio Mỹ Đạt") ? passesT01 : name.startsWith("Gio Phong Đạt") ? passesT02 : failures)
                    .add(id);
        }
    }

    @Test
    void only_passes_come_preselected_paging_and_filters_keep_the_selection_and_the_issue_decides_only_those_chosen()
            throws Exception {
        long id = draft("admin", COMMUNE, YEAR, nextNumber());
        List<Long> passes = new ArrayList<>(passesT01);
        passes.addAll(passesT02);
        assertThat(selection(id)).containsExactlyInAnyOrderElementsOf(passes);

        // server-side pages of 50; failures apart, none ticked
        String first = page(get("/recognition/{id}/pick", id));
        assertThat(first).contains("Đạt (56)", "Không đạt (2)", "Trang 1/2", "Chọn tất cả 56 người đạt theo bộ lọc",
                "Đã chọn 56 người: 56 người đạt sẽ được công nhận, 0 người không đạt")
                .doesNotContain("Gio Phong Chưa Đạt");
        assertThat(ticked(first)).hasSize(50);
        String second = page(get("/recognition/{id}/pick", id).param("page", "1"));
        assertThat(rows(second)).hasSize(6);
        String failing = page(get("/recognition/{id}/pick", id).param("view", "fail"));
        assertThat(rows(failing)).containsExactlyInAnyOrderElementsOf(failures);
        assertThat(ticked(failing)).isEmpty();

        // filters: one hamlet, one target group
        long gioPhong = unitId("GLINH-T02");
        String hamlet = page(get("/recognition/{id}/pick", id).param("hamlet", String.valueOf(gioPhong)));
        assertThat(rows(hamlet)).containsExactlyInAnyOrderElementsOf(passesT02);
        assertThat(hamlet).contains("Đạt (3)", "Không đạt (2)");
        String farmers = page(get("/recognition/{id}/pick", id).param("group", "FARMER").param("page", "1"));
        assertThat(rows(farmers)).hasSize(3).allMatch(passesT01::contains);

        // a tick taken off on page 2 is saved on the way to page 1, and nothing else changes
        long dropped = rows(second).get(0);
        List<Long> keptOnPage = new ArrayList<>(rows(second));
        keptOnPage.remove(dropped);
        mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as("admin"))
                        .param("version", String.valueOf(decisionVersion(id))).param("page", "1")
                        .param("shown", ids(rows(second))).param("assessment", ids(keptOnPage))
                        .param("action", "page:0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "recognition.selected"));
        assertThat(selection(id)).hasSize(55).doesNotContain(dropped);

        // "unselect" and "select all that pass" act on the filter only
        act(id, "clear", "hamlet", String.valueOf(gioPhong));
        assertThat(selection(id)).hasSize(52).doesNotContainAnyElementsOf(passesT02);
        act(id, "selectPassing", "hamlet", String.valueOf(gioPhong));
        assertThat(selection(id)).hasSize(55).containsAll(passesT02).doesNotContain(dropped);
        act(id, "selectPassing", "group", "FARMER");
        assertThat(selection(id)).hasSize(56).contains(dropped);
        act(id, "save", "group", "FARMER", "shown", String.valueOf(dropped));
        assertThat(selection(id)).hasSize(55).doesNotContain(dropped);

        // "select all that pass" never takes a failure; a failure joins only when ticked on purpose
        long chosenFailure = failures.get(0);
        mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as("admin"))
                        .param("version", String.valueOf(decisionVersion(id))).param("view", "fail")
                        .param("shown", ids(failures)).param("assessment", String.valueOf(chosenFailure))
                        .param("action", "save"))
                .andExpect(status().is3xxRedirection());
        assertThat(selection(id)).hasSize(56).contains(chosenFailure).doesNotContain(failures.get(1));
        assertThat(page(get("/recognition/{id}/pick", id))).contains(
                "Đã chọn 56 người: 55 người đạt sẽ được công nhận, 1 người không đạt sẽ ghi");

        issue("admin", id);
        assertThat(decisionStatus(id)).isEqualTo("ISSUED");
        assertThat(count("select count(*) from recognition_item where decision_id = ? and outcome = 'RECOGNISED'", id))
                .isEqualTo(55);
        assertThat(state(chosenFailure)).isEqualTo("NOT_RECOGNISED");
        // the failure nobody chose and the pass taken off are left undecided, not "không công nhận"
        assertThat(state(failures.get(1))).isEqualTo("VERIFIED");
        assertThat(state(dropped)).isEqualTo("VERIFIED");
        passes.stream().filter(a -> a != dropped).forEach(a -> assertThat(state(a)).isEqualTo("RECOGNISED"));
        // the positions (list and certificate register) follow hamlet and name, numbered at issue
        assertThat(jdbc.queryForList("select position from recognition_item where decision_id = ? order by position",
                Integer.class, id)).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 56).boxed()
                .toList());

        // the decision lists the recognised only
        String decision = pdfText(mvc.perform(get("/recognition/{id}/decision.pdf", id).with(as("admin")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(decision).contains("Gio Phong Đạt 0", "Gio Mỹ Đạt 00").doesNotContain("Gio Phong Chưa Đạt");
    }

    @Test
    void the_pick_page_and_its_actions_refuse_other_communes_and_roles_that_do_not_decide() throws Exception {
        long id = draft("admin", COMMUNE, YEAR, nextNumber());
        String version = String.valueOf(decisionVersion(id));
        List<Long> before = selection(id);
        for (String user : List.of("xa1", "xa2", "thon1", "tinh", "xem")) {
            mvc.perform(get("/recognition/{id}/pick", id).with(as(user)).param("view", "fail")
                    .param("hamlet", String.valueOf(unitId("GLINH-T01")))).andExpect(status().isForbidden());
            for (String action : List.of("save", "selectPassing", "clear", "page:1", "view:fail")) {
                mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as(user)).param("version", version)
                                .param("shown", ids(passesT01.subList(0, 2))).param("action", action))
                        .andExpect(status().isForbidden());
            }
        }
        // a hamlet of another commune is no filter of this decision
        mvc.perform(get("/recognition/{id}/pick", id).with(as("admin"))
                .param("hamlet", String.valueOf(unitId("VLINH-T01")))).andExpect(status().isNotFound());
        mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as("admin")).param("version", version)
                        .param("hamlet", String.valueOf(unitId("VLINH-T01"))).param("action", "selectPassing"))
                .andExpect(status().isNotFound());
        // an assessment of another commune cannot be ticked in
        long elsewhere = verified("xa1", citizen("Ngoài Xã Gio Linh", 1990, "VLINH-T03"), YEAR, true);
        mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as("admin")).param("version", version)
                        .param("shown", String.valueOf(elsewhere)).param("assessment", String.valueOf(elsewhere)))
                .andExpect(flash().attribute("recognitionFailure", "recognition.pick.unknown"));
        assertThat(selection(id)).isEqualTo(before);
        assertThat(decisionVersion(id)).isEqualTo(Long.parseLong(version));
        mvc.perform(post("/recognition/{id}/delete", id).with(csrf()).with(as("admin")).param("version", version));
    }

    private void act(long id, String action, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post("/recognition/{id}/pick", id).with(csrf()).with(as("admin"))
                .param("version", String.valueOf(decisionVersion(id))).param("action", action);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("recognitionFailure")).isNull());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The assessments listed on the page, in order. */
    private static List<Long> rows(String html) {
        return all(html, "<tr id=\"candidate-(\\d+)\"");
    }

    /** The assessments ticked on the page. */
    private static List<Long> ticked(String html) {
        return all(html, "value=\"(\\d+)\"\\s+id=\"pick-\\d+\"[^>]*checked");
    }

    private static List<Long> all(String html, String regex) {
        List<Long> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(html);
        while (matcher.find()) {
            found.add(Long.valueOf(matcher.group(1)));
        }
        return found;
    }

    private static String[] ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).toArray(String[]::new);
    }
}
