package vn.khuyenhoc.cdht.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.Normalizer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The input hygiene of issue 14 seen on one real form (HostileInputTest covers every form for "no 5xx, nothing
 * changed"; this checks what the officer sees): a name typed in decomposed Unicode is stored composed (NFC), a
 * bidi override or a control character is a Vietnamese field error with nothing stored, and a birth year in
 * non-ASCII digits is not a number.
 */
class CitizenInputHygieneTest extends CitizenTestSupport {

    @Test
    void a_decomposed_name_is_stored_composed() throws Exception {
        String composed = "Nguyễn Văn Hùng Hygiene";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        long id = create("xa1", citizen(decomposed, "1980", "VLINH-T02"));
        assertThat(jdbc.queryForObject("select full_name from citizen where id = ?", String.class, id))
                .isEqualTo(composed);
    }

    @Test
    void control_and_bidi_characters_and_foreign_digits_are_field_errors_and_nothing_is_stored() throws Exception {
        int before = jdbc.queryForObject("select count(*) from citizen", Integer.class);
        for (String name : new String[] {"Lê\u202Eexe.gnp", "Lê\u0000Văn", "Lê\u0007Văn"}) {
            mvc.perform(citizen(name, "1980", "VLINH-T02").with(as("xa1")))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("citizenForm", "fullName"))
                    .andExpect(content().string(Matchers.containsString("Có ký tự không được phép")));
        }
        for (String year : new String[] {"\u0661\u0669\u0668\u0660", "0x7BC", "\uFF11\uFF19\uFF18\uFF10"}) {
            CitizenForm form = (CitizenForm) mvc.perform(citizen("Lê Văn Số", year, "VLINH-T02").with(as("xa1")))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("citizenForm", "birthYear"))
                    .andReturn().getModelAndView().getModel().get("citizenForm");
            assertThat(form.getFullName()).as("the form keeps what was typed").isEqualTo("Lê Văn Số");
        }
        assertThat(jdbc.queryForObject("select count(*) from citizen", Integer.class)).isEqualTo(before);
    }
}
