package com.mspscorecard.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium through the system ChromeDriver (Debian's {@code chromium} and
 * {@code chromium-driver}); nothing is downloaded. Where Chromium is missing, browser tests
 * are skipped with a message, except under CI, where they must run.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final WebDriver driver;

    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser open(int port) {
        return open(port, 1400, 1000);
    }

    /**
     * A browser whose window is this size; it keeps the page's console messages, which
     * {@code driver().manage().logs().get("browser")} reads.
     */
    public static Browser open(int port, int width, int height) {
        String chromium = firstExisting(CHROMIUM);
        String chromedriver = firstExisting(DRIVER);
        if (chromium == null || chromedriver == null) {
            String message = "Browser test skipped: install chromium and chromium-driver (apt-get install -y "
                    + "chromium chromium-driver) to run it";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI is set, so browser tests must run, but: " + message);
            }
            System.out.println(message);
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + "," + height, "--lang=en-US");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(chromedriver)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A click on a submit button returns before the next page is there; under load an element
        // lookup must wait for it instead of failing (or finding nothing) at once.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        return new Browser(driver, "http://localhost:" + port);
    }

    private static String firstExisting(List<String> candidates) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser type(By field, String text) {
        driver.findElement(field).clear();
        driver.findElement(field).sendKeys(text);
        return this;
    }

    public Browser click(By element) {
        driver.findElement(element).click();
        return this;
    }

    public String text(By element) {
        return driver.findElement(element).getText();
    }

    public WebDriverWait waitUpTo(Duration duration) {
        return new WebDriverWait(driver, duration);
    }

    /**
     * The address once it matches {@code regex}, or as it is after five seconds: a click that
     * submits a form or follows a link returns before the browser has navigated.
     */
    public String urlOnceItMatches(String regex) {
        try {
            waitUpTo(Duration.ofSeconds(5)).until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(regex));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The caller's assertion shows the address it got.
        }
        return driver.getCurrentUrl();
    }

    /** Signs in and waits until the browser has left the sign-in page, so the next step cannot race it. */
    public Browser signIn(String username, String password) {
        go("/login").type(By.id("username"), username).type(By.id("password"), password).click(By.id("sign-in"));
        try {
            waitUpTo(Duration.ofSeconds(10)).until(browser -> !browser.getCurrentUrl().contains("/login"));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Still on the sign-in page: the caller's next assertion shows what the page says.
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
