package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.cdht.support.Browser;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Issue 16 in a real browser at 1366 px: tinh opens the dashboard from the grouped menu (one line high) and sees the
 * headline figures and lights before any chart, opens "Dự báo" and "Mức độ đầy đủ", the map, builds a pivot and
 * downloads the printable report.
 */
class ReportInsightsBrowserTest extends PostgresIntegrationTest {

    @LocalServerPort
    private int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start(1366, 900);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void tinh_reads_the_headline_first_then_forecast_completeness_map_pivot_and_the_printable_report()
            throws Exception {
        String base = "http://localhost:" + port;
        Browser.logIn(driver, base, "tinh", "cdht-demo");
        // the menu fits one line at 1366 px: its bar is no taller than one row of links
        WebElement navbar = driver.findElement(By.cssSelector("nav.navbar"));
        assertThat(navbar.getSize().getHeight()).isLessThan(70);
        driver.findElement(By.id("nav-reports")).click();
        driver.findElement(By.id("nav-dashboard")).click();
        assertThat(driver.findElement(By.id("report-unit")).getText()).isEqualTo("Tỉnh Quảng Trị");

        // the headline and the lights come before the first chart, within the first screen
        WebElement headline = driver.findElement(By.id("report-headline"));
        WebElement lights = driver.findElement(By.id("report-lights"));
        WebElement firstChart = driver.findElement(By.id("chart-ADULTS"));
        assertThat(headline.getLocation().getY()).isLessThan(firstChart.getLocation().getY());
        assertThat(driver.findElement(By.id("headline-registered")).getLocation().getY()).isLessThan(900);
        assertThat(lights.getText()).contains("Người lớn được công nhận", "Gia đình học tập");
        assertThat(driver.findElement(By.id("report-json")).getLocation().getY())
                .isGreaterThan(firstChart.getLocation().getY());
        screenshot("insights-dashboard.png");

        click(driver.findElement(By.id("tab-forecast")));
        assertThat(driver.findElement(By.id("report-page-title")).getText()).startsWith("Dự báo");
        assertThat(driver.findElement(By.id("forecast-method")).getText()).contains("bình phương tối thiểu");
        assertThat(driver.findElement(By.id("forecast-DIGITAL")).getText()).containsAnyOf("Đúng tiến độ",
                "Có nguy cơ", "Không kịp", "Chưa có số liệu");
        // the units at risk sort by a click on a heading
        List<WebElement> headings = driver.findElements(By.cssSelector("#at-risk-table th[data-sort]"));
        click(headings.get(0));
        assertThat(headings.get(0).getAttribute("aria-sort")).isEqualTo("ascending");
        screenshot("insights-forecast.png");

        click(driver.findElement(By.id("tab-completeness")));
        assertThat(driver.findElement(By.id("report-page-title")).getText()).startsWith("Mức độ đầy đủ");
        assertThat(driver.findElement(By.id("completeness-table")).getText()).contains("Xã Vĩnh Linh");
        screenshot("insights-completeness.png");

        click(driver.findElement(By.id("tab-map")));
        WebElement map = driver.findElement(By.cssSelector("#map svg.report-map"));
        assertThat(map.getSize().getWidth()).isGreaterThan(300);
        assertThat(driver.findElements(By.cssSelector("#map svg a[data-unit]")).size()).isGreaterThanOrEqualTo(6);
        assertThat(driver.findElement(By.id("map-schematic")).getText()).contains("Sơ đồ minh họa");
        screenshot("insights-map.png");

        click(driver.findElement(By.id("tab-pivot")));
        new Select(driver.findElement(By.id("rows"))).selectByValue("gender");
        new Select(driver.findElement(By.id("cols"))).selectByValue("channel");
        new Select(driver.findElement(By.id("measure"))).selectByValue("assessed");
        new Select(driver.findElement(By.id("pivot-year"))).selectByValue("");
        click(driver.findElement(By.id("pivot-show")));
        WebElement pivot = driver.findElement(By.id("pivot-table"));
        assertThat(pivot.getText()).contains("Giới tính", "Nữ", "Cán bộ nhập thay");
        assertThat(Long.parseLong(driver.findElement(By.id("pivot-grand-total")).getText().trim())).isPositive();
        screenshot("insights-pivot.png");

        // the printable report, fetched by the browser with its own session as a click on the link would
        String href = driver.findElement(By.id("report-pdf")).getAttribute("href");
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' '
                    + String.fromCharCode(...new Uint8Array(b.slice(0, 5))) + ' ' + b.byteLength)));""", href);
        String[] parts = String.valueOf(answer).split(" ");
        assertThat(parts[0]).isEqualTo("application/pdf");
        assertThat(parts[1]).isEqualTo("%PDF-");
        assertThat(Integer.parseInt(parts[2])).isGreaterThan(10_000);
    }

    /** Scrolled there at once first: Bootstrap's smooth scrolling would still be moving the page at the click. */
    private void click(WebElement element) {
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
