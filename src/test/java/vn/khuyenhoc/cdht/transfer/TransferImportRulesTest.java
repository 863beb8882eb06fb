package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;

/**
 * Every rule the import applies, one test each, through an upload's dry run: the row, the column and the message a
 * person reads. The transfer module's own rules (parsing, matching) use its bundle's keys; the citizen's fields,
 * the assessment's workflow and the scores are the owners' rules, reported with the owners' messages.
 */
class TransferImportRulesTest extends TransferTestSupport {

    /** The transfer bundle's row keys, each with its test below (the last test keeps this list honest). */
    private static final Set<String> ROW_KEYS_TESTED = Set.of("formula", "scoreNotNumber", "gender",
            "unitRequired", "unitUnknown", "unitOutOfScope", "unitLevel", "yearNotNumber", "duplicateInFile",
            "ambiguous", "citizenOutOfScope");
    static final String VERIFIED_HEADER = ",Thẩm định 1,Thẩm định 2,Thẩm định 3,Thẩm định 4,Thẩm định 5,"
            + "Thẩm định 6,Thẩm định 7,Thẩm định 8,Thẩm định 9,Thẩm định 10";
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** A year printed as a grouped number ("2.026", "1,999"): no row message may contain one. */
    private static final Pattern GROUPED_YEAR = Pattern.compile("\\b[12][.,]\\d{3}\\b");

    @Autowired
    Citizens citizens;

    /** Hamlets of this test alone: the citizens it registers stay out of the other tests' exports. */
    @BeforeEach
    void hamlets() {
        synchronized (TransferTestSupport.class) {
            hamlet("TT-R01", "Thôn Thử Quy Tắc Một", "N-VLINH");
            hamlet("TT-R02", "Thôn Thử Quy Tắc Hai", "N-VLINH");
            hamlet("TT-RC1", "Thôn Thử Quy Tắc Cửa Tùng", "N-CTUNG");
        }
    }

    // ---- the transfer module's own rules: reading and matching ----

