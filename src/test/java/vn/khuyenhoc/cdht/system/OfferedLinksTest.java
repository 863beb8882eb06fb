package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The links a page offers follow the owning module's policy (accounts: admins and province officers; the tree's
 * changes and the map boundaries: admins), asked through each module's menu advice rather than typed as roles in
 * the templates. The server refuses the actions anyway; these tests keep pages from offering what will be refused.
 */
class OfferedLinksTest extends PostgresIntegrationTest {

    @Test
    void the_home_page_offers_accounts_and_the_trees_changes_to_whom_they_belong() throws Exception {
        assertThat(page("admin", "/")).contains("href=\"/accounts\"", "href=\"/units/import\"",
                "href=\"/units/successions/new\"");
        assertThat(page("tinh", "/")).contains("href=\"/accounts\"")
                .doesNotContain("href=\"/units/import\"", "href=\"/units/successions/new\"");
        assertThat(page("xa1", "/")).doesNotContain("href=\"/accounts\"", "href=\"/units/import\"",
                "href=\"/units/successions/new\"");
    }

    @Test
    void the_unit_page_offers_the_trees_changes_to_admins_only() throws Exception {
        long province = unitId("QT");
        assertThat(page("admin", "/units/" + province)).contains("/units/new?parent=" + province,
                "/units/" + province + "/retire");
        assertThat(page("tinh", "/units/" + province)).doesNotContain("/units/new?parent=",
                "/units/" + province + "/retire");
    }

    @Test
    void the_map_offers_the_boundaries_page_to_admins_only() throws Exception {
        long province = unitId("QT");
        assertThat(page("admin", "/report/" + province + "/2026/map")).contains("href=\"/report/maps\"");
        assertThat(page("tinh", "/report/" + province + "/2026/map")).doesNotContain("href=\"/report/maps\"");
    }

    private String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
