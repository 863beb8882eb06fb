package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.HistoryEntry;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import org.springframework.beans.factory.annotation.Autowired;

/** Dry run, commit, re-upload, all-or-nothing: the import's promises, on PostgreSQL. */
class TransferImportTest extends TransferTestSupport {

    @Autowired
    Assessments assessments;

    @Autowired
    Citizens citizens;

    @Test
    void dry_run_reports_every_kind_of_error_with_row_and_column_and_writes_nothing() throws Exception {
        int citizensBefore = count("select count(*) from citizen");
        int assessmentsBefore = count("select count(*) from assessment");
        ImportJob job = dryRun("xa1", csv(
                "TT-T01,Lỗi Một Cccd,1980,Nam,079080123,FARMER,2020" + all(8),          // row 2: bad CCCD
                "XX-NONE,Lỗi Hai Thôn,1980,Nam,,FARMER,2020" + all(8),                  // 3: unknown hamlet
                "TT-T01,Lỗi Ba Điểm,1980,Nữ,,FARMER,2020" + scores(8, 8, 11, 8, 8, 8, 8, 8, 8, 8), // 4: 11 > 10
                "TT-T01,Lỗi Bốn Nhóm,1980,Nữ,,NOBODY,2020" + all(8),                    // 5: unknown group
                "CTUNG-T01,Lỗi Năm Phạm Vi,1980,Nữ,,FARMER,2020" + all(8),              // 6: other commune
                "TT-T01,Trùng Tên,1980,Nam,,FARMER,2020" + all(8),                      // 7: fine
                "TT-T01,Trùng Tên,1980,Nam,,FARMER,2020" + all(9),                      // 8: duplicate of 7
                "TT-T01,Lỗi Tám Giới,1980,Không rõ,,FARMER,2020" + all(8),              // 9: gender
                "TT-T01,Lỗi Chín Năm,1850,Nam,,FARMER,2020" + all(8)),                  // 10: birth year
                "DRAFT");
        assertThat(job.getStatus()).isEqualTo(ImportJob.Status.DONE);
        ImportReport report = job.getReport();
        assertThat(report.rows()).isEqualTo(9);
        assertThat(report.failed()).isEqualTo(8);
        assertThat(report.created()).isEqualTo(1);
        assertThat(errorCells(job)).contains("2|Số CCCD", "3|Mã thôn", "4|Tự đánh giá 3", "5|Đối tượng",
                "6|Mã thôn", "8|Họ và tên", "9|Giới tính", "10|Năm sinh");
        assertThat(report.shownErrors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.message()).contains("11").contains("0–10");
        });
        assertThat(report.shownErrors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(6);
            assertThat(e.message()).contains("ngoài đơn vị bạn quản lý");
        });
        assertThat(job.isCommittable()).isFalse();
        // a commit of a file with errors is refused, and nothing at all was written
        commitRefused("xa1", job.getId());
        assertThat(count("select count(*) from citizen")).isEqualTo(citizensBefore);
        assertThat(count("select count(*) from assessment")).isEqualTo(assessmentsBefore);
        // the full error list is downloadable
        String errors = new String(download("xa1", "/transfer/jobs/" + job.getId() + "/errors.csv"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(errors).contains("Dòng").contains("Mã thôn").contains("XX-NONE");
    }

    @Test
    void commit_imports_scored_by_the_engine_and_a_second_upload_changes_nothing() throws Exception {
        String file = csv(
                "TT-T01,Nguyễn Thị Nhập,1980,Nữ,079180123456,FARMER,2020" + all(9),
                "TT-T01,Trần Văn Nhập,1975,Nam,,WORKER,2020" + scores(9, 9, 9, 9, 9, 9, 9, 9, 9, 2),
                "TT-T01,Lê Chỉ Đăng Ký,1990,Khác,,OTHER,,");
        ImportJob dry = dryRun("xa1", file, "SUBMITTED");
        assertThat(dry.getReport().hasErrors()).as(String.valueOf(dry.getReport().shownErrors())).isFalse();
        assertThat(dry.getReport().created()).isEqualTo(3);
        assertThat(count("select count(*) from citizen where full_name = 'Nguyễn Thị Nhập'")).isZero();

        ImportJob done = commit("xa1", dry.getId());
        assertThat(done.getStatus()).as(done.getFailure()).isEqualTo(ImportJob.Status.DONE);
        assertThat(done.getReport().committed()).isTrue();
        assertThat(done.getReport().citizensCreated()).isEqualTo(3);
        assertThat(done.getReport().assessmentsCreated()).isEqualTo(2);

        Map<String, Object> passed = jdbc.queryForMap("""
                select a.* from assessment a join citizen c on c.id = a.citizen_id
                where c.full_name = 'Nguyễn Thị Nhập' and a.assessment_year = 2020""");
        assertThat(passed.get("state")).isEqualTo("SUBMITTED");
        assertThat(passed.get("channel")).isEqualTo("STAFF_PROXY");
        assertThat(passed.get("self_total")).isEqualTo(90);
        assertThat(passed.get("self_passed")).isEqualTo(true);
        assertThat(passed.get("entered_by")).isEqualTo("xa1");
        assertThat(count("select count(*) from assessment_score where assessment_id = ?", passed.get("id")))
                .isEqualTo(10);
        Map<String, Object> failed = jdbc.queryForMap("""
                select a.* from assessment a join citizen c on c.id = a.citizen_id
                where c.full_name = 'Trần Văn Nhập' and a.assessment_year = 2020""");
        assertThat(failed.get("self_total")).isEqualTo(83);
        assertThat(failed.get("self_passed")).isEqualTo(false); // indicator 10 below 5
        assertThat(jdbc.queryForObject("select id_number_masked from citizen where full_name = 'Nguyễn Thị Nhập'",
                String.class)).isEqualTo("0791••••••56");
        // the file's name is in the assessment's history
        List<HistoryEntry> history = assessments.history(user("xa1"), ((Number) passed.get("id")).longValue(),
                java.util.Locale.forLanguageTag("vi"));
        assertThat(history).anySatisfy(e -> assertThat(e.changes()).contains("Nhập từ tệp \"du-lieu.csv\""));

        ImportJob again = dryRun("xa1", file, "SUBMITTED");
        assertThat(again.getReport().unchanged()).isEqualTo(3);
        assertThat(again.getReport().created() + again.getReport().updated()).isZero();
        assertThat(again.isCommittable()).isFalse();

        // ids came from the entities' sequences in Hibernate's blocks: the pages still create records
        long created = citizens.create(user("xa1"), new CitizenDraft("Tạo Sau Khi Nhập", 1970, Gender.MALE,
                "TT-T01", "FARMER", null, null, null, null, null, null), true).citizenId();
        long started = assessments.start(user("xa1"), created, 2020);
        assertThat(started).isPositive();
    }

    @Test
    void an_update_changes_the_draft_and_keeps_the_others() throws Exception {
        ImportJob first = dryRun("xa1", csv("TT-T04,Phạm Cập Nhật,1985,Nam,,FARMER,2020"
                + scores(5, 5, 5, 5, 5, 5, 5, 5, 5, 5)), "DRAFT");
        assertThat(commit("xa1", first.getId()).getReport().committed()).isTrue();
        ImportJob second = dryRun("xa1", csv("TT-T04,Phạm Cập Nhật,1985,Nam,,WORKER,2020" + all(9)), "SUBMITTED");
        assertThat(second.getReport().updated()).isEqualTo(1);
        RowOutcome row = second.getReport().shownRows().get(0);
        assertThat(row.citizen()).isEqualTo(RowOutcome.Action.UPDATE);
        assertThat(row.assessment()).isEqualTo(RowOutcome.Action.UPDATE);
        assertThat(commit("xa1", second.getId()).getReport().committed()).isTrue();
        Map<String, Object> stored = jdbc.queryForMap("""
                select a.state, a.self_total, a.version, c.target_group from assessment a
                join citizen c on c.id = a.citizen_id where c.full_name = 'Phạm Cập Nhật'""");
        assertThat(stored.get("state")).isEqualTo("SUBMITTED");
        assertThat(stored.get("self_total")).isEqualTo(90);
        assertThat(stored.get("target_group")).isEqualTo("WORKER");
        // a submitted assessment with other scores cannot be changed by a file
        ImportJob third = dryRun("xa1", csv("TT-T04,Phạm Cập Nhật,1985,Nam,,WORKER,2020" + all(7)), "DRAFT");
        assertThat(errorCells(third)).containsExactly("2|Tự đánh giá");
    }

    @Test
    void a_commit_that_meets_an_error_writes_nothing_at_all() throws Exception {
        String file = csv(
                "TT-T05,Tất Cả Một,1980,Nam,,FARMER,2020" + all(8),
                "TT-T05,Tất Cả Hai,1981,Nam,,FARMER,2020" + all(8),
                "TT-T05,Tất Cả Ba,1982,Nam,,FARMER,2020" + all(8));
        ImportJob dry = dryRun("xa1", file, "DRAFT");
        assertThat(dry.isCommittable()).isTrue();
        // between dry run and commit, two look-alikes of the third row appear: that row is now ambiguous
        for (int i = 0; i < 2; i++) {
            citizens.create(user("xa1"), new CitizenDraft("Tất Cả Ba", 1982, Gender.MALE, "TT-T05", "FARMER", null,
                    null, null, null, null, null), true);
        }
        int citizensBefore = count("select count(*) from citizen");
        ImportJob done = commit("xa1", dry.getId());
        assertThat(done.getReport().committed()).isFalse();
        assertThat(errorCells(done)).containsExactly("4|Họ và tên");
        assertThat(count("select count(*) from citizen")).isEqualTo(citizensBefore);
        assertThat(count("select count(*) from citizen where full_name in ('Tất Cả Một', 'Tất Cả Hai')")).isZero();
    }

    private void commitRefused(String username, String id) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/transfer/jobs/" + id + "/commit").with(as(username))
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("transferError", "transfer.job.notCommittable"));
    }
}
