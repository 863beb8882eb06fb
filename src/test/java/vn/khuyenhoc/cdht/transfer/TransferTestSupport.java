package vn.khuyenhoc.cdht.transfer;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * What the transfer tests share: a criteria set in force for 2019–2020 (the years these tests own; QĐ 324 starts
 * in 2022), hamlets of their own (TT-*) so that no other test's citizens show up in exports, uploads through the
 * page and waiting for the background job.
 */
abstract class TransferTestSupport extends PostgresIntegrationTest {

    static final String HEADER = "Mã thôn,Họ và tên,Năm sinh,Giới tính,Số CCCD,Đối tượng,Năm đánh giá,"
            + "Tự đánh giá 1,Tự đánh giá 2,Tự đánh giá 3,Tự đánh giá 4,Tự đánh giá 5,Tự đánh giá 6,Tự đánh giá 7,"
            + "Tự đánh giá 8,Tự đánh giá 9,Tự đánh giá 10";

    @Autowired
    ImportJobs jobs;

    @Autowired
    private UserDetailsService users;

    CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    @BeforeEach
    void fixture() {
        synchronized (TransferTestSupport.class) {
            if (jdbc.queryForObject("select count(*) from criteria_set where code = 'TEST-TRANSFER'",
                    Integer.class) == 0) {
                criteriaFor2019And2020();
            }
            hamlet("TT-T01", "Thôn Thử Nhập Một", "N-VLINH");
            hamlet("TT-T02", "Thôn Thử Nhập Hai", "N-VLINH");
            hamlet("TT-T03", "Thôn Thử Nhập Ba", "N-VLINH");
            hamlet("TT-T04", "Thôn Thử Nhập Bốn", "N-VLINH");
            hamlet("TT-T05", "Thôn Thử Nhập Năm", "N-VLINH");
            hamlet("TT-C01", "Thôn Thử Cửa Tùng", "N-CTUNG");
        }
    }

    void hamlet(String code, String name, String parentCode) {
        if (jdbc.queryForObject("select count(*) from admin_unit where code = ?", Integer.class, code) > 0) {
            return;
        }
        long parent = unitId(parentCode);
        String path = jdbc.queryForObject("select path from admin_unit where id = ?", String.class, parent);
        long id = jdbc.queryForObject("select nextval('admin_unit_seq')", Long.class);
        jdbc.update("""
                insert into admin_unit (id, code, name, search_name, level_code, parent_id, path, depth, valid_from,
                    created_at, updated_at)
                values (?, ?, ?, ?, 'hamlet', ?, ?, 3, date '2025-07-01', current_timestamp, current_timestamp)""",
                id, code, name, vn.khuyenhoc.cdht.shared.SearchText.fold(name), parent, path + id + "/");
    }

    /** A copy of QĐ 324 v1 published for 2019–2020 only. */
    private void criteriaFor2019And2020() {
        long source = jdbc.queryForObject("select id from criteria_set where code = 'QD324-KHVN' and version_no = 1",
                Long.class);
        long set = jdbc.queryForObject("select nextval('criteria_set_seq')", Long.class);
        jdbc.update("""
                insert into criteria_set (id, code, version_no, name, legal_basis, status, year_from, year_to,
                    total_points, min_total, min_per_indicator, digital_indicator_code, digital_threshold,
                    proficient_threshold, proficient_when_online_self, published_at, published_by, created_at,
                    updated_at)
                select ?, 'TEST-TRANSFER', 1, name, legal_basis, 'PUBLISHED', 2019, 2020, total_points, min_total,
                    min_per_indicator, digital_indicator_code, digital_threshold, proficient_threshold,
                    proficient_when_online_self, current_timestamp, 'test', current_timestamp, current_timestamp
                from criteria_set where id = ?""", set, source);
        jdbc.update("insert into criteria_set_group (criteria_set_id, target_group_code) "
                + "select ?, target_group_code from criteria_set_group where criteria_set_id = ?", set, source);
        for (var competency : jdbc.queryForList("select id, code, name, sort_order, min_points "
                + "from criteria_competency where criteria_set_id = ?", source)) {
            long id = jdbc.queryForObject("select nextval('criteria_competency_seq')", Long.class);
            jdbc.update("insert into criteria_competency (id, criteria_set_id, code, name, sort_order, min_points) "
                    + "values (?, ?, ?, ?, ?, ?)", id, set, competency.get("code"), competency.get("name"),
                    competency.get("sort_order"), competency.get("min_points"));
            for (var indicator : jdbc.queryForList("select code, sort_order, name, min_points, max_points, "
                    + "mandatory_min from criteria_indicator where competency_id = ?", competency.get("id"))) {
                long indicatorId = jdbc.queryForObject("select nextval('criteria_indicator_seq')", Long.class);
                jdbc.update("insert into criteria_indicator (id, criteria_set_id, competency_id, code, sort_order, "
                        + "name, min_points, max_points, mandatory_min) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        indicatorId, set, id, indicator.get("code"), indicator.get("sort_order"),
                        indicator.get("name"), indicator.get("min_points"), indicator.get("max_points"),
                        indicator.get("mandatory_min"));
            }
        }
    }

    static String csv(String... rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    static String scores(int... values) {
        StringBuilder b = new StringBuilder();
        for (int v : values) {
            b.append(',').append(v);
        }
        return b.toString();
    }

    static String all(int score) {
        return scores(score, score, score, score, score, score, score, score, score, score);
    }

    /** Uploads through the page; returns the job id (or fails when the upload was refused). */
    String upload(String username, String fileName, byte[] content, String state, int year) throws Exception {
        MvcResult result = uploadRequest(username, fileName, content, state, year);
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || !location.startsWith("/transfer/jobs/")) {
            throw new AssertionError("upload refused: " + location + " "
                    + result.getFlashMap().get("transferError"));
        }
        return location.substring("/transfer/jobs/".length());
    }

    MvcResult uploadRequest(String username, String fileName, byte[] content, String state, int year)
            throws Exception {
        return mvc.perform(multipart("/transfer/import")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .param("state", state).param("year", String.valueOf(year))
                        .with(as(username)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    String upload(String username, String csv, String state) throws Exception {
        return upload(username, "du-lieu.csv", csv.getBytes(StandardCharsets.UTF_8), state, 2020);
    }

    ImportJob await(String username, String id) {
        Awaitility.await("import job " + id + " finished").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(50)).until(() -> jobs.get(user(username), id).isFinished());
        return jobs.get(user(username), id);
    }

    ImportJob dryRun(String username, String csv, String state) throws Exception {
        return await(username, upload(username, csv, state));
    }

    ImportJob commit(String username, String id) throws Exception {
        mvc.perform(post("/transfer/jobs/" + id + "/commit").with(as(username)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ImportJob job = await(username, id);
        return job;
    }

    List<String> errorCells(ImportJob job) {
        return job.getReport().shownErrors().stream().map(e -> e.row() + "|" + e.column()).toList();
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    byte[] download(String username, String url) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }
}
