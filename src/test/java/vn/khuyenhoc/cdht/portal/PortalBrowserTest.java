package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

/**
 * A citizen on a phone-sized screen (360 x 740): opens the invitation link, proves who they are with the birth
 * year, sets a PIN, scores the ten indicators watching the total and the verdict, submits; the assessment is then
 * SUBMITTED with the channel ONLINE_SELF, waiting for staff verification.
 */
class PortalBrowserTest extends PortalTestSupport {

    @LocalServerPort
    private int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start(360, 740);
        // headless Chromium keeps a minimum window width of about 500 px: emulate the phone's viewport exactly
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void a_citizen_self_assesses_end_to_end_on_a_phone() throws Exception {
        long citizen = citizen(HAMLET, 1968);
        String code = invite("thon1", citizen);
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        driver.get(base + "/c/i/" + code);
        assertThat(driver.findElement(By.id("code")).getAttribute("value").replace("-", "")).isEqualTo(code);
        driver.findElement(By.id("birthYear")).sendKeys("1968");
        screenshot("portal-start-360.png");
        driver.findElement(By.id("proof-submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-form")));
        assertThat(driver.findElement(By.id("magic-link")).getText()).contains("/c/m/");
        driver.findElement(By.id("pin")).sendKeys("2580");
        driver.findElement(By.id("confirmation")).sendKeys("2580");
        driver.findElement(By.id("pin-submit")).click();

        // the PIN is saved; the privacy notice comes before the form
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-saved")));
        String inForce = jdbc.queryForObject("select body from portal_notice order by version_no desc limit 1",
                String.class);
        assertThat(driver.findElement(By.id("notice-text")).getText()).contains(inForce.lines().findFirst().get());
        screenshot("portal-notice-360.png");
        driver.findElement(By.id("give-consent")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("self-form")));
        assertThat(driver.findElement(By.id("live-pending")).getText()).contains("10");
        for (int i = 0; i < 10; i++) {
            WebElement score = driver.findElement(By.id("score-" + i));
            // every field has its label
            assertThat(driver.findElements(By.cssSelector("label[for='score-" + i + "']"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("label[for='note-" + i + "']"))).hasSize(1);
            score.clear();
            score.sendKeys("8");
        }
        driver.findElement(By.id("note-4")).sendKeys("Dùng Zalo và dịch vụ công trực tuyến");
        wait.until(ExpectedConditions.textToBe(By.id("live-total"), "80"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live-passed")));
        // nothing wider than the phone's screen
        long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth;");
        long innerWidth = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        assertThat(innerWidth).isEqualTo(360);
        assertThat(scrollWidth).isLessThanOrEqualTo(innerWidth);
        // tap targets at least 44 px high
        assertThat(driver.findElement(By.id("submit")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat(driver.findElement(By.id("score-0")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        screenshot("portal-assessment-360.png");

        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submitted")));
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("Chờ thẩm định");

        Map<String, Object> row = jdbc.queryForMap("select state, channel, self_total, self_passed, submitted_by "
                + "from assessment where citizen_id = ? and assessment_year = ?", citizen, YEAR);
        assertThat(row).containsEntry("state", "SUBMITTED").containsEntry("channel", "ONLINE_SELF")
                .containsEntry("self_total", 80).containsEntry("self_passed", true)
                .containsEntry("submitted_by", "citizen:" + citizen);
        assertThat(jdbc.queryForObject("select s.evidence_note from assessment_score s join assessment a "
                + "on a.id = s.assessment_id where a.citizen_id = ? and s.indicator_code = '5'", String.class, citizen))
                .isEqualTo("Dùng Zalo và dịch vụ công trực tuyến");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
