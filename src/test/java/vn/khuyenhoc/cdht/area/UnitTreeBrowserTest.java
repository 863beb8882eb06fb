package vn.khuyenhoc.cdht.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.cdht.support.Browser;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/** The unit tree in a real browser: a commune officer sees their hamlets, another commune's officer does not. */
class UnitTreeBrowserTest extends PostgresIntegrationTest {

    @LocalServerPort
    private int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start(1280, 900);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void xa1_opens_the_commune_and_sees_its_hamlets_and_xa2_is_refused_by_url() throws Exception {
        String base = "http://localhost:" + port;
        Browser.logIn(driver, base, "xa1", "cdht-demo");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Hội Khuyến học xã Vĩnh Linh");

        driver.findElement(By.id("home-unit")).click();
        assertThat(driver.findElement(By.id("unit-name")).getText()).isEqualTo("Xã Vĩnh Linh");
        List<String> hamlets = driver.findElements(By.cssSelector("#children tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
        // other tests may add hamlets to the shared fixture: the four demo hamlets must be there
        assertThat(hamlets).contains("Thôn Hồ Xá", "Thôn Vĩnh Long", "Thôn Vĩnh Chấp",
                "Thôn Tân Mỹ");
        String communeUrl = driver.getCurrentUrl();
        screenshot("unit-tree-xa1.png");

        driver.findElement(By.id("logout")).click();
        Browser.logIn(driver, base, "xa2", "cdht-demo");
        driver.get(communeUrl);
        assertThat(driver.findElement(By.id("error-title")).getText()).isEqualTo("Không có quyền truy cập");
        assertThat(driver.getPageSource()).doesNotContain("Thôn Hồ Xá");
    }

    @Test
    void search_without_diacritics_and_english_on_request() {
        String base = "http://localhost:" + port;
        Browser.logIn(driver, base, "tinh", "cdht-demo");
        driver.get(base + "/units/search?q=vinh+linh");
        List<String> found = driver.findElements(By.cssSelector("#search-results tbody td:first-child a")).stream()
                .map(WebElement::getText).toList();
        // the former district ended on 30/06/2025: it shows only when retired units are asked for
        assertThat(found).contains("Xã Vĩnh Linh").doesNotContain("Huyện Vĩnh Linh");
        driver.findElement(By.id("retired")).click();
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        found = driver.findElements(By.cssSelector("#search-results tbody td:first-child a")).stream()
                .map(WebElement::getText).toList();
        assertThat(found).contains("Xã Vĩnh Linh", "Huyện Vĩnh Linh");
        driver.get(base + "/?lang=en");
        assertThat(driver.findElement(By.id("nav-units")).getText()).isEqualTo("Administrative units");
        driver.get(base + "/?lang=vi");
        assertThat(driver.findElement(By.id("nav-units")).getText()).isEqualTo("Đơn vị hành chính");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
