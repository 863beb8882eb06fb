package vn.khuyenhoc.cdht.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * Every collective endpoint against a user from another unit (xa2 on xa1's commune, thon1 on the commune level)
 * and the read-only roles (tinh, xem): refused, and nothing changes.
 */
class CollectiveScopeTest extends CollectiveTestSupport {

    private static final String[] OUTSIDERS_AND_READERS = {"xa2", "tinh", "xem"};

    @Test
    void show_is_refused_outside_the_subtree_wrong_kinds_and_unknown_ids_are_not_found() throws Exception {
        long household = collective("Gia đình ông Nguyễn Văn Hùng");
        long communeClan = collective("Dòng họ Nguyễn Văn làng Hồ Xá");
        mvc.perform(get("/community/households/{id}", household).with(as("xa2"))).andExpect(status().isForbidden());
        mvc.perform(get("/community/clans/{id}", communeClan).with(as("thon1"))).andExpect(status().isForbidden());
        mvc.perform(get("/community/clans/{id}", household).with(as("xa1"))).andExpect(status().isNotFound());
        mvc.perform(get("/community/households/{id}", 987_654_321L).with(as("admin")))
                .andExpect(status().isNotFound());
        for (String reader : new String[] {"tinh", "xem", "thon1", "xa1"}) {
            mvc.perform(get("/community/households/{id}", household).with(as(reader))).andExpect(status().isOk());
        }
    }

    @Test
    void edit_is_refused_outside_the_subtree_and_to_read_only_roles_and_changes_nothing() throws Exception {
        long household = collective("Gia đình bà Trần Thị Lan");
        long version = version(household);
        for (String user : OUTSIDERS_AND_READERS) {
            mvc.perform(get("/community/households/{id}/edit", household).with(as(user)))
                    .andExpect(status().isForbidden());
            mvc.perform(editCollective("households", household, "Tên trái phép", "VLINH-T01", version)
                            .with(as(user)))
                    .andExpect(status().isForbidden());
        }
        long communeClan = collective("Dòng họ Nguyễn Văn làng Hồ Xá");
        mvc.perform(get("/community/clans/{id}/edit", communeClan).with(as("thon1")))
                .andExpect(status().isForbidden());
        // Moving it into another commune is refused on the field.
        mvc.perform(editCollective("households", household, "Gia đình bà Trần Thị Lan", "CTUNG-T01", version)
                        .with(as("xa1")))
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        assertThat(version(household)).isEqualTo(version);
    }

    @Test
    void status_is_refused_outside_the_subtree_and_to_read_only_roles_and_records_nothing() throws Exception {
        long household = collective("Gia đình ông Lê Văn Minh");
        int before = statusCount();
        for (String user : OUTSIDERS_AND_READERS) {
            mvc.perform(get("/community/households/{id}/status", household).with(as(user)))
                    .andExpect(status().isForbidden());
            mvc.perform(yearStatus("households", household, 2023, false).with(as(user)))
                    .andExpect(status().isForbidden());
        }
        long communeSchool = collective("Trường THCS Vĩnh Linh");
        mvc.perform(yearStatus("learning-units", communeSchool, 2023, false).param("memberCount", "1")
                        .with(as("thon1")))
                .andExpect(status().isForbidden());
        assertThat(statusCount()).isEqualTo(before);
    }

    @Test
    void create_is_refused_to_read_only_roles_and_outside_the_subtree() throws Exception {
        int before = count();
        for (String user : new String[] {"tinh", "xem"}) {
            mvc.perform(get("/community/households/new").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(newCollective("households", "Gia đình trái phép", "VLINH-T01").with(as(user)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(newCollective("households", "Gia đình trái phép", "VLINH-T01").with(as("xa2")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        // A verifier cannot reach the commune a learning unit hangs on.
        mvc.perform(newCollective("learning-units", "Đơn vị trái phép", "N-VLINH").param("unitType", "AGENCY")
                        .with(as("thon1")))
                .andExpect(model().attributeHasFieldErrors("collectiveForm", "unitCode"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void lists_show_only_the_subtree() throws Exception {
        mvc.perform(get("/community/households").with(as("xa2")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gia đình ông Võ Văn Tâm")))
                .andExpect(content().string(not(containsString("Gia đình ông Nguyễn Văn Hùng"))))
                .andExpect(content().string(containsString("id=\"new-collective\"")));
        mvc.perform(get("/community/households").param("unit", "VLINH-T01").with(as("xa2")))
                .andExpect(model().attribute("unitUnknown", true))
                .andExpect(content().string(not(containsString("Gia đình ông Nguyễn Văn Hùng"))));
        mvc.perform(get("/community/learning-units").with(as("xa1")))
                .andExpect(content().string(not(containsString("Công ty TNHH Thủy sản Cửa Tùng"))))
                .andExpect(content().string(not(containsString("Sở Giáo dục và Đào tạo Quảng Trị"))));
        mvc.perform(get("/community/learning-units").with(as("xem")))
                .andExpect(content().string(containsString("Sở Giáo dục và Đào tạo Quảng Trị")))
                .andExpect(content().string(not(containsString("id=\"new-collective\""))));
    }
}
