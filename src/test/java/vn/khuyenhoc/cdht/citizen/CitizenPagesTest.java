package vn.khuyenhoc.cdht.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Citizen pages: search, create and edit with their rules, duplicates, and the optimistic lock. */
class CitizenPagesTest extends CitizenTestSupport {

    @Test
    void search_without_diacritics_finds_the_name_with_them() throws Exception {
        long id = create("xa1", citizen("Đặng Thị Ưng Hoà", "1979", "VLINH-T02"));
        mvc.perform(get("/citizens").param("q", "dang thi ung hoa").with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/citizens/" + id + "\"")))
                .andExpect(content().string(containsString("Đặng Thị Ưng Hoà")));
        // The demo data has Nguyễn Văn An: the classic example from the issue.
        mvc.perform(get("/citizens").param("q", "nguyen van a").with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Văn An")));
        mvc.perform(get("/citizens").param("q", "NGUYỄN  văn   an").with(as("xa1")))
                .andExpect(content().string(containsString("Nguyễn Văn An")));
    }

    @Test
    void search_filters_by_hamlet_and_target_group() throws Exception {
        long farmer = create("xa1", citizen("Kiều Văn Lọc", "1961", "VLINH-T03"));
        long official = create("xa1", citizen("Kiều Thị Lọc", "1991", "VLINH-T03", "targetGroup",
                "OFFICIAL"));
        long elsewhere = create("xa1", citizen("Kiều Văn Lộc", "1961", "VLINH-T04"));
        mvc.perform(get("/citizens").param("q", "kieu").param("unit", "VLINH-T03").param("group", "FARMER")
                        .with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/citizens/" + farmer + "\"")))
                .andExpect(content().string(not(containsString("/citizens/" + official + "\""))))
                .andExpect(content().string(not(containsString("/citizens/" + elsewhere + "\""))));
        // The commune's code filters its whole subtree.
        mvc.perform(get("/citizens").param("q", "kieu").param("unit", "N-VLINH").with(as("xa1")))
                .andExpect(content().string(containsString("/citizens/" + elsewhere + "\"")))
                .andExpect(content().string(containsString("/citizens/" + official + "\"")));
    }

    @Test
    void search_is_paged() throws Exception {
        MvcResult result = mvc.perform(get("/citizens").with(as("admin"))).andExpect(status().isOk()).andReturn();
        org.springframework.data.domain.Page<?> page =
                (org.springframework.data.domain.Page<?>) result.getModelAndView().getModel().get("results");
        assertThat(page.getContent()).hasSize(25);
        assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(40);
        mvc.perform(get("/citizens").param("page", "1").with(as("admin"))).andExpect(status().isOk())
                .andExpect(model().attribute("results", org.hamcrest.Matchers.hasProperty("number",
                        org.hamcrest.Matchers.is(1))));
    }

    @Test
    void create_is_audited_and_shows_the_citizen() throws Exception {
        long id = create("thon1", citizen("Tôn Nữ Thanh Bình", "1985", "VLINH-T01", "gender", "FEMALE",
                "phone", "+84 912 000 111"));
        mvc.perform(get("/citizens/{id}", id).with(as("thon1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tôn Nữ Thanh Bình")))
                .andExpect(content().string(containsString("0912000111")))
                .andExpect(content().string(containsString("id=\"no-assessments\"")));
        assertThat(jdbc.queryForObject("select search_name from citizen where id = ?", String.class, id))
                .isEqualTo("ton nu thanh binh");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'CITIZEN' "
                + "and entity_id = ? and action = 'CITIZEN_CREATED' and actor = 'thon1'", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void rejected_create_keeps_input_and_changes_nothing() throws Exception {
        int before = count();
        expectFieldError(citizen("Trần Thị Sai Năm", "1800", "VLINH-T01"), "birthYear");
        expectFieldError(citizen("Trần Thị Sai Năm", "2999", "VLINH-T01"), "birthYear");
        expectFieldError(citizen("Trần Thị Sai Năm", "abc", "VLINH-T01"), "birthYear");
        expectFieldError(citizen("Trần Thị Sai Năm", "1980", "VLINH-T01", "phone", "0212345678"), "phone");
        expectFieldError(citizen("Trần Thị Sai Năm", "1980", "VLINH-T01", "targetGroup", "ALIEN"),
                "targetGroup");
        expectFieldError(citizen("Trần Thị Sai Năm", "1980", "NO-SUCH"), "residenceCode");
        // A province is not a place of residence.
        expectFieldError(citizen("Trần Thị Sai Năm", "1980", "QT"), "residenceCode");
        expectFieldError(citizen("Trần Thị Sai Năm", "1980", "VLINH-T01", "clanId", "999999"), "clanId");
        mvc.perform(citizen("   ", "1980", "VLINH-T01").with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("citizenForm", "fullName"));
        MvcResult result = mvc.perform(citizen("Trần Thị Sai Năm", "1800", "VLINH-T01", "phone", "0912345678")
                        .with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"0912345678\"")))
                .andReturn();
        CitizenForm form = (CitizenForm) result.getModelAndView().getModel().get("citizenForm");
        assertThat(form.getFullName()).isEqualTo("Trần Thị Sai Năm");
        assertThat(form.getResidenceCode()).isEqualTo("VLINH-T01");
        assertThat(form.getTargetGroup()).isEqualTo("FARMER");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_likely_duplicate_is_flagged_and_needs_confirmation() throws Exception {
        long first = create("xa1", citizen("Nguyễn Văn Bảy", "1980", "VLINH-T04"));
        int before = count();
        mvc.perform(citizen("nguyen van  BAY", "1980", "VLINH-T04").with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("duplicates", hasSize(1)))
                .andExpect(content().string(containsString("id=\"duplicates\"")))
                .andExpect(content().string(containsString("/citizens/" + first + "\"")));
        assertThat(count()).isEqualTo(before);
        // Another year or another hamlet is not a likely duplicate.
        create("xa1", citizen("Nguyễn Văn Bảy", "1981", "VLINH-T04"));
        create("xa1", citizen("Nguyễn Văn Bảy", "1980", "VLINH-T03"));
        mvc.perform(citizen("nguyen van  BAY", "1980", "VLINH-T04", "confirmDuplicate", "true")
                        .with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before + 3);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CITIZEN_CREATED' "
                + "and details like '%despite possible duplicates [" + first + "]%'", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_verifier_enters_citizens_in_their_hamlet_only() throws Exception {
        create("thon1", citizen("Lê Văn Thôn Một", "1970", "VLINH-T01"));
        int before = count();
        expectFieldError(citizen("Lê Văn Thôn Hai", "1970", "VLINH-T02"), "residenceCode", "thon1");
        expectFieldError(citizen("Lê Văn Thôn Hai", "1970", "N-VLINH"), "residenceCode", "thon1");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void memberships_must_be_in_reach_and_a_provincial_workplace_is() throws Exception {
        long otherCommuneHousehold = collective("Gia đình ông Võ Văn Tâm");
        expectFieldError(citizen("Hồ Văn Ở Nhờ", "1970", "VLINH-T01")
                .param("householdId", String.valueOf(otherCommuneHousehold)), "householdId");
        long provincialAgency = collective("Sở Giáo dục và Đào tạo Quảng Trị");
        long ownHousehold = collective("Gia đình ông Nguyễn Văn Hùng");
        long clan = collective("Dòng họ Nguyễn Văn làng Hồ Xá");
        // A clan or household cannot be picked as a workplace.
        expectFieldError(citizen("Hồ Văn Ở Nhờ", "1970", "VLINH-T01")
                .param("workplaceId", String.valueOf(clan)), "workplaceId");
        long id = create("xa1", citizen("Hồ Văn Ở Nhà", "1970", "VLINH-T01")
                .param("householdId", String.valueOf(ownHousehold)).param("clanId", String.valueOf(clan))
                .param("workplaceId", String.valueOf(provincialAgency)));
        assertThat(jdbc.queryForObject("select workplace_id from citizen where id = ?", Long.class, id))
                .isEqualTo(provincialAgency);
        mvc.perform(get("/citizens").param("collective", String.valueOf(ownHousehold)).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/citizens/" + id + "\"")))
                .andExpect(content().string(containsString("id=\"collective-filter\"")));
    }

    @Test
    void edit_saves_and_audits_old_and_new() throws Exception {
        long id = create("xa1", citizen("Phan Văn Sửa", "1975", "VLINH-T01"));
        long version = version(id);
        mvc.perform(edit(id, "Phan Văn Sửa Lại", "1976", "VLINH-T02", version).with(as("xa1")))
                .andExpect(redirectedUrl("/citizens/" + id));
        assertThat(jdbc.queryForObject("select full_name from citizen where id = ?", String.class, id))
                .isEqualTo("Phan Văn Sửa Lại");
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'CITIZEN_UPDATED' "
                + "and entity_id = ?", String.class, id))
                .contains("'Phan Văn Sửa' born=1975").contains("-> 'Phan Văn Sửa Lại' born=1976");
    }

    @Test
    void a_stale_edit_is_refused_shows_the_latest_and_keeps_what_was_typed() throws Exception {
        long id = create("xa1", citizen("Đỗ Văn Cũ", "1975", "VLINH-T01"));
        long staleVersion = version(id);
        mvc.perform(edit(id, "Đỗ Văn Người Khác", "1975", "VLINH-T01", staleVersion).with(as("admin")))
                .andExpect(status().is3xxRedirection());
        MvcResult result = mvc.perform(edit(id, "Đỗ Văn Tôi Gõ", "1977", "VLINH-T01", staleVersion)
                        .with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("citizenForm"))
                .andExpect(content().string(containsString("id=\"latest\"")))
                .andExpect(content().string(containsString("Đỗ Văn Người Khác")))
                .andReturn();
        CitizenForm form = (CitizenForm) result.getModelAndView().getModel().get("citizenForm");
        assertThat(form.getFullName()).isEqualTo("Đỗ Văn Tôi Gõ");
        assertThat(form.getBirthYear()).isEqualTo(1977);
        assertThat(form.getVersion()).isEqualTo(version(id));
        assertThat(jdbc.queryForObject("select full_name from citizen where id = ?", String.class, id))
                .isEqualTo("Đỗ Văn Người Khác");
        // Having seen the other change, the user saves again and wins.
        mvc.perform(edit(id, "Đỗ Văn Tôi Gõ", "1977", "VLINH-T01", form.getVersion()).with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select full_name from citizen where id = ?", String.class, id))
                .isEqualTo("Đỗ Văn Tôi Gõ");
    }
}
