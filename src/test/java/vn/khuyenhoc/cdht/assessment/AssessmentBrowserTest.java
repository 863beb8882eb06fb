package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.cdht.support.Browser;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The round in a real browser, with two people: xa1 (commune officer) starts this year's assessment of a citizen
 * of Thôn Hồ Xá from the citizen's page, types the scores and watches the live total reach 80 with the pass label,
 * saves and submits; xa1 is then offered no verification (no button, no checkbox in the list), and a verification
 * forced past the page changes nothing; thon1, the hamlet's verifier, verifies it.
 */
class AssessmentBrowserTest extends PostgresIntegrationTest {

    @LocalServerPort
    private int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start(1280, 1000);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void xa1_enters_and_submits_and_may_not_verify_and_thon1_verifies() throws Exception {
        int year = Year.now().getValue();
        // a demo citizen of the hamlet assessed last year and not yet this year
        long citizen = jdbc.queryForObject("""
                select c.id from citizen c join admin_unit u on u.id = c.unit_id
                where u.code = 'VLINH-T01'
                  and exists (select 1 from assessment a where a.citizen_id = c.id and a.assessment_year = ?)
                  and not exists (select 1 from assessment a where a.citizen_id = c.id and a.assessment_year = ?)
                order by c.search_name limit 1""", Long.class, year - 1, year);
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        Browser.logIn(driver, base, "xa1", "cdht-demo");
        driver.get(base + "/citizens/" + citizen);
        driver.findElement(By.cssSelector("#assessments a[href*='/assessments/new?citizen=" + citizen + "']")).click();
        driver.findElement(By.id("start-assessment")).click();
        wait.until(ExpectedConditions.urlMatches("/assessments/\\d+/edit$"));
        assertThat(driver.findElement(By.id("live-pending")).isDisplayed()).isTrue();

        for (int i = 0; i < 10; i++) {
            WebElement score = driver.findElement(By.id("items" + i + ".score"));
            score.clear();
            score.sendKeys("8");
        }
        driver.findElement(By.id("items4.note")).sendKeys("Dùng Zalo và dịch vụ công trực tuyến");
        // the script posts the form to the preview endpoint and swaps in the server's result
        wait.until(ExpectedConditions.textToBe(By.id("live-total"), "80"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live-passed")));
        // self-scores give a provisional result only, with the competencies' subtotals
        assertThat(driver.findElement(By.id("live-passed")).getText()).isEqualTo("Tạm tính: đạt");
        assertThat(driver.findElement(By.id("live-subtotal-1")).getText()).endsWith(": 32/40");
        assertThat(driver.findElement(By.id("live-subtotal-3")).getText()).endsWith(": 16/20");
        screenshot("assessment-entry-xa1.png");

        driver.findElement(By.id("save-scores")).click();
        wait.until(ExpectedConditions.urlMatches("/assessments/\\d+$"));
        String assessmentUrl = driver.getCurrentUrl();
        long id = Long.parseLong(assessmentUrl.substring(assessmentUrl.lastIndexOf('/') + 1));
        driver.findElement(By.id("submit-assessment")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assessment-state"), "Chờ thẩm định"));

        // xa1 typed the scores: no verify button, no checkbox in the list
        assertThat(driver.findElements(By.id("verify-assessment"))).isEmpty();
        driver.get(base + "/assessments?year=" + year + "&unit=VLINH-T01&state=SUBMITTED");
        assertThat(driver.findElements(By.id("row-" + id))).hasSize(1);
        assertThat(driver.findElements(By.id("select-" + id))).isEmpty();
        // the verification page, typed in by hand, sends xa1 back with the reason
        driver.get(assessmentUrl + "/verify");
        wait.until(ExpectedConditions.urlToBe(assessmentUrl));
        assertThat(driver.findElement(By.id("assessment-failure")).getText()).contains("không được thẩm định");
        // and a verification posted past the page (the session's own CSRF token) changes nothing
        long version = jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
        String token = driver.findElement(By.cssSelector("form input[name='_csrf']")).getAttribute("value");
        ((JavascriptExecutor) driver).executeScript("""
                const f = document.createElement('form');
                f.method = 'post';
                f.action = arguments[0];
                const add = (n, v) => { const i = document.createElement('input'); i.type = 'hidden'; i.name = n;
                    i.value = v; f.appendChild(i); };
                add('_csrf', arguments[1]);
                add('version', arguments[2]);
                for (let k = 0; k < 10; k++) { add('items[' + k + '].code', String(k + 1));
                    add('items[' + k + '].score', '8'); }
                document.body.appendChild(f);
                f.submit();""", assessmentUrl + "/verify", token, String.valueOf(version));
        wait.until(ExpectedConditions.urlToBe(assessmentUrl));
        assertThat(driver.findElement(By.id("assessment-failure")).getText()).contains("không được thẩm định");
        screenshot("assessment-forced-verify-xa1.png");
        assertThat(jdbc.queryForObject("select state from assessment where id = ?", String.class, id))
                .isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select version from assessment where id = ?", Long.class, id))
                .isEqualTo(version);

        driver.findElement(By.id("logout")).click();
        Browser.logIn(driver, base, "thon1", "cdht-demo");
        driver.get(assessmentUrl);
        driver.findElement(By.id("verify-assessment")).click();
        // prefilled from the self-scores
        assertThat(driver.findElement(By.id("items0.score")).getAttribute("value")).isEqualTo("8");
        wait.until(ExpectedConditions.textToBe(By.id("live-total"), "80"));
        driver.findElement(By.id("confirm-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assessment-state"), "Đã thẩm định"));
        screenshot("assessment-verified-thon1.png");

        assertThat(jdbc.queryForObject("select state from assessment where id = ?", String.class, id))
                .isEqualTo("VERIFIED");
        assertThat(jdbc.queryForObject("select verified_total from assessment where id = ?", Integer.class, id))
                .isEqualTo(80);
        assertThat(jdbc.queryForMap("select entered_by, scores_changed_by, submitted_by, verified_by "
                + "from assessment where id = ?", id)).containsEntry("entered_by", "xa1")
                .containsEntry("scores_changed_by", "xa1").containsEntry("submitted_by", "xa1")
                .containsEntry("verified_by", "thon1");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
