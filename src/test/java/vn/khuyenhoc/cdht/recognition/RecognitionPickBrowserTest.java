package vn.khuyenhoc.cdht.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.support.Browser;

/**
 * The decision pick page in a real browser, at more than a page of citizens (Phường Đồng Hới, 2024, as the admin):
 * the new draft comes with only the passes ticked; a tick taken off on page 2 survives going back to page 1 and
 * filtering by hamlet; a failure joins only when ticked in its own list; "select all that pass" of the hamlet; the
 * issued decision recognises exactly the passes chosen and records the one failure chosen.
 */
class RecognitionPickBrowserTest extends RecognitionTestSupport {

    private static final int YEAR = 2024;

    @LocalServerPort
    private int port;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start(1280, 1000);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void the_admin_pages_filters_selects_all_that_pass_and_issues_only_those_chosen() throws Exception {
        List<Long> passes = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            passes.add(verified("admin", citizen("Đồng Hới Đạt " + String.format("%02d", i), 1970 + i % 30,
                    "DHOI-T01", Gender.FEMALE, "FARMER"), YEAR, true));
        }
        long t2Pass = verified("admin", citizen("Tổ Hai Đạt", 1981, "DHOI-T02", Gender.MALE, "WORKER"), YEAR, true);
        long failA = verified("admin", citizen("Tổ Hai Chưa Đạt A", 1982, "DHOI-T02", Gender.MALE, "WORKER"), YEAR,
                false);
        long failB = verified("admin", citizen("Tổ Hai Chưa Đạt B", 1983, "DHOI-T02", Gender.FEMALE, "WORKER"), YEAR,
                false);
        passes.add(t2Pass);
        String base = "http://localhost:" + port;

        Browser.logIn(driver, base, "admin", "cdht-demo");
        driver.get(base + "/recognition/new?unit=N-DHOI&year=" + YEAR);
        driver.findElement(By.id("signerName")).sendKeys("Trần Văn Ký");
        click(By.id("save-decision"));
        wait.until(ExpectedConditions.urlMatches("/recognition/\\d+/pick$"));
        String pickUrl = driver.getCurrentUrl();
        long id = Long.parseLong(pickUrl.replaceAll(".*/recognition/(\\d+)/pick$", "$1"));
        assertThat(text("selection-summary")).startsWith("Đã chọn 53 người");
        assertThat(checkedBoxes()).hasSize(50);
        assertThat(driver.getPageSource()).doesNotContain("Tổ Hai Chưa Đạt");
        screenshot("recognition-pick-first-page.png");

        // page 2: take one tick off, go back: the server kept it
        click(By.id("page-next"));
        wait.until(ExpectedConditions.textToBe(By.id("page-position"), "Trang 2/2"));
        WebElement box = driver.findElements(By.cssSelector("#candidates input[type=checkbox]")).get(0);
        long dropped = Long.parseLong(box.getAttribute("value"));
        scrollTo(box);
        box.click();
        click(By.id("page-previous"));
        wait.until(ExpectedConditions.textToBe(By.id("page-position"), "Trang 1/2"));
        assertThat(text("selection-summary")).startsWith("Đã chọn 52 người");

        // filter by hamlet, then the failures of that hamlet, listed apart and unticked
        new Select(driver.findElement(By.id("pick-hamlet"))).selectByVisibleText("Tổ dân phố 2");
        click(By.id("apply-filter"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view-fail"), "Không đạt (2)"));
        assertThat(driver.findElements(By.cssSelector("#candidates tbody tr"))).hasSize(1);
        click(By.id("view-fail"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failures-warning")));
        assertThat(checkedBoxes()).isEmpty();
        click(By.id("pick-" + failA));
        click(By.id("save-selection"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selection-summary"),
                "1 người không đạt"));

        // the hamlet's passes unselected, then all that pass in it selected again in one action
        click(By.id("view-pass"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("select-passing")));
        click(By.id("clear-selection"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selection-summary"), "Đã chọn 52 người"));
        click(By.id("select-passing"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selection-summary"), "Đã chọn 53 người"));
        screenshot("recognition-pick-filtered.png");

        click(By.id("finish-selection"));
        wait.until(ExpectedConditions.urlMatches("/recognition/" + id + "$"));
        click(By.id("issue-link"));
        assertThat(driver.getPageSource()).contains("52 công dân được công nhận, 1 công dân không công nhận");
        click(By.id("confirm"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Đã ban hành"));

        assertThat(decisionStatus(id)).isEqualTo("ISSUED");
        passes.stream().filter(a -> a != dropped).forEach(a -> assertThat(state(a)).isEqualTo("RECOGNISED"));
        assertThat(state(dropped)).isEqualTo("VERIFIED");
        assertThat(state(failA)).isEqualTo("NOT_RECOGNISED");
        assertThat(state(failB)).isEqualTo("VERIFIED");
    }

    /** Clicks after scrolling the element to the middle of the window at once (Bootstrap scrolls smoothly). */
    private void click(By by) {
        WebElement element = driver.findElement(by);
        scrollTo(element);
        element.click();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private List<WebElement> checkedBoxes() {
        return driver.findElements(By.cssSelector("#candidates input[type=checkbox]:checked"));
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
