package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.cdht.support.Browser;

/** xa1 uploads a small file in a real browser, reads the dry run, commits and sees the summary. */
class TransferBrowserTest extends TransferTestSupport {

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
    void upload_dry_run_commit() throws Exception {
        Path file = Files.createTempFile("trinh-duyet-", ".csv");
        Files.writeString(file, csv("TT-T01,Trình Duyệt Một,1982,Nữ,,FARMER,2020" + all(8),
                "TT-T01,Trình Duyệt Hai,1983,Nam,,WORKER,2020" + all(6)), StandardCharsets.UTF_8);
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        Browser.logIn(driver, base, "xa1", "cdht-demo");
        driver.get(base + "/transfer");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-year")).clear();
        driver.findElement(By.id("import-year")).sendKeys("2020");
        driver.findElement(By.id("dry-run")).click();
        // the progress page reloads itself when the job ends
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ready")));
        assertThat(driver.findElement(By.id("count-create")).getText()).isEqualTo("2");
        assertThat(count("select count(*) from citizen where full_name like 'Trình Duyệt %'")).isZero();
        driver.findElement(By.id("commit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("committed")));
        assertThat(count("select count(*) from citizen where full_name like 'Trình Duyệt %'")).isEqualTo(2);
        Files.deleteIfExists(file);
    }
}
