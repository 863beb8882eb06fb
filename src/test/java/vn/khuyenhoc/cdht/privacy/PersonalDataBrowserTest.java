package vn.khuyenhoc.cdht.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.evidence.EvidenceSamples;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.Browser;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * In a real browser: the hamlet's verifier (thon1) attaches a photo beside an indicator while verifying and sees its
 * thumbnail; the commune officer (xa1) exports the citizen's data from the citizen page, then erases it through the
 * confirmation page, and the page shows the tombstone.
 */
class PersonalDataBrowserTest extends PostgresIntegrationTest {

    private static final int YEAR = 2025;

    @LocalServerPort
    private int port;

    @Autowired
    private Citizens citizens;

    @Autowired
    private Assessments assessments;

    @Autowired
    private UserDetailsService users;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start(1280, 1000);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void thon1_attaches_a_photo_while_verifying_and_xa1_exports_then_erases() throws Exception {
        String name = "Trình Duyệt Riêng Tư " + System.nanoTime() % 100_000;
        long citizen = citizens.create(SystemActor.INSTANCE, new CitizenDraft(name, 1984, Gender.MALE, "VLINH-T01",
                "FARMER", null, null, null, "0912000111", null, null), true).citizenId();
        CurrentUser xa1 = (CurrentUser) users.loadUserByUsername("xa1");
        long id = assessments.start(xa1, citizen, YEAR);
        Map<String, ScoreEntry> scores = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            scores.put(String.valueOf(i), new ScoreEntry(8, null));
        }
        long version = assessments.saveScores(xa1, id, scores, jdbc.queryForObject(
                "select version from assessment where id = ?", Long.class, id));
        assessments.submit(xa1, id, version);
        Path photo = Files.createTempFile("cau-lac-bo-", ".jpg");
        Files.write(photo, EvidenceSamples.jpegWithGps(1200, 900));
        String base = "http://localhost:" + port;

        // thon1 verifies and attaches a photo of the club activity to indicator 3
        Browser.logIn(driver, base, "thon1", "cdht-demo");
        driver.get(base + "/assessments/" + id + "/verify");
        WebElement input = driver.findElement(By.id("evidence-file-3"));
        assertThat(driver.findElement(By.cssSelector("label[for='evidence-file-3']")).getText())
                .isEqualTo("Minh chứng");
        input.sendKeys(photo.toAbsolutePath().toString());
        click(By.cssSelector("#evidence-3 .evidence-upload"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence-3 img.evidence-thumb")));
        assertThat(driver.getCurrentUrl()).endsWith("/assessments/" + id + "/verify");
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where assessment_id = ? "
                + "and indicator_code = '3'", Integer.class, id)).isEqualTo(1);
        Boolean loaded = (Boolean) ((JavascriptExecutor) driver).executeScript("var i = document.querySelector("
                + "'#evidence-3 img.evidence-thumb'); return i.complete && i.naturalWidth > 0;");
        assertThat(loaded).as("the thumbnail is served").isTrue();
        screenshot("evidence-verify-thumbnail.png");
        driver.manage().deleteAllCookies();

        // xa1 exports from the citizen page, then erases
        Browser.logIn(driver, base, "xa1", "cdht-demo");
        driver.get(base + "/citizens/" + citizen);
        WebElement export = driver.findElement(By.id("export-personal-data"));
        assertThat(export.getText()).isEqualTo("Xuất dữ liệu cá nhân");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(export.getAttribute("href"))).header("Cookie", cookies()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(new String(zip.body(), 0, 2)).isEqualTo("PK");

        WebElement erase = driver.findElement(By.id("erase-personal-data"));
        assertThat(erase.getText()).isEqualTo("Xoá dữ liệu cá nhân");
        click(By.id("erase-personal-data"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-erase")));
        assertThat(driver.findElement(By.id("erase-goes")).getText()).contains(name).contains("0912000111")
                .contains("Tệp minh chứng: 1 tệp");
        screenshot("privacy-erase-confirmation.png");
        click(By.id("confirm-erase"));
        wait.until(ExpectedConditions.urlMatches("/citizens/" + citizen + "$"));
        assertThat(driver.findElement(By.id("citizen-name")).getText()).isEqualTo("(đã xoá theo yêu cầu)");
        assertThat(driver.getPageSource()).doesNotContain(name).doesNotContain("0912000111");
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where citizen_id = ?", Integer.class,
                citizen)).isZero();
    }

    private String cookies() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
