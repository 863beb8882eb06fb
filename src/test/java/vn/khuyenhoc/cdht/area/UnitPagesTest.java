package vn.khuyenhoc.cdht.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

class UnitPagesTest extends PostgresIntegrationTest {

    @Test
    void commune_officer_sees_own_commune_and_its_hamlets() throws Exception {
        long vinhLinh = unitId("N-VLINH");
        mvc.perform(get("/units/{id}", vinhLinh).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Thôn Hồ Xá")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Thôn Tân Mỹ")));
    }

    @Test
    void commune_officer_is_refused_another_commune() throws Exception {
        mvc.perform(get("/units/{id}", unitId("N-VLINH")).with(as("xa2")))
                .andExpect(status().isForbidden());
    }

    @Test
    void search_without_diacritics_finds_the_province() throws Exception {
        mvc.perform(get("/units/search").param("q", "quang tri").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tỉnh Quảng Trị")));
    }

    @Test
    void rejected_create_keeps_input_and_changes_nothing() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from admin_unit", Integer.class);
        mvc.perform(post("/units/new").with(as("admin")).with(csrf())
                        .param("code", "NEW-X1").param("name", "Thôn Mới").param("levelCode", "hamlet")
                        .param("parentCode", "NO-SUCH").param("validFrom", "01/08/2025"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("unitForm", "parentCode"))
                .andExpect(result -> assertThat(((UnitForm) result.getModelAndView().getModel().get("unitForm"))
                        .getName()).isEqualTo("Thôn Mới"))
                // Thymeleaf writes ô as an entity inside attributes; the browser shows what was typed.
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"name\" value=\"Th&ocirc;n Mới\"")));
        assertThat(jdbc.queryForObject("select count(*) from admin_unit", Integer.class)).isEqualTo(before);
    }
}
