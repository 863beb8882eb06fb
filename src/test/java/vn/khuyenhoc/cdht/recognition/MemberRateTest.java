package vn.khuyenhoc.cdht.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A household and a learning unit of Xã Cửa Tùng show how many of their members hold the title in a year, counted
 * by hand below: recognised by an issued decision and not revoked since.
 */
class MemberRateTest extends RecognitionTestSupport {

    private static final int YEAR = 2024;

    @Test
    void collective_pages_count_the_members_holding_the_title() throws Exception {
        long household = collective(post("/community/households/new").param("name", "Gia đình bà Kiểm Thử Tỉ Lệ")
                .param("unitCode", "CTUNG-T01"));
        long school = collective(post("/community/learning-units/new").param("name", "Trường Kiểm Thử Tỉ Lệ")
                .param("unitCode", "N-CTUNG").param("unitType", "SCHOOL"));
        mvc.perform(post("/community/learning-units/{id}/status", school).with(csrf()).with(as("xa2"))
                        .param("year", String.valueOf(YEAR)).param("recognised", "false").param("memberCount", "2"))
                .andExpect(status().is3xxRedirection());

        // five members of the household; the first, third and fifth also work at the school
        long h1 = citizen("Hà Thị Một", 1980, "CTUNG-T01", household, school, null, null);
        long h2 = citizen("Hà Văn Hai", 1981, "CTUNG-T01", household, null, null, null);
        long h3 = citizen("Hà Thị Ba", 1982, "CTUNG-T01", household, school, null, null);
        citizen("Hà Văn Bốn", 1983, "CTUNG-T01", household, null, null, null);
        long h5 = citizen("Hà Thị Năm", 1984, "CTUNG-T01", household, school, null, null);
        long a1 = verified("xa2", h1, YEAR, true);
        long a2 = verified("xa2", h2, YEAR, true);
        long a3 = verified("xa2", h3, YEAR, false);
        long a5 = verified("xa2", h5, YEAR, true);
        String before = page("/community/households/" + household + "?year=" + YEAR);
        assertThat(before).contains("0/5 thành viên đã ghi nhận có danh hiệu (0 %)");

        long decision = draft("xa2", "N-CTUNG", YEAR, nextNumber());
        pick("xa2", decision, a1, a2, a3, a5);
        issue("xa2", decision);
        // by hand: h1, h2, h5 recognised, h3 not, h4 not assessed; then h2's recognition is revoked
        mvc.perform(post("/recognition/{id}/items/{i}/revoke", decision, itemId(decision, a2)).with(csrf())
                .with(as("xa2")).param("reason", "Khai sai năm sinh")).andExpect(status().is3xxRedirection());

        String householdPage = page("/community/households/" + household + "?year=" + YEAR);
        assertThat(householdPage).contains("Thành viên đạt danh hiệu Công dân học tập năm 2024",
                "2/5 thành viên đã ghi nhận có danh hiệu (40 %)").doesNotContain("id=\"rate-declared\"");

        String schoolPage = page("/community/learning-units/" + school + "?year=" + YEAR);
        assertThat(schoolPage).contains("2/3 thành viên đã ghi nhận có danh hiệu (66,6 %)",
                "So với số thành viên đã khai báo: 2/2 (100 %)", "id=\"rate-threshold-met\"",
                "Đạt mức 90 % cần để công nhận đơn vị học tập");

        // another year: nobody yet, and no declared member count
        String otherYear = page("/community/learning-units/" + school + "?year=" + (YEAR - 1));
        assertThat(otherYear).contains("0/3 thành viên", "id=\"rate-no-declared\"")
                .doesNotContain("id=\"rate-threshold-met\"");
        // the current year by default
        assertThat(page("/community/households/" + household)).contains("id=\"member-rate\"");
    }

    private long collective(MockHttpServletRequestBuilder request) throws Exception {
        String location = mvc.perform(request.with(csrf()).with(as("xa2"))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(as("xa2"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
