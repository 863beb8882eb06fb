package vn.khuyenhoc.cdht.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The CCCD on the pages: checked, stored as hash and mask, searchable exactly, and never in full in a response,
 * the log or the audit trail.
 */
@ExtendWith(OutputCaptureExtension.class)
class CitizenIdNumberPagesTest extends CitizenTestSupport {

    /** The example: province 038, a woman born in 1990; shown as 0381••••••45. */
    private static final String NUMBER = "038190012345";
    private static final String MASKED = "0381••••••45";

    private final List<String> bodies = new ArrayList<>();

    @Test
    void the_full_number_never_appears_in_a_response_the_log_or_the_audit_trail(CapturedOutput output)
            throws Exception {
        long id = create("xa1", citizen("Trịnh Thị Căn Cước", "1990", "VLINH-T01", "gender", "FEMALE",
                "idNumber", "038 190 012 345"));
        record(get("/citizens/{id}", id), "xa1").andExpect(content().string(containsString(MASKED)));
        record(get("/citizens").param("q", "trinh thi can cuoc"), "xa1")
                .andExpect(content().string(containsString(MASKED)));
        // The edit form shows the mask as a hint, never the number in the input.
        record(get("/citizens/{id}/edit", id), "xa1").andExpect(content().string(containsString(MASKED)));
        record(post("/citizens/search-id").with(csrf()).param("idNumber", NUMBER), "xa1")
                .andExpect(content().string(containsString("/citizens/" + id + "\"")));
        record(get("/citizens").param("q", "trinh thi can cuoc"), "admin");

        assertThat(bodies).hasSize(5).allSatisfy(body -> assertThat(body).doesNotContain(NUMBER)
                .doesNotContain("038 190 012 345").doesNotContain("19001234"));
        assertThat(jdbc.queryForObject("select id_number_masked from citizen where id = ?", String.class, id))
                .isEqualTo(MASKED);
        assertThat(jdbc.queryForObject("select id_number_hash from citizen where id = ?", String.class, id))
                .hasSize(64).doesNotContain(NUMBER);
        assertThat(auditDetails(id)).singleElement().asString().doesNotContain(NUMBER).contains("cccd=set");
        assertThat(output.getAll()).doesNotContain(NUMBER).doesNotContain("038 190 012 345");
    }

    @Test
    void a_number_typed_on_a_rejected_form_comes_back_only_as_a_sealed_token() throws Exception {
        String number = "045085001234";
        int before = count();
        MvcResult rejected = record(citizen("Lương Văn Giữ Số", "1985", "VLINH-T02", "idNumber", number,
                        "phone", "12345"), "xa1")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("citizenForm", "phone"))
                .andExpect(content().string(containsString("id=\"id-pending\"")))
                .andExpect(content().string(containsString("0450••••••34")))
                .andReturn();
        assertThat(bodies.get(0)).doesNotContain(number);
        CitizenForm form = (CitizenForm) rejected.getModelAndView().getModel().get("citizenForm");
        assertThat(form.getIdNumber()).isNull();
        assertThat(form.getIdNumberToken()).isNotBlank().doesNotContain(number);
        assertThat(count()).isEqualTo(before);

        // A token that was tampered with is not trusted: the user is asked to type the number again.
        mvc.perform(citizen("Lương Văn Giữ Số", "1985", "VLINH-T02", "idNumberToken",
                        "x" + form.getIdNumberToken()).with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("citizenForm", "idNumber"));

