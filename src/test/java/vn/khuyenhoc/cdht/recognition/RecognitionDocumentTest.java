package vn.khuyenhoc.cdht.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The printed decision and certificates against Decree 30/2020/NĐ-CP, read back from the PDFs: the number with its
 * leading zero, the national motto spelled "CỘNG HÒA", the superior body above the issuer (from the unit tree), the
 * charter among the bases and QĐ 324's date left as a blank to fill in, Liberation Serif embedded, "Ông"/"Bà" by
 * gender. Xã Gio Linh, 2023, drafted from the province's defaults as a commune would.
 */
class RecognitionDocumentTest extends RecognitionTestSupport {

    private static final int YEAR = 2023;

    @Autowired
    private RecognitionDecisions decisions;

    @Autowired
    private Units units;

    @Test
    void the_decision_and_certificates_follow_decree_30_with_the_superior_body_the_bases_and_ong_or_ba()
            throws Exception {
        long man = verified("admin", citizen("Hoàng Văn Nam", 1975, "GLINH-T03", Gender.MALE, "FARMER"), YEAR, true);
        long woman = verified("admin", citizen("Lê Thị Hoa", 1980, "GLINH-T03", Gender.FEMALE, "FARMER"), YEAR,
                true);
        long other = verified("admin", citizen("Trịnh Bảo An", 1990, "GLINH-T03", Gender.OTHER, "FARMER"), YEAR,
                true);

        // the form starts from the tree and the default bases
        String form = HtmlUtils.htmlUnescape(mvc.perform(get("/recognition/new").param("unit", "N-GLINH")
                        .param("year", String.valueOf(YEAR)).with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(form).contains("value=\"Hội Khuyến học tỉnh Quảng Trị\"", "Căn cứ Điều lệ Hội Khuyến học Việt Nam;",
                "Căn cứ Quyết định số 324/QĐ-KHVN ngày …/…/… của Trung ương Hội Khuyến học Việt Nam");

        CurrentUser admin = user("admin");
        DecisionDraft proposal = decisions.proposal(admin, units.findByCodeOn("N-GLINH", LocalDate.now())
                .orElseThrow(), YEAR);
        assertThat(proposal.number()).isEqualTo(1);
        long id = decisions.create(admin, "N-GLINH", YEAR, new DecisionDraft(1, LocalDate.of(YEAR, 12, 5),
                proposal.issuerKind(), proposal.issuerName(), proposal.placeName(), "Nguyễn Thị Lý",
                proposal.signerTitle(), proposal.legalBasis(), proposal.superiorName()));
        assertThat(selection(id)).contains(man, woman, other);
        // the blank of the default basis is pointed out before issuing
        assertThat(mvc.perform(get("/recognition/{id}", id).with(as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"basis-blank\"");
        issue("admin", id);
        assertThat(decisionStatus(id)).isEqualTo("ISSUED");

        byte[] decisionPdf = pdf("/recognition/" + id + "/decision.pdf");
        String decision = words(decisionPdf);
        assertThat(decision).contains("HỘI KHUYẾN HỌC TỈNH QUẢNG TRỊ HỘI KHUYẾN HỌC XÃ GIO LINH Số: 01/QĐ-HKH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
                "Gio Linh, ngày 05 tháng 12 năm 2023",
                "Căn cứ Điều lệ Hội Khuyến học Việt Nam;",
                "Căn cứ Quyết định số 677/QĐ-TTg ngày 03/6/2022",
                "Căn cứ Quyết định số 324/QĐ-KHVN ngày …/…/… của Trung ương Hội Khuyến học Việt Nam",
                "Hoàng Văn Nam", "Lê Thị Hoa", "Trịnh Bảo An")
                .doesNotContain("CỘNG HOÀ");
        assertThat(fonts(decisionPdf)).allMatch(name -> name.contains("LiberationSerif"));

        byte[] certificates = pdf("/recognition/" + id + "/certificates.pdf");
        assertThat(fonts(certificates)).allMatch(name -> name.contains("LiberationSerif"));
        String all = words(certificates);
        assertThat(all).contains("HỘI KHUYẾN HỌC TỈNH QUẢNG TRỊ BAN THƯỜNG TRỰC HỘI KHUYẾN HỌC XÃ GIO LINH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quyết định số 01/QĐ-HKH").doesNotContain("CỘNG HOÀ");
        assertThat(certificateOf(id, man)).contains("Ông: Hoàng Văn Nam").doesNotContain("Bà:");
        assertThat(certificateOf(id, woman)).contains("Bà: Lê Thị Hoa").doesNotContain("Ông");
        assertThat(certificateOf(id, other)).contains("Ông/Bà: Trịnh Bảo An");
    }

    private String certificateOf(long decisionId, long assessmentId) throws Exception {
        return words(pdf("/recognition/" + decisionId + "/items/" + itemId(decisionId, assessmentId)
                + "/certificate.pdf"));
    }

    private byte[] pdf(String path) throws Exception {
        return mvc.perform(get(path).with(as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    /** The PDF's text with line breaks as spaces: the layout decides where lines wrap. */
    private static String words(byte[] pdf) throws Exception {
        return pdfText(pdf).replaceAll("\\s+", " ");
    }

    /** The base names of every font the PDF uses (subset prefixes such as "AAWKQE+" removed). */
    private static Set<String> fonts(byte[] pdf) throws Exception {
        Set<String> names = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    String font = page.getResources().getFont(name).getName();
                    names.add(font.substring(font.indexOf('+') + 1));
                }
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }
}
