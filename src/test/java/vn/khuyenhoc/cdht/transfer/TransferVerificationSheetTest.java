package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.HistoryEntry;

/**
 * A verification sheet (verified scores for submitted assessments) goes through the workflow like the pages: from
 * the commune officer who entered the scores it is refused row by row; from the hamlet's verifier it moves exactly
 * those assessments SUBMITTED → VERIFIED and nothing else changes state.
 */
class TransferVerificationSheetTest extends TransferTestSupport {

    @Autowired
    Assessments assessments;

    @Test
    void the_entrant_is_refused_row_by_row_and_the_verifier_moves_submitted_to_verified() throws Exception {
        String entered = csv(
                "VLINH-T01,Thẩm Tệp An,1971,Nam,,FARMER,2020" + all(8),
                "VLINH-T01,Thẩm Tệp Bình,1972,Nữ,,FARMER,2020" + all(9),
                "VLINH-T01,Thẩm Tệp Cường,1973,Nam,,FARMER,2020" + all(7));
        commitClean("xa1", entered, "SUBMITTED");
        commitClean("xa1", csv("VLINH-T01,Thẩm Tệp Dung,1974,Nữ,,FARMER,2020" + all(8)), "DRAFT");
        long an = assessment("Thẩm Tệp An");
        long binh = assessment("Thẩm Tệp Bình");
        long cuong = assessment("Thẩm Tệp Cường");
        long dung = assessment("Thẩm Tệp Dung");
        Map<Long, String> before = states();

        // An and Bình verified (Bình's indicator 6 lowered to 4: a fail), Cường's row carries no verified score
        String sheet = TransferImportRulesTest.verifiedCsv(
                "VLINH-T01,Thẩm Tệp An,1971,Nam,,FARMER,2020" + all(8) + all(8),
                "VLINH-T01,Thẩm Tệp Bình,1972,Nữ,,FARMER,2020" + all(9) + scores(9, 9, 9, 9, 9, 4, 9, 9, 9, 9),
                "VLINH-T01,Thẩm Tệp Cường,1973,Nam,,FARMER,2020" + all(7) + ",,,,,,,,,,");

        // from the entrant: each verified row refused, with row, column and why; nothing changes
        ImportJob fromEntrant = dryRun("xa1", sheet, "DRAFT");
        assertThat(errorCells(fromEntrant)).containsExactly("2|Thẩm định", "3|Thẩm định");
        assertThat(fromEntrant.getReport().shownErrors()).allSatisfy(e -> assertThat(e.message())
                .contains("không được thẩm định nó"));
        assertThat(fromEntrant.isCommittable()).isFalse();
        assertThat(states()).isEqualTo(before);

        // from the hamlet's verifier: a clean dry run, then the commit
        ImportJob fromVerifier = dryRun("thon1", sheet, "DRAFT");
        assertThat(fromVerifier.getReport().hasErrors()).as(String.valueOf(fromVerifier.getReport().shownErrors()))
                .isFalse();
        assertThat(fromVerifier.getReport().assessmentsUpdated()).isEqualTo(2);
        assertThat(fromVerifier.getReport().updated()).isEqualTo(2);
        assertThat(fromVerifier.getReport().unchanged()).isEqualTo(1);
        assertThat(commit("thon1", fromVerifier.getId()).getReport().committed()).isTrue();

        Map<String, Object> a = jdbc.queryForMap("select * from assessment where id = ?", an);
        assertThat(a.get("state")).isEqualTo("VERIFIED");
        assertThat(a.get("verified_by")).isEqualTo("thon1");
        assertThat(a.get("submitted_by")).isEqualTo("xa1");
        assertThat(a.get("scores_changed_by")).isEqualTo("xa1");
        assertThat(a.get("verified_total")).isEqualTo(80);
        assertThat(a.get("verified_passed")).isEqualTo(true);
        Map<String, Object> b = jdbc.queryForMap("select * from assessment where id = ?", binh);
        assertThat(b.get("state")).isEqualTo("VERIFIED");
        assertThat(b.get("self_total")).isEqualTo(90);
        assertThat(b.get("verified_total")).isEqualTo(85);
        assertThat(b.get("verified_passed")).isEqualTo(false);
        assertThat(jdbc.queryForObject("select verifier_note from assessment_score where assessment_id = ? "
                + "and indicator_code = '6'", String.class, binh)).contains("du-lieu.csv");
        // nothing else changed state
        Map<Long, String> after = states();
        Map<Long, String> expected = new HashMap<>(before);
        expected.put(an, "VERIFIED");
        expected.put(binh, "VERIFIED");
        assertThat(after).isEqualTo(expected);
        assertThat(after.get(cuong)).isEqualTo("SUBMITTED");
        assertThat(after.get(dung)).isEqualTo("DRAFT");

        // the history says it in words
        List<HistoryEntry> history = assessments.history(user("thon1"), binh, Locale.forLanguageTag("vi"));
        assertThat(history.get(history.size() - 1).changes()).contains("Nhập từ tệp \"du-lieu.csv\"",
                "Điểm thẩm định chỉ số 6: 4 (tự chấm 9)", "Trạng thái: Chờ thẩm định → Đã thẩm định",
                "Tổng điểm thẩm định: – → 85");

        // the same sheet again changes nothing; verifying a draft is refused
        assertThat(dryRun("thon1", sheet, "DRAFT").getReport().unchanged()).isEqualTo(3);
        ImportJob draft = dryRun("thon1", TransferImportRulesTest.verifiedCsv(
                "VLINH-T01,Thẩm Tệp Dung,1974,Nữ,,FARMER,2020" + all(8) + all(8)), "DRAFT");
        assertThat(errorCells(draft)).containsExactly("2|Thẩm định");
        assertThat(draft.getReport().shownErrors().get(0).message()).contains("\"Đang nhập\"");
    }

    private void commitClean(String user, String file, String state) throws Exception {
        ImportJob dry = dryRun(user, file, state);
        assertThat(dry.getReport().hasErrors()).as(String.valueOf(dry.getReport().shownErrors())).isFalse();
        assertThat(commit(user, dry.getId()).getReport().committed()).isTrue();
    }

    private long assessment(String name) {
        return jdbc.queryForObject("select a.id from assessment a join citizen c on c.id = a.citizen_id "
                + "where c.full_name = ? and a.assessment_year = 2020", Long.class, name);
    }

    private Map<Long, String> states() {
        Map<Long, String> states = new HashMap<>();
        jdbc.query("select id, state from assessment", rs -> {
            states.put(rs.getLong(1), rs.getString(2));
        });
        return states;
    }
}
