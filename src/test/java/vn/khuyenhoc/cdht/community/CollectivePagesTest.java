package vn.khuyenhoc.cdht.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Households, clans, hamlet communities and learning units: lists, create, edit and the yearly status. */
class CollectivePagesTest extends CollectiveTestSupport {

    @Test
    void every_kind_has_a_list_and_names_match_without_diacritics() throws Exception {
        mvc.perform(get("/community").with(as("xem"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"community-learning-units\"")));
        for (String slug : new String[] {"households", "clans", "communities", "learning-units"}) {
            mvc.perform(get("/community/{kind}", slug).with(as("xa1"))).andExpect(status().isOk());
        }
        mvc.perform(get("/community/households").param("q", "nguyen van hung").with(as("xa1")))
                .andExpect(content().string(containsString("Gia đình ông Nguyễn Văn Hùng")))
                .andExpect(content().string(not(containsString("Gia đình bà Trần Thị Lan"))));
        mvc.perform(get("/community/no-such-kind").with(as("xa1"))).andExpect(status().isNotFound());
    }

    @Test
    void lists_filter_by_unit_and_by_the_status_of_a_year() throws Exception {
        mvc.perform(get("/community/households").param("unit", "VLINH-T01").param("year", "2024")
                        .param("status", "RECOGNISED").with(as("xa1")))
                .andExpect(content().string(containsString("Gia đình ông Nguyễn Văn Hùng")))
                .andExpect(content().string(not(containsString("Gia đình ông Lê Văn Minh"))));
        mvc.perform(get("/community/households").param("year", "2024").param("status", "NOT_RECOGNISED")
                        .with(as("xa1")))
                .andExpect(content().string(containsString("Gia đình ông Lê Văn Minh")))
                .andExpect(content().string(not(containsString("Gia đình ông Nguyễn Văn Hùng"))));
        mvc.perform(get("/community/households").param("year", "2024").param("status", "UNRECORDED")
                        .with(as("xa1")))
                .andExpect(content().string(containsString("Gia đình ông Hoàng Văn Sơn")))
                .andExpect(content().string(not(containsString("Gia đình ông Lê Văn Minh"))));
    }