        long id = create("xa1", citizen("Lương Văn Giữ Số", "1985", "VLINH-T02", "idNumberToken",
                form.getIdNumberToken(), "phone", "0912 345 678"));
        assertThat(jdbc.queryForObject("select id_number_masked from citizen where id = ?", String.class, id))
                .isEqualTo("0450••••••34");
        record(post("/citizens/search-id").with(csrf()).param("idNumber", number), "xa1")
                .andExpect(content().string(containsString("/citizens/" + id + "\"")));
        assertThat(bodies.get(1)).doesNotContain(number);
    }

    @Test
    void malformed_numbers_are_refused_on_the_field_and_not_shown_back() throws Exception {
        int before = count();
        for (String[] bad : new String[][] {{"03819001234", "1990"}, {"097190012345", "1990"},
                {"000190012345", "1990"}, {"03819001234x", "1990"}, {"038190012345", "1991"}}) {
            record(citizen("Vũ Thị Số Sai", bad[1], "VLINH-T01", "gender", "FEMALE", "idNumber", bad[0]), "xa1")
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("citizenForm", "idNumber"));
            assertThat(bodies.get(bodies.size() - 1)).doesNotContain(bad[0]);
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void the_same_number_is_always_refused_even_when_duplicates_are_confirmed() throws Exception {
        String number = "001203004567";
        long first = create("xa1", citizen("Mạc Văn Một", "2003", "VLINH-T03", "idNumber", number));
        int before = count();
        record(citizen("Mạc Văn Hai", "2003", "VLINH-T04", "idNumber", "001-203-004-567",
                "confirmDuplicate", "true"), "xa1")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("citizenForm", "idNumber"));
        // Another commune cannot register the number either, and learns nothing about the person.
        record(citizen("Mạc Văn Ba", "2003", "CTUNG-T01", "idNumber", number), "xa2")
                .andExpect(model().attributeHasFieldErrors("citizenForm", "idNumber"))
                .andExpect(content().string(not(containsString("Mạc Văn Một"))));
        long other = create("xa1", citizen("Mạc Văn Bốn", "2003", "VLINH-T03"));
        record(edit(other, "Mạc Văn Bốn", "2003", "VLINH-T03", version(other)).param("idNumber", number), "xa1")
                .andExpect(model().attributeHasFieldErrors("citizenForm", "idNumber"));
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select id_number_hash from citizen where id = ?", String.class, other))
                .isNull();
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(number));
        assertThat(first).isPositive();
    }

    @Test
    void a_number_registered_in_another_unit_is_not_confirmed_and_clashes_are_limited() throws Exception {
        String number = "044096007788";
        long first = create("xa1", citizen("Hồ Văn Riêng Tư", "1996", "VLINH-T02", "idNumber", number));
        // Cửa Tùng's officer is not told the number is registered (that would say where the person lives)...
        String body = record(citizen("Hồ Văn Khác", "1996", "CTUNG-T01", "idNumber", number), "xa2")
                .andExpect(model().attributeHasFieldErrorCode("citizenForm", "idNumber", "citizen.idNumber.review"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("đã được đăng ký").doesNotContain("Hồ Văn Riêng Tư");
        // ...the match goes to the citizen's history for the province to resolve
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = "
                + "'CITIZEN_ID_NUMBER_CONFLICT' and entity_id = ? and actor = 'xa2'", Integer.class, first))
                .isEqualTo(1);
        // while the citizen's own commune is told plainly
        record(citizen("Hồ Văn Hai", "1996", "VLINH-T03", "idNumber", number), "xa1")
                .andExpect(model().attributeHasFieldErrorCode("citizenForm", "idNumber", "citizen.idNumber.taken"));
        // guessing is rate-limited per user: after ten clashes any CCCD is refused for a while
        for (int i = 0; i < 9; i++) {
            record(citizen("Hồ Văn Đoán", "1996", "CTUNG-T01", "idNumber", number), "xa2");
        }
        record(citizen("Hồ Văn Đoán", "1996", "CTUNG-T01", "idNumber", "044096007799"), "xa2")
                .andExpect(model().attributeHasFieldErrorCode("citizenForm", "idNumber",
                        "citizen.idNumber.throttled"));
        jdbc.update("delete from rate_limit_bucket where id = 'cccd:xa2'");
    }

    @Test
    void exact_search_is_scoped_and_checks_the_number() throws Exception {
        String number = "079195123456";
        long id = create("xa1", citizen("Lâm Thị Tìm Số", "1995", "VLINH-T04", "gender", "FEMALE",
                "idNumber", number));
        record(post("/citizens/search-id").with(csrf()).param("idNumber", number), "xa2")
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/citizens/" + id + "\""))))
                .andExpect(content().string(containsString("id=\"id-search-result\"")));
        record(post("/citizens/search-id").with(csrf()).param("idNumber", number), "xem")
                .andExpect(content().string(containsString("/citizens/" + id + "\"")));
        record(post("/citizens/search-id").with(csrf()).param("idNumber", "0791951"), "xa1")
                .andExpect(status().isOk())
                .andExpect(model().attribute("idError", "citizen.idNumber.format"));
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(number));
    }

    @Test
    void edit_keeps_replaces_or_removes_the_number_and_audits_only_that_it_changed() throws Exception {
        long id = create("xa1", citizen("Quách Văn Đổi Số", "1988", "VLINH-T01", "idNumber", "045088112233"));
        String hash = jdbc.queryForObject("select id_number_hash from citizen where id = ?", String.class, id);
        mvc.perform(edit(id, "Quách Văn Đổi Số", "1988", "VLINH-T01", version(id)).with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select id_number_hash from citizen where id = ?", String.class, id))
                .isEqualTo(hash);
        mvc.perform(edit(id, "Quách Văn Đổi Số", "1988", "VLINH-T01", version(id))
                        .param("idNumber", "045088445566").with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select id_number_masked from citizen where id = ?", String.class, id))
                .isEqualTo("0450••••••66");
        mvc.perform(edit(id, "Quách Văn Đổi Số", "1988", "VLINH-T01", version(id))
                        .param("removeIdNumber", "true").with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select id_number_hash from citizen where id = ?", String.class, id))
                .isNull();
        assertThat(auditDetails(id)).hasSize(4)
                .noneMatch(d -> d.contains("045088112233") || d.contains("045088445566"))
                .anyMatch(d -> d.endsWith("; cccd changed"))
                .anyMatch(d -> d.endsWith("; cccd removed"));
    }

    /** Performs the request and keeps the response body for the "never in full" assertions. */
    private ResultActions record(MockHttpServletRequestBuilder request, String username) throws Exception {
        ResultActions actions = mvc.perform(request.with(as(username)));
        bodies.add(actions.andReturn().getResponse().getContentAsString());
        return actions;
    }
}
