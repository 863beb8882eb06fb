package vn.khuyenhoc.cdht.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's or Ubuntu's packages, or Google Chrome on a GitHub runner), driven by Selenium with the
 * matching chromedriver found where those put it, so that Selenium Manager never tries to download a browser. Paths
 * can be overridden with CDHT_CHROMIUM and CDHT_CHROMEDRIVER.
 */
public final class Browser {

    private Browser() {
    }

    /** Where Debian, Ubuntu (deb or snap), Google's package and the GitHub runner put the browser. */
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/snap/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final List<String> CHROMEDRIVER = List.of("/usr/bin/chromedriver",
            "/usr/lib/chromium/chromedriver", "/usr/lib/chromium-browser/chromedriver",
            "/snap/bin/chromium.chromedriver", "/usr/local/bin/chromedriver");

    public static WebDriver start(int width, int height) {
        String chromium = find("CDHT_CHROMIUM", CHROMIUM, null);
        String driver = find("CDHT_CHROMEDRIVER", CHROMEDRIVER, "CHROMEWEBDRIVER");
        if (chromium == null || driver == null) {
            throw new IllegalStateException("Browser tests need Chromium and its driver: on Debian/Ubuntu run "
                    + "'apt-get install -y chromium chromium-driver' (or set CDHT_CHROMIUM and CDHT_CHROMEDRIVER).");
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

    /** The executable named by the variable, else the first of the usual places (and a runner's driver folder). */
    private static String find(String variable, List<String> places, String folderVariable) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            return Files.isExecutable(Path.of(named)) ? named : null;
        }
        List<String> candidates = new ArrayList<>(places);
        String folder = folderVariable == null ? null : System.getenv(folderVariable);
        if (folder != null && !folder.isBlank()) {
            candidates.add(0, Path.of(folder, "chromedriver").toString());
        }
        return candidates.stream().filter(place -> Files.isExecutable(Path.of(place))).findFirst().orElse(null);
    }
}
