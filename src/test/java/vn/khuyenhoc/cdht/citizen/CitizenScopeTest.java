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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every citizen endpoint against a user from another unit (xa2 on a citizen of xa1's commune, thon1 on another
 * hamlet) and against the read-only roles (tinh, xem): refused, and nothing changes.
 */
class CitizenScopeTest extends CitizenTestSupport {

    private long citizenId;
    private long otherHamletCitizenId;

    @BeforeEach
    void oneCitizenInEachHamlet() throws Exception {
        // Each test adds the same two people again: confirm, the duplicate check is another test's business.
        citizenId = create("xa1", citizen("Phạm Văn Phạm Vi", "1966", "VLINH-T01", "confirmDuplicate", "true"));
        otherHamletCitizenId = create("xa1", citizen("Phạm Thị Phạm Vi", "1967", "VLINH-T02",
                "confirmDuplicate", "true"));
    }

    @Test
    void show_is_refused_outside_the_subtree_and_unknown_ids_are_not_found() throws Exception {
        mvc.perform(get("/citizens/{id}", citizenId).with(as("xa2"))).andExpect(status().isForbidden());
        mvc.perform(get("/citizens/{id}", otherHamletCitizenId).with(as("thon1"))).andExpect(status().isForbidden());
        mvc.perform(get("/citizens/{id}", 987_654_321L).with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/citizens/{id}", citizenId).with(as("thon1"))).andExpect(status().isOk());
        // Read-only roles read, without an edit button.
        mvc.perform(get("/citizens/{id}", citizenId).with(as("xem")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"edit-citizen\""))));
        mvc.perform(get("/citizens/{id}", citizenId).with(as("tinh"))).andExpect(status().isOk());
    }

    @Test
    void edit_form_is_refused_outside_the_subtree_and_to_read_only_roles() throws Exception {
        for (String user : new String[] {"xa2", "tinh", "xem"}) {
            mvc.perform(get("/citizens/{id}/edit", citizenId).with(as(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/citizens/{id}/edit", otherHamletCitizenId).with(as("thon1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/citizens/{id}/edit", citizenId).with(as("thon1"))).andExpect(status().isOk());
    }

    @Test
    void edit_is_refused_outside_the_subtree_and_to_read_only_roles_and_changes_nothing() throws Exception {
        long version = version(citizenId);
        for (String user : new String[] {"xa2", "tinh", "xem"}) {
            mvc.perform(edit(citizenId, "Đổi Tên Trái Phép", "1966", "VLINH-T01", version).with(as(user)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(edit(otherHamletCitizenId, "Đổi Tên Trái Phép", "1967", "VLINH-T02",
                        version(otherHamletCitizenId)).with(as("thon1")))
                .andExpect(status().isForbidden());
        // Moving a citizen into another commune is refused on the field.
        mvc.perform(edit(citizenId, "Phạm Văn Phạm Vi", "1966", "CTUNG-T01", version).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("citizenForm", "residenceCode"));
        assertThat(jdbc.queryForObject("select count(*) from citizen where full_name = 'Đổi Tên Trái Phép'",
                Integer.class)).isZero();
        assertThat(version(citizenId)).isEqualTo(version);
    }

    @Test
    void create_is_refused_to_read_only_roles_and_outside_the_subtree() throws Exception {
        int before = count();
        for (String user : new String[] {"tinh", "xem"}) {
            mvc.perform(get("/citizens/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(citizen("Người Không Được Thêm", "1980", "VLINH-T01").with(as(user)))
                    .andExpect(status().isForbidden());
        }
        expectFieldError(citizen("Người Không Được Thêm", "1980", "VLINH-T01"), "residenceCode", "xa2");
        long otherCommuneHousehold = collective("Gia đình ông Võ Văn Tâm");
        mvc.perform(get("/citizens/new").param("household", String.valueOf(otherCommuneHousehold))
                        .with(as("xa1")))
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);
        mvc.perform(get("/citizens/new").with(as("thon1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"VLINH-T01\"")));
        // Workplaces on offer: the commune's learning units and those above it, never another commune's.
        mvc.perform(get("/citizens/new").with(as("xa1")))
                .andExpect(content().string(containsString("Sở Giáo dục và Đào tạo Quảng Trị")))
                .andExpect(content().string(containsString("Trường THCS Vĩnh Linh")))
                .andExpect(content().string(not(containsString("Công ty TNHH Thủy sản Cửa Tùng"))));
    }

    @Test
    void a_verifier_keeps_a_membership_they_cannot_reach_when_saving_a_citizen_of_their_hamlet() throws Exception {
        long communeClan = collective("Dòng họ Nguyễn Văn làng Hồ Xá");
        long id = create("xa1", citizen("Nguyễn Văn Họ Xã", "1969", "VLINH-T01", "clanId",
                String.valueOf(communeClan)));
        mvc.perform(edit(id, "Nguyễn Văn Họ Xã", "1970", "VLINH-T01", version(id))
                        .param("clanId", String.valueOf(communeClan)).with(as("thon1")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select clan_id from citizen where id = ?", Long.class, id))
                .isEqualTo(communeClan);
        // Choosing it afresh is another matter.
        long other = create("thon1", citizen("Nguyễn Văn Chưa Họ", "1969", "VLINH-T01"));
        mvc.perform(edit(other, "Nguyễn Văn Chưa Họ", "1969", "VLINH-T01", version(other))
                        .param("clanId", String.valueOf(communeClan)).with(as("thon1")))
                .andExpect(model().attributeHasFieldErrors("citizenForm", "clanId"));
    }

    @Test
    void search_shows_only_the_subtree_and_refuses_another_units_filters() throws Exception {
        mvc.perform(get("/citizens").param("q", "pham vi").with(as("xa2")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/citizens/" + citizenId + "\""))));
        mvc.perform(get("/citizens").param("q", "pham vi").with(as("thon1")))
                .andExpect(content().string(containsString("/citizens/" + citizenId + "\"")))
                .andExpect(content().string(not(containsString("/citizens/" + otherHamletCitizenId + "\""))));
        mvc.perform(get("/citizens").param("unit", "VLINH-T01").with(as("xa2")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("unitUnknown", true))
                .andExpect(content().string(not(containsString("/citizens/" + citizenId + "\""))));
        long household = collective("Gia đình ông Nguyễn Văn Hùng");
        mvc.perform(get("/citizens").param("collective", String.valueOf(household)).with(as("xa2")))
                .andExpect(status().isForbidden());
        for (String user : new String[] {"tinh", "xem", "admin"}) {
            mvc.perform(get("/citizens").param("q", "pham vi").with(as(user)))
                    .andExpect(content().string(containsString("/citizens/" + citizenId + "\"")))
                    .andExpect(content().string(user.equals("admin") ? containsString("id=\"new-citizen\"")
                            : not(containsString("id=\"new-citizen\""))));
        }
    }

    @Test
    void exact_search_finds_nobody_outside_the_subtree() throws Exception {
        long id = create("xa1", citizen("Phạm Văn Có Số", "1994", "VLINH-T02", "idNumber", "045094556677"));
        mvc.perform(post("/citizens/search-id").with(csrf()).param("idNumber", "045094556677").with(as("thon1")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/citizens/" + id + "\""))));
        mvc.perform(post("/citizens/search-id").with(csrf()).param("idNumber", "045094556677").with(as("xa2")))
                .andExpect(content().string(not(containsString("/citizens/" + id + "\""))));
        mvc.perform(post("/citizens/search-id").with(csrf()).param("idNumber", "045094556677").with(as("xa1")))
                .andExpect(content().string(containsString("/citizens/" + id + "\"")));
    }
}