    @Test
    void create_edit_and_audit_a_household() throws Exception {
        long id = create("thon1", newCollective("households", "Gia đình ông Trương Văn Mới", "VLINH-T01"));
        mvc.perform(get("/community/households/{id}", id).with(as("thon1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gia đình ông Trương Văn Mới")))
                .andExpect(content().string(containsString("id=\"edit-collective\"")));
        mvc.perform(editCollective("households", id, "Gia đình ông Trương Văn Cũ", "VLINH-T01", version(id))
                        .with(as("xa1")))
                .andExpect(redirectedUrl("/community/households/" + id));
        assertThat(jdbc.queryForObject("select search_name from collective where id = ?", String.class, id))
                .isEqualTo("gia dinh ong truong van cu");
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'COLLECTIVE' "
                + "and entity_id = ? order by id", String.class, id))
                .containsExactly("COLLECTIVE_CREATED", "COLLECTIVE_UPDATED");
    }

    @Test
    void rejected_create_keeps_input_and_changes_nothing() throws Exception {
        int before = count();
        MvcResult result = mvc.perform(newCollective("learning-units", "Trường Mầm non Hoa Sen", "N-VLINH")
                        .with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitType"))
                .andReturn();
        assertThat(((CollectiveForm) result.getModelAndView().getModel().get("collectiveForm")).getName())
                .isEqualTo("Trường Mầm non Hoa Sen");
        // A learning unit hangs on a commune or province, never a hamlet; a household never on a province.
        mvc.perform(newCollective("learning-units", "Trường Mầm non Hoa Sen", "VLINH-T01").param("unitType",
                        "SCHOOL").with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        mvc.perform(newCollective("households", "Gia đình Sai Cấp", "QT").with(as("admin")))
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        mvc.perform(newCollective("households", " ", "VLINH-T01").with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "name"));
        assertThat(count()).isEqualTo(before);
        long school = create("xa1", newCollective("learning-units", "Trường Mầm non Hoa Sen", "N-VLINH")
                .param("unitType", "SCHOOL"));
        assertThat(jdbc.queryForObject("select unit_type from collective where id = ?", String.class, school))
                .isEqualTo("SCHOOL");
    }

    @Test
    void a_hamlet_has_at_most_one_learning_community() throws Exception {
        int before = count();
        mvc.perform(newCollective("communities", "Cộng đồng thứ hai", "VLINH-T01").with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        // Communities sit at hamlet level only.
        mvc.perform(newCollective("communities", "Cộng đồng cấp xã", "N-VLINH").with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        assertThat(count()).isEqualTo(before);
        long tanMy = create("xa1", newCollective("communities", "Cộng đồng học tập thôn Tân Mỹ", "VLINH-T04"));
        long hoXa = collective("Cộng đồng học tập thôn Hồ Xá");
        mvc.perform(editCollective("communities", hoXa, "Cộng đồng học tập thôn Hồ Xá", "VLINH-T04",
                        version(hoXa)).with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        assertThat(tanMy).isPositive();
    }

    @Test
    void a_stale_edit_is_refused_and_keeps_what_was_typed() throws Exception {
        long id = create("xa1", newCollective("clans", "Dòng họ Hồ thôn Vĩnh Chấp", "VLINH-T03"));
        long stale = version(id);
        mvc.perform(editCollective("clans", id, "Dòng họ Hồ (người khác sửa)", "VLINH-T03", stale)
                        .with(as("admin")))
                .andExpect(status().is3xxRedirection());
        MvcResult result = mvc.perform(editCollective("clans", id, "Dòng họ Hồ (tôi sửa)", "VLINH-T03", stale)
                        .with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"latest\"")))
                .andExpect(content().string(containsString("Dòng họ Hồ (người khác sửa)")))
                .andReturn();
        CollectiveForm form = (CollectiveForm) result.getModelAndView().getModel().get("collectiveForm");
        assertThat(form.getName()).isEqualTo("Dòng họ Hồ (tôi sửa)");
        assertThat(form.getVersion()).isEqualTo(version(id));
        assertThat(jdbc.queryForObject("select name from collective where id = ?", String.class, id))
                .isEqualTo("Dòng họ Hồ (người khác sửa)");
    }

    @Test
    void yearly_status_needs_a_decision_when_recognised_and_members_for_learning_units() throws Exception {
        long household = collective("Gia đình ông Hoàng Văn Sơn");
        int before = statusCount();
        mvc.perform(yearStatus("households", household, 2025, true).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("statusForm", "decisionRef"));
        mvc.perform(yearStatus("households", household, 2025, true).param("decisionRef", "51/QĐ-UBND")
                        .with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("statusForm", "decisionDate"));
        mvc.perform(yearStatus("households", household, 1999, false).with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("statusForm", "year"));
        mvc.perform(yearStatus("households", household, 2025, true).param("decisionRef", "51/QĐ-UBND")
                        .param("decisionDate", "31/12/2999").with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("statusForm", "decisionDate"));
        mvc.perform(yearStatus("households", household, 2025, true).param("decisionRef", "51/QĐ-UBND")
                        .param("decisionDate", "32/12/2025").with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("statusForm", "decisionDate"))
                .andExpect(content().string(containsString("value=\"51/QĐ-UBND\"")));
        long school = collective("Trường THCS Vĩnh Linh");
        mvc.perform(yearStatus("learning-units", school, 2023, false).with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("statusForm", "memberCount"));
        assertThat(statusCount()).isEqualTo(before);

        mvc.perform(yearStatus("households", household, 2025, true).param("decisionRef", "51/QĐ-UBND")
                        .param("decisionDate", "20/12/2025").with(as("xa1")))
                .andExpect(redirectedUrl("/community/households/" + household));
        mvc.perform(yearStatus("learning-units", school, 2023, true).param("decisionRef", "30/QĐ-UBND")
                        .param("decisionDate", "15/12/2023").param("memberCount", "40").with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select member_count from collective_year where collective_id = ? "
                + "and status_year = 2023", Integer.class, school)).isEqualTo(40);
        mvc.perform(get("/community/households/{id}", household).with(as("xem")))
                .andExpect(content().string(containsString("51/QĐ-UBND")))
                .andExpect(content().string(containsString("20/12/2025")))
                .andExpect(content().string(not(containsString("id=\"record-status\""))));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_id = ? and action = "
                + "'COLLECTIVE_STATUS_RECORDED' and details like '%none -> 2025: recognised=true%'", Integer.class,
                household)).isEqualTo(1);
    }

    @Test
    void a_status_saved_by_someone_else_meanwhile_is_not_overwritten() throws Exception {
        long household = collective("Gia đình bà Phan Thị Hoa");
        int year = Year.now().getValue();
        // Two people open the empty year; the first saves.
        mvc.perform(yearStatus("households", household, year, false).with(as("admin")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(yearStatus("households", household, year, true).param("decisionRef", "60/QĐ-UBND")
                        .param("decisionDate", "01/01/" + year).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("statusForm"))
                .andExpect(content().string(containsString("id=\"latest\"")))
                .andExpect(content().string(containsString("value=\"60/QĐ-UBND\"")));
        assertThat(jdbc.queryForObject("select recognised from collective_year where collective_id = ? "
                + "and status_year = ?", Boolean.class, household, year)).isFalse();
        // With the version now on the form, the second save goes through.
        long version = jdbc.queryForObject("select version from collective_year where collective_id = ? "
                + "and status_year = ?", Long.class, household, year);
        mvc.perform(yearStatus("households", household, year, true).param("decisionRef", "60/QĐ-UBND")
                        .param("decisionDate", "01/01/" + year).param("version", String.valueOf(version))
                        .with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/community/households/{id}/status", household).param("year", String.valueOf(year))
                        .with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"60/QĐ-UBND\"")));
    }
}
