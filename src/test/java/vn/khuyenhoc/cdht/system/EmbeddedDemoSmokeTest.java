package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one suite that runs on H2: it boots the embedded default exactly as `./mvnw spring-boot:run` does (H2 file
 * database in PostgreSQL mode, Flyway, demo mode "auto"), so the demo path never rots. It proves the migrations
 * apply on H2 and walks the main pages over HTTP as every demo account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/h2-smoke/cdht-${random.uuid};MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "cdht.demo.mode=auto"})
class EmbeddedDemoSmokeTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void runs_on_h2_with_every_migration_applied_and_demo_data_loaded() {
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\" = false",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from unit_succession", Integer.class)).isEqualTo(11);
    }

    @Test
    void every_demo_account_walks_its_main_pages() throws Exception {
        String[][] accounts = {{"admin", "VN"}, {"tinh", "QT"}, {"xem", "QT"}, {"xa1", "N-VLINH"},
                {"xa2", "N-CTUNG"}, {"thon1", "VLINH-T01"}};
        for (String[] account : accounts) {
            Session session = new Session();
            session.logIn(account[0]);
            long unit = jdbc.queryForObject("select id from admin_unit where code = ?", Long.class, account[1]);
            assertThat(session.get("/").body()).contains("Xin chào");
            assertThat(session.get("/units/" + unit).statusCode()).isEqualTo(200);
            assertThat(session.get("/units/search?q=thon").statusCode()).isEqualTo(200);
            assertThat(session.get("/account/password").statusCode()).isEqualTo(200);
            int accountsStatus = session.get("/accounts").statusCode();
            boolean manages = account[0].equals("admin") || account[0].equals("tinh");
            assertThat(accountsStatus).isEqualTo(manages ? 200 : 403);
        }
    }

    @Test
    void accent_insensitive_search_works_on_h2_too() throws Exception {
        Session session = new Session();
        session.logIn("admin");
        assertThat(session.get("/units/search?q=quang+tri").body()).contains("Tỉnh Quảng Trị");
        assertThat(session.get("/units/search?q=CUA+TUNG").body()).contains("Xã Cửa Tùng");
    }

    @Test
    void citizen_search_and_assessment_list_run_on_h2_too() throws Exception {
        Session session = new Session();
        session.logIn("xa1");
        // accent-insensitive, through the subtree filter, the capped count and the fenced page query
        String found = session.get("/citizens?q=NGUYEN+van").body();
        assertThat(found).contains("Nguyễn Văn").contains("công dân phù hợp");
        assertThat(session.get("/citizens").body()).contains("công dân phù hợp");
        // the list counts per unit name, then reads the page's units
        HttpResponse<String> list = session.get("/assessments?year=2025");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("phiếu phù hợp");
    }

    @Test
    void the_report_pages_of_issue_16_run_on_h2_too() throws Exception {
        Session session = new Session();
        session.logIn("tinh");
        long qt = jdbc.queryForObject("select id from admin_unit where code = 'QT'", Long.class);
        int year = java.time.Year.now().getValue();
        assertThat(session.get("/report/" + qt + "/" + year).body()).contains("id=\"report-headline\"");
        assertThat(session.get("/report/" + qt + "/" + year + "/forecast").body()).contains("id=\"at-risk-table\"");
        assertThat(session.get("/report/" + qt + "/" + year + "/completeness").body())
                .contains("id=\"completeness-table\"");
        assertThat(session.get("/report/" + qt + "/" + year + "/compare").body()).contains("id=\"compare-table\"");
        assertThat(session.get("/report/" + qt + "/pivot?rows=unit&cols=age_band&measure=rate").body())
                .contains("id=\"pivot-table\"");
        assertThat(session.get("/report/" + qt + "/" + year + "/map").body()).contains("class=\"report-map\"");
        assertThat(session.get("/report/" + qt + "/" + year + "/report.pdf").statusCode()).isEqualTo(200);
    }

    @Test
    void error_pages_are_in_vietnamese() throws Exception {
        Session session = new Session();
        session.logIn("xa2");
        long otherCommune = jdbc.queryForObject("select id from admin_unit where code='N-VLINH'", Long.class);
        HttpResponse<String> refused = session.get("/units/" + otherCommune);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Không có quyền truy cập");
        HttpResponse<String> missing = session.get("/units/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Không tìm thấy");
    }

    /** A browser-like HTTP session: cookies, CSRF token from the login form, no redirects followed. */
    private final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        void logIn(String username) throws IOException, InterruptedException {
            String page = get("/login").body();
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + username + "&password=cdht-demo&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
