package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.cdht.support.Browser;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * The dashboard in a real browser: the province officer opens it from the menu, Chart.js draws the charts (under
 * the CSP: no inline script), the tables are there, and a click drills down to a commune and the crumbs lead back.
 */
class DashboardBrowserTest extends PostgresIntegrationTest {

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
    void tinh_opens_the_province_dashboard_and_drills_down_to_a_commune() throws Exception {
        String base = "http://localhost:" + port;
        Browser.logIn(driver, base, "tinh", "cdht-demo");
        driver.findElement(By.id("nav-reports")).click();
        driver.findElement(By.id("nav-dashboard")).click();
        assertThat(driver.findElement(By.id("report-unit")).getText()).isEqualTo("Tỉnh Quảng Trị");

        WebElement chart = driver.findElement(By.id("chart-ADULTS"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "true".equals(chart.getAttribute("data-drawn")));
        assertThat(chart.getSize().getHeight()).isPositive();
        assertThat(driver.findElements(By.cssSelector("canvas[data-drawn='true']")).size()).isGreaterThanOrEqualTo(5);
        assertThat(driver.findElement(By.cssSelector("#indicator-ADULTS table")).getText()).contains("40 %", "60 %");
        List<String> communes = driver.findElements(By.cssSelector("#report-children a.report-drill")).stream()
                .map(WebElement::getText).toList();
        assertThat(communes).contains("Xã Vĩnh Linh", "Xã Cửa Tùng", "Xã Vĩnh Hoàng");
        screenshot("dashboard-tinh.png");

        click(driver.findElement(By.linkText("Xã Vĩnh Linh")));
        assertThat(driver.findElement(By.id("report-unit")).getText()).isEqualTo("Xã Vĩnh Linh");
        assertThat(driver.findElement(By.id("report-breadcrumbs")).getText()).contains("Tỉnh Quảng Trị");
        List<String> hamlets = driver.findElements(By.cssSelector("#report-children a.report-drill")).stream()
                .map(WebElement::getText).toList();
        assertThat(hamlets).contains("Thôn Hồ Xá", "Thôn Vĩnh Long");
        assertThat(driver.findElement(By.id("report-groups")).getText()).contains("Nông dân");
        screenshot("dashboard-commune.png");

        click(driver.findElement(By.linkText("Tỉnh Quảng Trị")));
        assertThat(driver.findElement(By.id("report-unit")).getText()).isEqualTo("Tỉnh Quảng Trị");
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
