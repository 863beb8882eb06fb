package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The portal's privacy notice is the administrator's: each save publishes a new version (number, text, who, when),
 * old versions stay viewable; bad input is refused in Vietnamese with the text kept and nothing stored; a province
 * officer, a commune officer and a hamlet verifier get 403 on every page and the form.
 */
class PrivacyNoticeAdminTest extends PostgresIntegrationTest {

    @Test
    void an_admin_publishes_versions_and_old_ones_stay_viewable() throws Exception {
        int old = current();
        String oldBody = body(old);
        mvc.perform(get("/portal/notice").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notice-versions\"")))
                .andExpect(content().string(containsString("name=\"basedOn\" value=\"" + old + "\"")));
        // the page is linked from the administration menu, for admins only
        mvc.perform(get("/").with(as("admin"))).andExpect(content().string(containsString("href=\"/portal/notice\"")));
        mvc.perform(get("/").with(as("tinh")))
                .andExpect(content().string(not(containsString("href=\"/portal/notice\""))));

        String text = "Thông báo thử nghiệm " + System.nanoTime() + "\nDòng thứ hai.";
        mvc.perform(post("/portal/notice").with(as("admin")).with(csrf()).param("body", text)
                .param("basedOn", "" + old)).andExpect(redirectedUrl("/portal/notice"));
        assertThat(current()).isEqualTo(old + 1);
        Map<String, Object> row = jdbc.queryForMap("select body, published_by, published_at from portal_notice "
                + "where version_no = ?", old + 1);
        assertThat(row.get("body")).isEqualTo(text);
        assertThat(row.get("published_by")).isEqualTo("admin");
        assertThat(row.get("published_at")).isNotNull();
        assertThat(body(old)).as("the old version is kept as it was").isEqualTo(oldBody);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PORTAL_NOTICE_PUBLISHED' "
                + "and entity_id = ?", Integer.class, old + 1)).isEqualTo(1);

        mvc.perform(get("/portal/notice/{v}", old).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"superseded\"")));
        mvc.perform(get("/portal/notice/{v}", old + 1).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dòng thứ hai.")))
                .andExpect(content().string(containsString("id=\"in-force\"")));
        mvc.perform(get("/portal/notice/{v}", 99_999).with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void bad_input_is_refused_in_vietnamese_with_the_text_kept_and_nothing_stored() throws Exception {
        int version = current();
        int rows = count();
        // empty
        mvc.perform(post("/portal/notice").with(as("admin")).with(csrf()).param("body", "   ")
                .param("basedOn", "" + version)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng nhập nội dung thông báo")));
        // unchanged
        mvc.perform(post("/portal/notice").with(as("admin")).with(csrf()).param("body", body(version))
                .param("basedOn", "" + version)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nội dung không thay đổi")));
        // edited from an older version: someone else published meanwhile; what was typed stays
        String typed = "Ban sua tu phien ban cu " + System.nanoTime();
        mvc.perform(post("/portal/notice").with(as("admin")).with(csrf()).param("body", typed)
                .param("basedOn", "" + (version - 1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã có người ban hành phiên bản")))
                .andExpect(content().string(containsString(typed)));
        // control characters and a tampered version
        mvc.perform(post("/portal/notice").with(as("admin")).with(csrf()).param("body", "Nội dung\u0000lạ")
                .param("basedOn", "" + version)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Có ký tự không được phép")));
        mvc.perform(post("/portal/notice").with(as("admin")).with(csrf()).param("body", "Nội dung khác " + typed)
                .param("basedOn", "0x5")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"problem\"")));
        assertThat(count()).isEqualTo(rows);
        assertThat(current()).isEqualTo(version);
    }

    @Test
    void nobody_but_the_admin_reads_or_edits_the_notice() throws Exception {
        int version = current();
        for (String refused : List.of("tinh", "xa1", "xa2", "thon1", "xem")) {
            mvc.perform(get("/portal/notice").with(as(refused))).andExpect(status().isForbidden());
            mvc.perform(get("/portal/notice/{v}", version).with(as(refused))).andExpect(status().isForbidden());
            mvc.perform(post("/portal/notice").with(as(refused)).with(csrf()).param("body", "Chiếm quyền " + refused)
                    .param("basedOn", "" + version)).andExpect(status().isForbidden());
        }
        assertThat(current()).isEqualTo(version);
        // and without a staff login, the sign-in page
        mvc.perform(get("/portal/notice")).andExpect(redirectedUrl("/login"));
    }

    private int current() {
        return jdbc.queryForObject("select max(version_no) from portal_notice", Integer.class);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from portal_notice", Integer.class);
    }

    private String body(int version) {
        return jdbc.queryForObject("select body from portal_notice where version_no = ?", String.class, version);
    }
}
