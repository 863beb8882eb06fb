package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The three competencies' subtotals on the live form (before every score is in), on its preview and on the
 * assessment page (self and verified), named as in the criteria set; and a result from self-scores shown as
 * provisional ("Tạm tính: đạt"), never as the green "Đạt" of a verified one.
 */
class AssessmentSubtotalTest extends AssessmentTestSupport {

    private static final int YEAR = 2022;

    @Test
    void the_form_the_preview_and_the_page_show_each_competencys_points_and_a_draft_is_only_provisional()
            throws Exception {
        long id = start("xa1", citizen("VLINH-T01", "FARMER"), YEAR);
        // competency 1 (indicators 1-4) scored 8 each, the rest still empty
        mvc.perform(scores("/assessments/" + id + "/edit", version(id),
                of(8, 8, 8, 8, null, null, null, null, null, null), Map.of()).with(as("xa1")));
        String form = page(get("/assessments/{id}/edit", id));
        assertThat(subtotal(form, "1")).isEqualTo("Tự học và học tập suốt đời: 32/40");
        assertThat(subtotal(form, "2")).isEqualTo("Sử dụng các công cụ tương tác: 0/40");
        assertThat(subtotal(form, "3")).isEqualTo("Xây dựng và thực hiện các mối quan hệ xã hội: 0/20");

        String preview = page(scores("/assessments/" + id + "/preview", version(id), of(8, 8, 8, 8, 9, 9, 9, 9, 7, 7),
                Map.of()));
        assertThat(subtotal(preview, "2")).isEqualTo("Sử dụng các công cụ tương tác: 36/40");
        assertThat(subtotal(preview, "3")).isEqualTo("Xây dựng và thực hiện các mối quan hệ xã hội: 14/20");
        assertThat(preview).contains("id=\"live-passed\"", "Tạm tính: đạt").doesNotContain("bg-success");

        mvc.perform(scores("/assessments/" + id + "/edit", version(id), of(8, 8, 8, 8, 9, 9, 9, 9, 7, 7), Map.of())
                .with(as("xa1")));
        String draft = page(get("/assessments/{id}", id));
        assertThat(sectionCell(draft, "1", "subtotal-self")).isEqualTo("32/40");
        assertThat(sectionCell(draft, "3", "subtotal-self")).isEqualTo("14/20");
        assertThat(draft).contains("Tạm tính: đạt").doesNotContain("badge bg-success");
        assertThat(page(get("/assessments").param("year", String.valueOf(YEAR)).param("unit", "VLINH-T01")))
                .contains("Tạm tính: đạt");

        // verified by the hamlet with one score lowered: the verified subtotals beside the self ones, final
        long version = assessments.submit(user("xa1"), id, version(id));
        assessments.verify(user("thon1"), id, Map.of("1", new ScoreEntry(8, null), "2", new ScoreEntry(8, null),
                "3", new ScoreEntry(8, null), "4", new ScoreEntry(8, null), "5", new ScoreEntry(9, null),
                "6", new ScoreEntry(9, null), "7", new ScoreEntry(9, null), "8", new ScoreEntry(9, null),
                "9", new ScoreEntry(5, "Chưa có minh chứng hoà giải"), "10", new ScoreEntry(7, null)), version);
        String verified = page(get("/assessments/{id}", id));
        assertThat(sectionCell(verified, "3", "subtotal-self")).isEqualTo("14/20");
        assertThat(sectionCell(verified, "3", "subtotal-verified")).isEqualTo("12/20");
        assertThat(verified).contains("badge bg-success");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as("xa1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String subtotal(String html, String code) {
        return find(html, "id=\"live-subtotal-" + code + "\">([^<]*)<");
    }

    private static String sectionCell(String html, String code, String cssClass) {
        int row = html.indexOf("id=\"section-" + code + "\"");
        assertThat(row).isPositive();
        return find(html.substring(row), "class=\"text-end " + cssClass + "\">([^<]*)<");
    }

    private static String find(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1).strip();
    }
}
