package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khuyenhoc.cdht.support.TestDatabase;

/**
 * The application as it runs in production: behind a TLS proxy ("production" profile) and on a database that can
 * go away. It has a database of its own on the tests' PostgreSQL server, reached through a TCP proxy the test cuts:
 * while the database is gone, pages answer quickly with the Vietnamese 503 page and readiness is DOWN; when it is
 * back, the same session works again. Real HTTP, so the container's error handling is part of the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "production"})
@DirtiesContext
class OutageAndProxyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    private static CuttableProxy proxy;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        DriverManagerDataSource tests = (DriverManagerDataSource) TestDatabase.dataSource();
        URI server = URI.create(tests.getUrl().substring("jdbc:".length()));
        String name = "cdht_outage_" + ProcessHandle.current().pid();
        try (Connection connection = tests.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        // dropped from the server's maintenance database: the run's scratch database (the usual connection) may
        // already be gone, since TestDatabase drops it in a shutdown hook of its own, running at the same time
        String maintenance = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/postgres";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = java.sql.DriverManager.getConnection(maintenance, tests.getUsername(),
                    tests.getPassword()); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (Exception e) {
                // the server is going away too; the name has this JVM's pid, the next run drops it first
            }
        }, "drop-" + name));
        proxy = new CuttableProxy(server.getHost(), server.getPort()).start();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name);
        registry.add("spring.datasource.username", tests::getUsername);
        registry.add("spring.datasource.password", tests::getPassword);
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    void behind_a_tls_proxy_links_are_https_cookies_secure_and_hsts_sent() throws Exception {
        HttpResponse<String> home = http.send(request("/").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "cdht.example.vn").header("X-Forwarded-Port", "443").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("https://cdht.example.vn/login");

        HttpResponse<String> login = http.send(request("/login").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age="));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure").contains("HttpOnly"));
        // plain http straight to the application (no proxy) gets no HSTS
        HttpResponse<String> plain = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void during_a_database_outage_pages_answer_503_quickly_and_work_again_afterwards() throws Exception {
        String session = signIn("xa1", "cdht-demo");
        assertThat(get("/", session).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        proxy.cut();
        try {
            for (String page : new String[] {"/", "/citizens"}) {
                long start = System.nanoTime();
                HttpResponse<String> response = get(page, session);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(response.statusCode()).as(page).isEqualTo(503);
                assertThat(response.body()).contains("Hệ thống tạm gián đoạn, vui lòng thử lại")
                        .doesNotContain("Dữ liệu chưa bị thay đổi");
                assertThat(took).as(page + " answered in " + took).isLessThan(Duration.ofSeconds(8));
            }
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
        } finally {
            proxy.restore();
        }
        Awaitility.await("the same session works once the database is back").atMost(Duration.ofSeconds(30))
                .until(() -> get("/", session).statusCode(), status -> status == 200);
    }

    /** Signs in through the form; returns the session id (sent by hand: the cookie is Secure, the link plain). */
    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> page = http.send(request("/login").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        String session = session(page, null);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> done = http.send(request("/login").header("X-Forwarded-Proto", "https")
                .header("Cookie", "SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        // X-Forwarded-Proto https without a port: the default port of https
        assertThat(done.headers().firstValue("Location")).hasValue("https://localhost/");
        return session(done, session);
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder builder = (path.startsWith("/actuator")
                ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                : request(path)).header("X-Forwarded-Proto", "https");
        if (session != null) {
            builder.header("Cookie", "SESSION=" + session);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
    }

    private static String session(HttpResponse<String> response, String previous) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = SESSION.matcher(cookie);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return previous;
    }
}
