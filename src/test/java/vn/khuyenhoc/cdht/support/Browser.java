package vn.khuyenhoc.cdht.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Selenium with Debian's chromedriver, so that Selenium
 * Manager never tries to download a browser. Paths can be overridden with CDHT_CHROMIUM and CDHT_CHROMEDRIVER.
 */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start(int width, int height) {
        String chromium = env("CDHT_CHROMIUM", "/usr/bin/chromium");
        String driver = env("CDHT_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(driver))) {
            throw new IllegalStateException("Browser tests need Chromium and ChromeDriver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this), or set CDHT_CHROMIUM and "
                    + "CDHT_CHROMEDRIVER.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=vi", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .build();
        ChromeDriver webDriver = new ChromeDriver(service, options);
        webDriver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return webDriver;
    }

    public static void logIn(WebDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        // Wait for the answer: otherwise the next lookup may still find (then lose) an element of the login page.
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlToBe(baseUrl + "/login")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
