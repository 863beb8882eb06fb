package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.support.SecondNode;

/**
 * Several nodes: an import committed on one node whose context is closed mid-run ends on another node, committed
 * whole (never "running" for ever, never half written); any node shows a job's progress; the database refuses a
 * second running import per user; a job whose node vanished is marked failed with a message.
 */
class ImportAcrossNodesTest extends TransferTestSupport {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Kim",
        "Xuân"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hoa", "Hùng",
        "Khang", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nhân", "Oanh", "Phúc"};

    @Autowired
    private Environment environment;

    @Autowired
    private TransferProperties properties;

    @Autowired
    private org.springframework.context.MessageSource messages;

    @Test
    void a_commit_cut_short_by_its_node_stopping_finishes_whole_on_another_node() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String family : FAMILY) {
            for (String middle : MIDDLE) {
                for (String given : GIVEN) {
                    rows.add("TT-T05," + family + " " + middle + " Nút " + given + ",1981,Nam,,FARMER,2020" + all(9));
                }
            }
        }
        String file = csv(rows.toArray(String[]::new));
        ImportJob dry = dryRun("xa1", file, "DRAFT");
        assertThat(dry.isCommittable()).as(String.valueOf(dry.getReport().shownErrors())).isTrue();
        int before = count("select count(*) from citizen c join admin_unit u on u.id = c.unit_id "
                + "where u.code = 'TT-T05'");

        try (SecondNode nodeC = SecondNode.startLike(environment, Map.of("cdht.transfer.chunk-rows", "10"))) {
            // the commit is asked for on node C, which starts it at once
            nodeC.bean(ImportJobs.class).commit(user("xa1"), dry.getId());
            Awaitility.await("node C runs the commit").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> status(dry.getId()), "RUNNING"::equals);
            // node A (this test's context) reads the progress node C writes
            assertThat(jobs.get(user("xa1"), dry.getId()).getPhase()).isEqualTo(ImportJob.Phase.COMMIT);
        }
        // node C is gone; the job went back to the queue and node A finishes it
        ImportJob done = await("xa1", dry.getId());
        assertThat(done.getStatus()).as(done.getFailure()).isEqualTo(ImportJob.Status.DONE);
        assertThat(done.getReport().committed()).isTrue();
        assertThat(count("select count(*) from citizen c join admin_unit u on u.id = c.unit_id "
                + "where u.code = 'TT-T05'")).as("every row once, none twice").isEqualTo(before + rows.size());
    }

    @Test
    void the_database_keeps_one_running_import_per_user_and_a_job_whose_node_vanished_fails_with_a_message()
            throws Exception {
        ImportJob job = jobs.upload(user("xa2"), "lan-mot.csv", 10,
                new ByteArrayInputStream(csv("TT-C01,Một Người,1980,Nam,,FARMER,,").getBytes(StandardCharsets.UTF_8)),
                AssessmentState.DRAFT, 2020, Locale.forLanguageTag("vi"));
        String id = await("xa2", job.getId()).getId();
        // pretend the job is running on a node that died two minutes ago without a word
        jdbc.update("update import_job set status = 'RUNNING', active_owner = owner, node = 'gone', "
                + "updated_at = current_timestamp - interval '10' minute where id = ?", id);
        assertThatThrownBy(() -> jobs.upload(user("xa2"), "lan-hai.csv", 10, new ByteArrayInputStream(
                csv("TT-C01,Hai Người,1980,Nam,,FARMER,,").getBytes(StandardCharsets.UTF_8)), AssessmentState.DRAFT,
                2020, Locale.forLanguageTag("vi")))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("transfer.job.busy"));
        assertThatThrownBy(() -> jdbc.update("insert into import_job (id, owner, active_owner, file_name, "
                + "file_format, target_state, default_year, locale, phase, status, upload, created_at, updated_at) "
                + "select 'x', owner, active_owner, file_name, file_format, target_state, default_year, locale, "
                + "phase, status, upload, created_at, updated_at from import_job where id = ?", id))
                .isInstanceOf(DuplicateKeyException.class);

        TransferHousekeeping.run(jdbc, messages, properties);
        ImportJob failed = jobs.get(user("xa2"), id);
        assertThat(failed.getStatus()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(failed.getFailure()).contains("dừng giữa chừng");
        // the user may start again
        ImportJob next = jobs.upload(user("xa2"), "lan-ba.csv", 10, new ByteArrayInputStream(
                csv("TT-C01,Ba Người,1980,Nam,,FARMER,,").getBytes(StandardCharsets.UTF_8)), AssessmentState.DRAFT,
                2020, Locale.forLanguageTag("vi"));
        assertThat(await("xa2", next.getId()).getStatus()).isEqualTo(ImportJob.Status.DONE);
    }

    private String status(String id) {
        return jdbc.queryForObject("select status from import_job where id = ?", String.class, id);
    }
}