    @Test
    void a_formula_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,=HYPERLINK(\"http://x\"),1980,Nam,,FARMER,,"), "DRAFT", "2|Họ và tên",
                "công thức");
    }

    @Test
    void a_score_that_is_not_a_number_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Điểm Chữ," + 1980 + ",Nam,,FARMER,2020,tám" + ",8".repeat(9)), "DRAFT",
                "2|Tự đánh giá 1", "\"tám\" không phải số nguyên");
    }

    @Test
    void an_unknown_gender_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Giới Lạ,1980,Không rõ,,FARMER,,"), "DRAFT", "2|Giới tính", "\"Không rõ\"");
    }

    @Test
    void a_missing_hamlet_code_is_refused() throws Exception {
        refused("xa1", csv(",Không Thôn,1980,Nam,,FARMER,,"), "DRAFT", "2|Mã thôn", "Thiếu mã thôn");
    }

    @Test
    void an_unknown_hamlet_is_refused() throws Exception {
        refused("xa1", csv("XX-NONE,Thôn Lạ,1980,Nam,,FARMER,,"), "DRAFT", "2|Mã thôn", "\"XX-NONE\" không tồn tại");
    }

    @Test
    void a_hamlet_of_another_commune_is_refused() throws Exception {
        refused("xa1", csv("TT-RC1,Thôn Xã Khác,1980,Nam,,FARMER,,"), "DRAFT", "2|Mã thôn",
                "ngoài đơn vị bạn quản lý");
    }

    @Test
    void a_unit_that_is_neither_hamlet_nor_commune_is_refused() throws Exception {
        refused("admin", csv("QT,Ở Tỉnh,1980,Nam,,FARMER,,"), "DRAFT", "2|Mã thôn", "không phải thôn hay xã");
    }

    @Test
    void an_assessment_year_that_is_not_a_number_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Năm Chữ,1980,Nam,,FARMER,hai nghìn" + all(8)), "DRAFT", "2|Năm đánh giá",
                "\"hai nghìn\" không phải là một năm");
    }

    @Test
    void the_same_person_twice_in_a_file_is_refused() throws Exception {
        ImportJob job = dryRun("xa1", csv("TT-R01,Hai Lần Một,1980,Nam,,FARMER,,",
                "TT-R01,Hai Lần Một,1980,Nam,,FARMER,,"), "DRAFT");
        assertThat(errorCells(job)).containsExactly("3|Họ và tên");
        assertThat(job.getReport().shownErrors().get(0).message()).contains("Trùng với một dòng khác");
    }

    @Test
    void a_name_shared_by_two_registered_citizens_is_refused() throws Exception {
        for (int i = 0; i < 2; i++) {
            citizens.create(user("xa1"), new CitizenDraft("Giống Nhau Hai Người", 1977, Gender.MALE, "TT-R01",
                    "FARMER", null, null, null, null, null, null), true);
        }
        refused("xa1", csv("TT-R01,Giống Nhau Hai Người,1977,Nam,,FARMER,,"), "DRAFT", "2|Họ và tên",
                "Có 2 công dân cùng họ tên");
    }

    @Test
    void a_citizen_registered_in_another_commune_is_refused() throws Exception {
        citizens.create(user("xa2"), new CitizenDraft("Ở Cửa Tùng", 1982, Gender.FEMALE, "TT-RC1", "FARMER", null,
                null, null, null, "079182000111", null), true);
        refused("xa1", csv("TT-R01,Ở Cửa Tùng,1982,Nữ,079182000111,FARMER,,"), "DRAFT", "2|Số CCCD",
                "ngoài phạm vi bạn quản lý");
    }

    // ---- the citizen module's field rules ----

    @Test
    void a_missing_name_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,,1980,Nam,,FARMER,,"), "DRAFT", "2|Họ và tên", "Hãy nhập họ và tên");
    }

    @Test
    void a_name_too_long_is_refused() throws Exception {
        refused("xa1", csv("TT-R01," + "Nguyễn Văn Dài ".repeat(11).strip() + ",1980,Nam,,FARMER,,"), "DRAFT",
                "2|Họ và tên", "dài quá 150 ký tự");
    }

    @Test
    void a_birth_year_out_of_range_or_not_a_number_is_refused() throws Exception {
        ImportJob job = dryRun("xa1", csv("TT-R01,Sinh Xưa,1850,Nam,,FARMER,,", "TT-R01,Sinh Chữ,năm,Nam,,FARMER,,"),
                "DRAFT");
        assertThat(errorCells(job)).containsExactly("2|Năm sinh", "3|Năm sinh");
        assertThat(job.getReport().shownErrors()).allSatisfy(e -> assertThat(e.message())
                .contains("Năm sinh phải từ 1900 đến"));
    }

    @Test
    void a_missing_gender_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Không Giới,1980,,,FARMER,,"), "DRAFT", "2|Giới tính", "Hãy chọn giới tính");
    }

    @Test
    void an_unknown_target_group_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Nhóm Lạ,1980,Nam,,NOBODY,,"), "DRAFT", "2|Đối tượng", "nhóm đối tượng");
    }

    @Test
    void a_bad_cccd_is_refused() throws Exception {
        ImportJob job = dryRun("xa1", csv("TT-R01,Căn Cước Ngắn,1980,Nam,079080123,FARMER,,",
                "TT-R01,Căn Cước Tỉnh,1980,Nam,999180123456,FARMER,,",
                "TT-R01,Căn Cước Năm,1975,Nam,079180123456,FARMER,,"), "DRAFT");
        assertThat(errorCells(job)).containsExactly("2|Số CCCD", "3|Số CCCD", "4|Số CCCD");
        assertThat(job.getReport().shownErrors()).extracting(RowError::message).containsExactly(
                "Số CCCD gồm đúng 12 chữ số.",
                "Ba số đầu của CCCD là mã tỉnh nơi đăng ký khai sinh, từ 001 đến 096.",
                "Số CCCD không khớp với năm sinh đã nhập.");
    }

    @Test
    void every_problem_of_a_row_is_reported_not_only_the_first() throws Exception {
        ImportJob job = dryRun("xa1", csv("TT-R01,,1850,,,NOBODY,,"), "DRAFT");
        assertThat(errorCells(job)).containsExactlyInAnyOrder("2|Họ và tên", "2|Năm sinh", "2|Giới tính",
                "2|Đối tượng");
    }

    // ---- the assessment module's rules: year, set, workflow, separation of duties ----

    @Test
    void an_assessment_year_outside_the_range_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Năm Xưa,1980,Nam,,FARMER,1999" + all(8)), "DRAFT", "2|Năm đánh giá",
                "Không lập phiếu cho năm 1999: chỉ lập cho năm nay hoặc các năm trước");
    }

    @Test
    void a_year_without_a_criteria_set_in_force_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Không Bộ Tiêu Chí,1980,Nam,,FARMER,2021" + all(8)), "DRAFT", "2|Năm đánh giá",
                "Chưa có bộ tiêu chí nào có hiệu lực cho năm 2021.");
    }

    @Test
    void years_print_as_years_in_row_messages_and_on_the_job_page() throws Exception {
        // a year is an Integer argument: the Vietnamese number format would print it "2.021" (issue 14, item 8)
        ImportJob job = dryRun("xa1", csv("TT-R01,Năm Không Dấu,1980,Nam,,FARMER,2021" + all(8)), "DRAFT");
        assertThat(job.getReport().shownErrors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("năm 2021").doesNotContain("2.021").doesNotContain("2,021"));
        String page = new String(download("xa1", "/transfer/jobs/" + job.getId()), StandardCharsets.UTF_8);
        assertThat(page).contains("Năm mặc định 2020").contains("năm 2021")
                .doesNotContain("2.020").doesNotContain("2.021");
        String errors = new String(download("xa1", "/transfer/jobs/" + job.getId() + "/errors.csv"),
                StandardCharsets.UTF_8);
        assertThat(errors).contains("năm 2021").doesNotContain("2.021");
    }

    @Test
    void a_target_group_the_set_has_no_form_for_is_refused() throws Exception {
        mvc.perform(post("/criteria/target-groups").with(as("admin")).with(csrf()).param("code", "TT-NOFORM")
                .param("name", "Nhóm thử không có phiếu"));
        refused("xa1", csv("TT-R01,Không Có Phiếu,1980,Nam,,Nhóm thử không có phiếu,2020" + all(8)), "DRAFT",
                "2|Đối tượng", "không có phiếu cho nhóm đối tượng \"Nhóm thử không có phiếu\"");
    }

    @Test
    void a_submitted_assessment_is_locked_against_other_self_scores() throws Exception {
        String name = "Đã Nộp Khoá " + SERIAL.incrementAndGet();
        committed("xa1", csv("TT-R02," + name + ",1980,Nam,,FARMER,2020" + all(8)), "SUBMITTED");
        ImportJob job = dryRun("xa1", csv("TT-R02," + name + ",1980,Nam,,FARMER,2020" + all(9)), "DRAFT");
        assertThat(errorCells(job)).containsExactly("2|Tự đánh giá");
        assertThat(job.getReport().shownErrors().get(0).message())
                .isEqualTo("Không thể nhập, sửa điểm khi phiếu đang ở trạng thái \"Chờ thẩm định\".");
    }

    @Test
    void incomplete_self_scores_are_refused_for_a_submitted_assessment() throws Exception {
        ImportJob job = dryRun("xa1", csv("TT-R01,Thiếu Điểm Nộp,1980,Nam,,FARMER,2020,8,8,8,,8,8,8,8,8,"),
                "SUBMITTED");
        assertThat(errorCells(job)).containsExactly("2|Tự đánh giá 4", "2|Tự đánh giá 10");
        assertThat(job.getReport().shownErrors().get(0).message()).isEqualTo("Chưa có điểm chỉ số 4.");
        // a draft may be incomplete
        assertThat(dryRun("xa1", csv("TT-R01,Thiếu Điểm Nháp,1980,Nam,,FARMER,2020,8,8,8,,8,8,8,8,8,"), "DRAFT")
                .getReport().hasErrors()).isFalse();
    }

    @Test
    void a_score_out_of_its_range_is_refused() throws Exception {
        refused("xa1", csv("TT-R01,Điểm Mười Một,1980,Nam,,FARMER,2020" + scores(8, 8, 11, 8, 8, 8, 8, 8, 8, 8)),
                "DRAFT", "2|Tự đánh giá 3", "Chỉ số 3: điểm 11 nằm ngoài khoảng 0–10.");
    }

    @Test
    void an_unknown_indicator_is_refused() throws Exception {
        String file = (HEADER + ",Tự đánh giá 11\n" + "TT-R01,Chỉ Số Lạ,1980,Nam,,FARMER,2020" + all(8) + ",7\n");
        ImportJob job = dryRun("xa1", file, "DRAFT");
        assertThat(errorCells(job)).containsExactly("2|Tự đánh giá 11");
        assertThat(job.getReport().shownErrors().get(0).message()).startsWith("Chỉ số \"11\" không thuộc bộ tiêu chí")
                .doesNotContain("TEST-TRANSFER");
    }

    @Test
    void verified_scores_of_a_new_assessment_are_refused() throws Exception {
        refused("xa1", verifiedCsv("TT-R01,Thẩm Định Mới,1980,Nam,,FARMER,2020" + all(8) + all(8)), "DRAFT",
                "2|Thẩm định", "Không thể thẩm định khi phiếu đang ở trạng thái \"Đang nhập\"");
    }

    @Test
    void incomplete_verified_scores_are_refused() throws Exception {
        refused("xa1", verifiedCsv("TT-R01,Thẩm Định Thiếu,1980,Nam,,FARMER,2020" + all(8)
                + ",8,8,8,8,8,8,8,8,8,"), "DRAFT", "2|Thẩm định 10", "Chưa có điểm chỉ số 10.");
    }

    @Test
    void a_verification_sheet_from_the_one_who_entered_the_scores_is_refused() throws Exception {
        String name = "Tự Thẩm Định " + SERIAL.incrementAndGet();
        committed("xa1", csv("TT-R02," + name + ",1980,Nam,,FARMER,2020" + all(8)), "SUBMITTED");
        refused("xa1", verifiedCsv("TT-R02," + name + ",1980,Nam,,FARMER,2020" + all(8) + all(8)), "DRAFT",
                "2|Thẩm định", "không được thẩm định nó");
    }

    @Test
    void an_assessment_of_another_commune_is_refused_even_for_a_citizen_who_moved_in() throws Exception {
        String name = "Chuyển Đến " + SERIAL.incrementAndGet();
        committed("xa2", csv("TT-RC1," + name + ",1980,Nam,,FARMER,2020" + all(8)), "DRAFT");
        jdbc.update("update citizen set unit_id = ? where full_name = ?", unitId("TT-R02"), name);
        refused("xa1", csv("TT-R02," + name + ",1980,Nam,,FARMER,2020" + all(9)), "DRAFT", "2|Năm đánh giá",
                "Phiếu đánh giá năm 2020 của công dân này thuộc đơn vị ngoài phạm vi bạn quản lý");
    }

    @Test
    void every_row_rule_of_the_transfer_bundle_has_its_test() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/transfer.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        for (String key : bundle.stringPropertyNames()) {
            if (key.startsWith("transfer.row.")) {
                keys.add(key.substring("transfer.row.".length()));
            }
        }
        assertThat(keys).isEqualTo(new TreeSet<>(ROW_KEYS_TESTED));
    }

    private void refused(String user, String file, String state, String cell, String message) throws Exception {
        ImportJob job = dryRun(user, file, state);
        assertThat(errorCells(job)).as(String.valueOf(job.getReport().shownErrors())).containsExactly(cell);
        assertThat(job.getReport().shownErrors().get(0).message()).contains(message)
                .doesNotContainPattern(GROUPED_YEAR);
        assertThat(job.isCommittable()).isFalse();
    }

    private void committed(String user, String file, String state) throws Exception {
        ImportJob dry = dryRun(user, file, state);
        assertThat(dry.getReport().hasErrors()).as(String.valueOf(dry.getReport().shownErrors())).isFalse();
        assertThat(commit(user, dry.getId()).getReport().committed()).isTrue();
    }

    static String verifiedCsv(String... rows) {
        return HEADER + VERIFIED_HEADER + "\n" + String.join("\n", rows) + "\n";
    }
}
