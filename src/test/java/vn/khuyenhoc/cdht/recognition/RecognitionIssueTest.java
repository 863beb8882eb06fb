package vn.khuyenhoc.cdht.recognition;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The recognition round of Xã Vĩnh Linh for 2024 through the pages: draft, pick with the engine's reasons, issue
 * (all or nothing), number reuse, revocation, the documents and the public list.
 */
class RecognitionIssueTest extends RecognitionTestSupport {

    private static final int YEAR = 2024;
    private static final String COMMUNE = "N-VLINH";

    @Test
    void the_draft_form_starts_from_the_setting_and_the_pick_page_shows_the_engines_reasons() throws Exception {
        long passed = verified("xa1", citizen("Trương Thị Mỹ Hạnh", 1979, "VLINH-T01"), YEAR, true);
        long failed = verified("xa1", citizen("Võ Văn Kiệt Tường", 1981, "VLINH-T01"), YEAR, false);

        // form values come back with HTML entities for some letters (xã → x&atilde;)
        String form = HtmlUtils.htmlUnescape(page(get("/recognition/new").param("unit", COMMUNE)
                .param("year", String.valueOf(YEAR)), "xa1"));
        assertThat(form).contains("value=\"Hội Khuyến học xã Vĩnh Linh\"", "value=\"Vĩnh Linh\"", "677/QĐ-TTg",
                "324/QĐ-KHVN", "TM. BAN THƯỜNG TRỰC", "Xã Vĩnh Linh – danh hiệu năm 2024");

        // no title for a year still to come
        int decisions = count("select count(*) from recognition_decision");
        assertThat(mvc.perform(draftRequest(COMMUNE, 2099, nextNumber()).with(as("xa1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"year-error\"", "Năm phải từ 2000 đến");
        assertThat(count("select count(*) from recognition_decision")).isEqualTo(decisions);

        long id = draft("xa1", COMMUNE, YEAR, nextNumber());
        assertThat(decisionStatus(id)).isEqualTo("DRAFT");
        // those who passed come preselected; those who failed are listed apart, not selected
        assertThat(selection(id)).contains(passed).doesNotContain(failed);
        String pick = page(get("/recognition/{id}/pick", id), "xa1");
        assertThat(pick).contains("Trương Thị Mỹ Hạnh", "Đạt").doesNotContain("Võ Văn Kiệt Tường")
                .containsPattern("value=\"" + passed + "\"\\s+id=\"pick-" + passed + "\"[^>]*checked");
        String failures = page(get("/recognition/{id}/pick", id).param("view", "fail"), "xa1");
        assertThat(failures).contains("Võ Văn Kiệt Tường", "Chưa đạt", "id=\"failures-warning\"")
                .doesNotContain("Trương Thị Mỹ Hạnh")
                // the engine's reason, rendered from its message key and arguments
                .contains("Chỉ số 6 đạt 3 điểm, dưới mức tối thiểu 5")
                .containsPattern("value=\"" + failed + "\"\\s+id=\"pick-" + failed + "\"\\s+aria-label=[^>]*>");
        assertThat(failures).doesNotContainPattern("id=\"pick-" + failed + "\"[^>]*checked");
        assertThat(count("select count(*) from audit_event where entity_type = 'RECOGNITION_DECISION' "
                + "and entity_id = ? and action = 'RECOGNITION_DRAFTED'", id)).isEqualTo(1);
    }

    @Test
    void issuing_recognises_those_who_passed_and_not_the_others_and_the_decision_is_then_immutable()
            throws Exception {
        long a = verified("xa1", citizen("Hoàng Thị Thu Hà", 1980, "VLINH-T01"), YEAR, true);
        long b = verified("xa1", citizen("Lê Văn Bình Minh", 1975, "VLINH-T02"), YEAR, false);
        long c = verified("xa1", citizen("Phan Thị Ngọc Ánh", 1990, "VLINH-T03"), YEAR, true);
        int number = nextNumber();
        long id = draft("xa1", COMMUNE, YEAR, number);
        pick("xa1", id, a, b, c);
        assertThat(count("select count(*) from recognition_item where decision_id = ?", id)).isEqualTo(3);

        String confirm = page(get("/recognition/{id}/issue", id), "xa1");
        assertThat(confirm).contains("2 công dân được công nhận, 1 công dân không công nhận", "Xác nhận ban hành");
        mvc.perform(post("/recognition/{id}/issue", id).with(csrf()).with(as("xa1"))
                        .param("version", String.valueOf(decisionVersion(id))))
                .andExpect(redirectedUrl("/recognition/" + id))
                .andExpect(flash().attribute("success", "recognition.issued"));

        assertThat(decisionStatus(id)).isEqualTo("ISSUED");
        assertThat(state(a)).isEqualTo("RECOGNISED");
        assertThat(state(b)).isEqualTo("NOT_RECOGNISED");
        assertThat(state(c)).isEqualTo("RECOGNISED");
        assertThat(jdbc.queryForObject("select details from audit_event where entity_type = 'ASSESSMENT' "
                + "and entity_id = ? and action = 'ASSESSMENT_RECOGNISED'", String.class, a))
                .contains(number + "/QĐ-HKH ngày 20/12/2024");
        assertThat(count("select count(*) from audit_event where entity_type = 'RECOGNITION_DECISION' "
                + "and entity_id = ? and action = 'RECOGNITION_ISSUED'", id)).isEqualTo(1);
        String show = page(get("/recognition/{id}", id), "xa1");
        assertThat(show).contains("Đã ban hành", "Hoàng Thị Thu Hà", "Lê Văn Bình Minh", "Không công nhận")
                .doesNotContain("id=\"edit-decision\"", "id=\"issue-link\"");

        // issued: no edit, no new pick, no second issue, no deletion
        long version = decisionVersion(id);
        for (String path : List.of("/recognition/{id}/edit", "/recognition/{id}/pick", "/recognition/{id}/issue",
                "/recognition/{id}/delete")) {
            mvc.perform(get(path, id).with(as("xa1"))).andExpect(redirectedUrl("/recognition/" + id))
                    .andExpect(flash().attribute("recognitionFailure", "recognition.decision.issued"));
        }
        mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as("xa1"))
                        .param("version", String.valueOf(version)).param("assessment", String.valueOf(a)))
                .andExpect(flash().attribute("recognitionFailure", "recognition.decision.issued"));
        mvc.perform(post("/recognition/{id}/issue", id).with(csrf()).with(as("xa1"))
                        .param("version", String.valueOf(version)))
                .andExpect(flash().attribute("recognitionFailure", "recognition.decision.issued"));
        mvc.perform(post("/recognition/{id}/delete", id).with(csrf()).with(as("xa1"))
                        .param("version", String.valueOf(version)))
                .andExpect(flash().attribute("recognitionFailure", "recognition.decision.issued"));
        mvc.perform(editRequest(id, number + 1000, "Người Khác", version).with(as("xa1")))
                .andExpect(redirectedUrl("/recognition/" + id))
                .andExpect(flash().attribute("recognitionFailure", "recognition.decision.issued"));
        assertThat(decisionVersion(id)).isEqualTo(version);
        assertThat(count("select count(*) from recognition_item where decision_id = ?", id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select number from recognition_decision where id = ?", Integer.class, id))
                .isEqualTo(number);
    }

    @Test
    void a_stale_assessment_refuses_the_whole_issue_and_nothing_changes() throws Exception {
        // positions follow hamlet and name: the stale one (Thôn Vĩnh Long) comes after the others (Thôn Hồ Xá)
        long a = verified("xa1", citizen("Đỗ Thị Kim Chi", 1985, "VLINH-T01"), YEAR, true);
        long b = verified("xa1", citizen("Đỗ Văn Khải", 1970, "VLINH-T01"), YEAR, false);
        long c = verified("xa1", citizen("Ngô Thị Xuân Lan", 1988, "VLINH-T02"), YEAR, true);
        long id = draft("xa1", COMMUNE, YEAR, nextNumber());
        pick("xa1", id, a, b, c);
        assertThat(jdbc.queryForList("select assessment_id from recognition_item where decision_id = ? "
                + "order by position", Long.class, id)).containsExactly(a, b, c);

        // c is sent back, corrected and verified again meanwhile: VERIFIED still, but not the version picked
        CurrentUser xa1 = user("xa1");
        long v = assessments.returnForCorrection(xa1, c, "Bổ sung minh chứng chỉ số 3", assessmentVersion(c));
        v = assessments.saveScores(xa1, c, scores(true), v);
        v = assessments.submit(xa1, c, v);
        assessments.verify(VERIFIER, c, scores(true), v);
        assertThat(state(c)).isEqualTo("VERIFIED");
        assertThat(page(get("/recognition/{id}", id), "xa1")).contains("id=\"stale-warning\"", "đã thay đổi");

        long versionA = assessmentVersion(a);
        long versionB = assessmentVersion(b);
        long versionC = assessmentVersion(c);
        int auditBefore = count("select count(*) from audit_event");
        MvcResult refused = mvc.perform(post("/recognition/{id}/issue", id).with(csrf()).with(as("xa1"))
                        .param("version", String.valueOf(decisionVersion(id))))
                .andExpect(redirectedUrl("/recognition/" + id))
                .andExpect(flash().attribute("recognitionFailure", "recognition.issue.stale"))
                .andReturn();

        // nothing changed: a and b were decided before c failed, and that was rolled back with the rest
        assertThat(decisionStatus(id)).isEqualTo("DRAFT");
        assertThat(List.of(state(a), state(b), state(c))).containsOnly("VERIFIED");
        assertThat(List.of(assessmentVersion(a), assessmentVersion(b), assessmentVersion(c)))
                .containsExactly(versionA, versionB, versionC);
        assertThat(count("select count(*) from audit_event")).isEqualTo(auditBefore);
        String shown = mvc.perform(get("/recognition/{id}", id).with(as("xa1")).with(flashed(refused.getFlashMap())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Chưa ban hành: phiếu của Ngô Thị Xuân Lan đã thay đổi sau khi được chọn",
                "Không phiếu nào bị thay đổi");

        // saving the selection again takes the new version; then it issues
        pick("xa1", id, a, b, c);
        issue("xa1", id);
        assertThat(decisionStatus(id)).isEqualTo("ISSUED");
        assertThat(List.of(state(a), state(b), state(c))).containsExactly("RECOGNISED", "NOT_RECOGNISED",
                "RECOGNISED");
    }

    @Test
    void a_decision_number_is_used_once_per_issuing_body_and_year() throws Exception {
        int number = nextNumber();
        long first = draft("xa1", COMMUNE, YEAR, number);
        int decisions = count("select count(*) from recognition_decision");

        String refused = mvc.perform(draftRequest(COMMUNE, YEAR, number).with(as("xa1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Số " + number + "/QĐ-HKH đã được dùng cho một quyết định khác của cùng cơ quan "
                + "ban hành trong năm 2024. Hãy chọn số khác.");
        assertThat(count("select count(*) from recognition_decision")).isEqualTo(decisions);

        // another issuing body, or another year, may use the number
        draft("xa1", COMMUNE, YEAR - 1, number);
        mvc.perform(draftRequest(COMMUNE, YEAR, number, IssuerKind.COMMUNE_PEOPLES_COMMITTEE).with(as("xa1")))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from recognition_decision")).isEqualTo(decisions + 2);

        // nor can a draft be renumbered onto it
        long second = draft("xa1", COMMUNE, YEAR, nextNumber());
        String edit = mvc.perform(editRequest(second, number, "Lê Thị Hồng Nhung", decisionVersion(second))
                        .with(as("xa1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("đã được dùng cho một quyết định khác");
        assertThat(jdbc.queryForObject("select number from recognition_decision where id = ?", Integer.class,
                second)).isNotEqualTo(number);
        assertThat(decisionStatus(first)).isEqualTo("DRAFT");
    }

    @Test
    void a_draft_can_be_edited_with_its_version_and_deleted_leaving_its_assessments_verified() throws Exception {
        long a = verified("xa1", citizen("Hồ Thị Thanh Tâm", 1992, "VLINH-T04"), YEAR, true);
        long id = draft("xa1", COMMUNE, YEAR, nextNumber());
        pick("xa1", id, a);
        long version = decisionVersion(id);
        mvc.perform(editRequest(id, nextNumber(), "Trần Văn Thắng", version).with(as("xa1")))
                .andExpect(redirectedUrl("/recognition/" + id));
        assertThat(jdbc.queryForObject("select signer_name from recognition_decision where id = ?", String.class,
                id)).isEqualTo("Trần Văn Thắng");
        // a stale form is refused with the stored values shown
        String stale = mvc.perform(editRequest(id, nextNumber(), "Người Khác", version).with(as("xa1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("id=\"latest\"", "Trần Văn Thắng");
        assertThat(jdbc.queryForObject("select signer_name from recognition_decision where id = ?", String.class,
                id)).isEqualTo("Trần Văn Thắng");

        mvc.perform(post("/recognition/{id}/delete", id).with(csrf()).with(as("xa1"))
                .param("version", String.valueOf(decisionVersion(id))))
                .andExpect(redirectedUrl("/recognition?year=2024"));
        assertThat(count("select count(*) from recognition_decision where id = ?", id)).isZero();
        assertThat(count("select count(*) from recognition_item where assessment_id = ?", a)).isZero();
        assertThat(state(a)).isEqualTo("VERIFIED");
        assertThat(count("select count(*) from audit_event where entity_type = 'RECOGNITION_DECISION' "
                + "and entity_id = ? and action = 'RECOGNITION_DRAFT_DELETED'", id)).isEqualTo(1);
    }

    @Test
    void a_revocation_needs_a_reason_is_audited_shows_on_the_decision_and_ends_the_certificate() throws Exception {
        long a = verified("xa1", citizen("Mai Thị Hương Giang", 1984, "VLINH-T01"), YEAR, true);
        long c = verified("xa1", citizen("Mai Văn Quốc Trung", 1986, "VLINH-T01"), YEAR, true);
        long id = draft("xa1", COMMUNE, YEAR, nextNumber());
        pick("xa1", id, a, c);
        issue("xa1", id);
        long itemA = itemId(id, a);

        assertThat(page(get("/recognition/{id}/items/{i}/revoke", id, itemA), "xa1"))
                .contains("Thu hồi công nhận: Mai Thị Hương Giang");
        String noReason = mvc.perform(post("/recognition/{id}/items/{i}/revoke", id, itemA).with(csrf())
                        .with(as("xa1")).param("reason", "  "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noReason).contains("Hãy nhập lý do thu hồi.");
        assertThat(state(a)).isEqualTo("RECOGNISED");

        mvc.perform(post("/recognition/{id}/items/{i}/revoke", id, itemA).with(csrf()).with(as("xa1"))
                        .param("reason", "Khai sai minh chứng chỉ số 5"))
                .andExpect(redirectedUrl("/recognition/" + id));
        assertThat(state(a)).isEqualTo("NOT_RECOGNISED");
        assertThat(state(c)).isEqualTo("RECOGNISED");
        assertThat(jdbc.queryForMap("select revoked_by, revoke_reason from recognition_item where id = ?", itemA))
                .containsEntry("revoked_by", "xa1").containsEntry("revoke_reason", "Khai sai minh chứng chỉ số 5");
        assertThat(jdbc.queryForObject("select reason from audit_event where entity_type = 'RECOGNITION_DECISION' "
                + "and entity_id = ? and action = 'RECOGNITION_REVOKED'", String.class, id))
                .isEqualTo("Khai sai minh chứng chỉ số 5");
        assertThat(jdbc.queryForObject("select reason from audit_event where entity_type = 'ASSESSMENT' "
                + "and entity_id = ? and action = 'ASSESSMENT_REVOKED'", String.class, a))
                .isEqualTo("Khai sai minh chứng chỉ số 5");
        assertThat(page(get("/recognition/{id}", id), "xa1"))
                .contains("Đã thu hồi ngày", "(xa1): Khai sai minh chứng chỉ số 5")
                .doesNotContain("id=\"revoke-" + itemA + "\"", "id=\"certificate-" + itemA + "\"")
                .contains("id=\"revoke-" + itemId(id, c) + "\"");

        // once is enough; the certificate of a revoked recognition is refused, the others print
        mvc.perform(post("/recognition/{id}/items/{i}/revoke", id, itemA).with(csrf()).with(as("xa1"))
                        .param("reason", "Lần nữa"))
                .andExpect(flash().attribute("recognitionFailure", "recognition.revoke.already"));
        mvc.perform(get("/recognition/{id}/items/{i}/certificate.pdf", id, itemA).with(as("xa1")))
                .andExpect(flash().attribute("recognitionFailure", "recognition.certificate.notHolder"));
        String certificates = pdfText(bytes(get("/recognition/{id}/certificates.pdf", id), "xa1"));
        assertThat(certificates).contains("Mai Văn Quốc Trung").doesNotContain("Mai Thị Hương Giang");
        // the decision as issued still lists her, with the revocation noted
        assertThat(pdfText(bytes(get("/recognition/{id}/decision.pdf", id), "xa1")))
                .contains("Mai Thị Hương Giang", "Đã thu hồi ngày");
    }

    @Test
    void the_decision_and_the_certificates_print_the_vietnamese_names_and_the_list_exports_to_excel()
            throws Exception {
        List<String> names = List.of("Nguyễn Thị Ánh Dương", "Đặng Văn Ưng", "Trần Thị Thuỷ Tiên");
        List<Long> ids = new ArrayList<>();
        ids.add(verified("xa1", citizen(names.get(0), 1983, "VLINH-T01"), YEAR, true));
        ids.add(verified("xa1", citizen(names.get(1), 1969, "VLINH-T01"), YEAR, true));
        ids.add(verified("xa1", citizen(names.get(2), 1995, "VLINH-T02"), YEAR, true));
        long failed = verified("xa1", citizen("Lý Văn Thường Kiệt", 1977, "VLINH-T02"), YEAR, false);
        int number = nextNumber();
        long id = draft("xa1", COMMUNE, YEAR, number);
        pick("xa1", id, ids.get(0), ids.get(1), ids.get(2), failed);

        // a draft prints as such, for checking before it is issued; certificates wait for the issue
        assertThat(pdfText(bytes(get("/recognition/{id}/decision.pdf", id), "xa1"))).contains("DỰ THẢO");
        mvc.perform(get("/recognition/{id}/certificates.pdf", id).with(as("xa1")))
                .andExpect(flash().attribute("recognitionFailure", "recognition.certificate.draft"));
        issue("xa1", id);

        byte[] decisionPdf = bytes(get("/recognition/{id}/decision.pdf", id), "xa1");
        assertThat(new String(decisionPdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // lines wrap where the layout wraps them: compare the words
        String decision = pdfText(decisionPdf).replaceAll("\\s+", " ");
        assertThat(decision).contains("HỘI KHUYẾN HỌC XÃ VĨNH LINH", "Số: " + number + "/QĐ-HKH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Vĩnh Linh, ngày 20 tháng 12 năm 2024", "QUYẾT ĐỊNH",
                "Về việc công nhận danh hiệu \"Công dân học tập\" năm 2024", "677/QĐ-TTg", "324/QĐ-KHVN",
                "QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.", "Nơi nhận:", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH",
                "Lê Thị Hồng Nhung", "DANH SÁCH", "Thôn Hồ Xá", "Thôn Vĩnh Long", "1983")
                .doesNotContain("DỰ THẢO", "Lý Văn Thường Kiệt");
        names.forEach(name -> assertThat(decision).contains(name));

        byte[] all = bytes(get("/recognition/{id}/certificates.pdf", id), "xa1");
        assertThat(pdfPages(all)).isEqualTo(3);
        String certificates = pdfText(all);
        assertThat(certificates).contains("GIẤY CHỨNG NHẬN", "Công dân học tập năm 2024", "Nơi cư trú:",
                "Thôn Hồ Xá, Xã Vĩnh Linh").doesNotContain("Lý Văn Thường Kiệt");
        names.forEach(name -> assertThat(certificates).contains(name));
        byte[] one = bytes(get("/recognition/{id}/items/{i}/certificate.pdf", id, itemId(id, ids.get(1))), "xa1");
        assertThat(pdfPages(one)).isEqualTo(1);
        assertThat(pdfText(one)).contains("Đặng Văn Ưng").doesNotContain("Nguyễn Thị Ánh Dương");

        byte[] xlsx = bytes(get("/recognition/{id}/list.xlsx", id), "xa1");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("NĂM 2024");
            Row header = sheet.getRow(3);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Họ và tên");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Thôn, tổ dân phố");
            // the competencies' verified subtotals, named as in the criteria set, then the total
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo(
                    "Năng lực Tự học và học tập suốt đời (điểm thẩm định)");
            assertThat(header.getCell(7).getStringCellValue()).contains("Xây dựng và thực hiện các mối quan hệ xã hội");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("Tổng điểm thẩm định");
            Row first = sheet.getRow(4);
            assertThat(List.of(first.getCell(5).getNumericCellValue(), first.getCell(6).getNumericCellValue(),
                    first.getCell(7).getNumericCellValue(), first.getCell(8).getNumericCellValue()))
                    .containsExactly(36.0, 36.0, 18.0, 90.0);
            List<String> rows = new ArrayList<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.add((int) row.getCell(0).getNumericCellValue() + "|" + row.getCell(1).getStringCellValue() + "|"
                        + (int) row.getCell(2).getNumericCellValue() + "|" + row.getCell(3).getStringCellValue()
                        + "|" + row.getCell(4).getStringCellValue());
            }
            // by hamlet, then name as folded for search ("dang van ung" before "nguyen thi anh duong")
            assertThat(rows).containsExactly("1|Đặng Văn Ưng|1969|Thôn Hồ Xá|Được công nhận",
                    "2|Nguyễn Thị Ánh Dương|1983|Thôn Hồ Xá|Được công nhận",
                    "3|Lý Văn Thường Kiệt|1977|Thôn Vĩnh Long|Không công nhận",
                    "4|Trần Thị Thuỷ Tiên|1995|Thôn Vĩnh Long|Được công nhận");
        }
    }

    @Test
    void the_public_list_shows_names_birth_years_and_hamlets_only_without_signing_in() throws Exception {
        long withPhone = citizen("Cao Thị Bảo Ngọc", 1985, "VLINH-T03", null, null, "0912 345 678",
                "045185777001");
        long a = verified("xa1", withPhone, YEAR, true);
        long b = verified("xa1", citizen("Cao Văn Đạt Nhân", 1960, "VLINH-T03"), YEAR, true);
        long failed = verified("xa1", citizen("Cao Thị Hồng Vân", 1962, "VLINH-T03"), YEAR, false);
        long id = draft("xa1", COMMUNE, YEAR, nextNumber());
        pick("xa1", id, a, b, failed);
        String masked = jdbc.queryForObject("select id_number_masked from citizen where id = ?", String.class,
                withPhone);

        // nothing public while the decision is a draft
        String before = mvc.perform(get("/public/recognition/{c}/{y}", COMMUNE, YEAR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(before).doesNotContain("Cao Thị Bảo Ngọc");
        issue("xa1", id);

        assertThat(mvc.perform(get("/public/recognition")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Xã Vĩnh Linh – năm 2024",
                "href=\"/public/recognition/N-VLINH/2024\"");
        String list = mvc.perform(get("/public/recognition/{c}/{y}", COMMUNE, YEAR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Công dân học tập năm 2024 – Xã Vĩnh Linh", "Cao Thị Bảo Ngọc", "1985",
                "Thôn Vĩnh Chấp", "Cao Văn Đạt Nhân")
                .doesNotContain("Cao Thị Hồng Vân", masked, "0912345678", "0912 345 678", "nav-recognition",
                        "FARMER");

        mvc.perform(post("/recognition/{id}/items/{i}/revoke", id, itemId(id, b)).with(csrf()).with(as("xa1"))
                .param("reason", "Chuyển đi nơi khác trước khi xét")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/public/recognition/{c}/{y}", COMMUNE, YEAR)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Cao Thị Bảo Ngọc")
                .doesNotContain("Cao Văn Đạt Nhân");

        // the rest of the recognition pages still need a sign-in
        mvc.perform(get("/recognition")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/recognition/{id}/decision.pdf", id)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/recognition/{c}/{y}", "NO-SUCH", YEAR)).andExpect(status().isNotFound());
    }

    @Test
    void the_list_of_decisions_shows_the_year_in_scope_with_counts() throws Exception {
        long a = verified("xa1", citizen("Tôn Nữ Minh Châu", 1991, "VLINH-T04"), YEAR, true);
        int number = nextNumber();
        long id = draft("xa1", COMMUNE, YEAR, number);
        pick("xa1", id, a);
        String list = page(get("/recognition").param("year", String.valueOf(YEAR)), "xa1");
        assertThat(list).contains("Quyết định công nhận năm 2024", number + "/QĐ-HKH", "Dự thảo",
                "href=\"/recognition/" + id + "\"", "id=\"new-decision\"");
        assertThat(page(get("/recognition").param("year", String.valueOf(YEAR)), "xa2"))
                .doesNotContain(number + "/QĐ-HKH");
        assertThat(page(get("/recognition").param("year", String.valueOf(YEAR)), "xem"))
                .contains(number + "/QĐ-HKH").doesNotContain("id=\"new-decision\"");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String username) throws Exception {
        return mvc.perform(request.with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] bytes(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String username) throws Exception {
        return mvc.perform(request.with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }
}
