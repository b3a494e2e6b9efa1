package io.cairn;

import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.IncidentManagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * One headless Chromium for every browser test of the JVM, driven by Debian's chromedriver, offline. A test class
 * that uses {@link Extension} (as every {@link OnServer} does) is skipped, saying why, when Chromium or chromedriver is
 * not installed.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    /** How often a wait looks again: a look is one script in the page, a few milliseconds. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final ChromeDriver driver;
    private final Path profile;
    private String baseUrl = "";
    private int port;

    private Browser() {
        System.setProperty("SE_OFFLINE", "true");
        try {
            profile = Files.createTempDirectory("cairn-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
                "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Whether this machine has the browser and its driver; browser tests are skipped otherwise. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Points the browser at the server of this test, with no one signed in (on any host name) and a desktop-sized
     * window.
     */
    public Browser at(int port) {
        this.port = port;
        baseUrl = "http://localhost:" + port;
        desktop();
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        return this;
    }

    /**
     * Sends the pages that follow to the server under a host name of its own, {@code name.localhost}, which Chromium
     * takes for this machine: each host name keeps its own cookies, so that people signed in under different ones
     * stay signed in side by side, as in browsers of their own, and a test moves between them without signing in
     * again.
     */
    public Browser host(String name) {
        baseUrl = "http://" + name + ".localhost:" + port;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url == null ? "" : url.substring(baseUrl.length());
    }

    /** Signs the user in through the form with {@link TestUsers#PASSWORD}, as a person does. */
    public Browser signIn(TestUser user) {
        return signIn(user.username(), TestUsers.PASSWORD);
    }

    /** Signs in through the form, as a person does. */
    public Browser signIn(String username, String password) {
        signOutOfThisHost();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        submit(By.cssSelector("main form button[type=submit]"));
        return this;
    }

    /** Forgets the cookies of the host name the pages go to, leaving those of other host names. */
    @SuppressWarnings("unchecked")
    private void signOutOfThisHost() {
        Object cookies = driver.executeCdpCommand("Network.getCookies", Map.of("urls", List.of(baseUrl + "/")))
                .get("cookies");
        for (Map<String, Object> cookie : (List<Map<String, Object>>) cookies) {
            driver.executeCdpCommand("Network.deleteCookies", Map.of("name", cookie.get("name"), "url", baseUrl + "/"));
        }
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    public Browser type(By by, String text) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        driver.findElement(by).click();
        return this;
    }

    /** Clicks a button that submits a form or follows a link, and waits until the next page has loaded. */
    public Browser submit(By by) {
        script("window.cairnPageBeforeClick = true;");
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(10), POLL)
                .ignoring(WebDriverException.class)
                .until(driver -> Boolean.TRUE.equals(script("return window.cairnPageBeforeClick === undefined"
                        + " && document.readyState === 'complete';")));
        return this;
    }

    /** Fills a form field by script, for inputs whose typing depends on the locale (dates, times). */
    public Browser setValue(By by, String value) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        driver.findElement(by),
                        value);
        return this;
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), POLL)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition::apply);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** True when the page is wider than the window: something sticks out sideways. */
    public boolean overflowsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /** A phone: 375 x 812 CSS pixels, touch, as an iPhone X-sized screen. */
    public Browser phone() {
        return screen(375, 812);
    }

    /** A small phone: 360 x 740 CSS pixels, the narrowest screen the UI is made for. */
    public Browser smallPhone() {
        return screen(360, 740);
    }

    /** A phone's screen of this size in CSS pixels, with touch and without scroll bars taking room. */
    public Browser screen(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        return this;
    }

    /** A desktop window of this size in CSS pixels, its scroll bar included. */
    public Browser desktop(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    public Browser desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    /** Saves the whole page as a PNG under target/screenshots, for people to look at. */
    public Path screenshot(String name) {
        return capture(name, Map.of("captureBeyondViewport", true, "clip", fullPageClip()));
    }

    /** Saves what the window shows, as a PNG under target/screenshots. */
    public Path screenshotOfWindow(String name) {
        return capture(name, Map.of());
    }

    private Path capture(String name, Map<String, Object> parameters) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Object page = driver.executeCdpCommand("Page.captureScreenshot", parameters)
                    .get("data");
            Files.write(file, OutputType.BYTES.convertFromBase64Png((String) page));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fullPageClip() {
        Map<String, Object> size = (Map<String, Object>) script("return {width: document.documentElement.scrollWidth,"
                + " height: document.documentElement.scrollHeight};");
        return Map.of(
                "x",
                0,
                "y",
                0,
                "width",
                ((Number) size.get("width")).intValue(),
                "height",
                Math.min(((Number) size.get("height")).intValue(), 8000),
                "scale",
                1);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind does no harm
        }
    }

    /**
     * The common part of a browser test of the whole server ({@link ServerTest}): the shared browser, pointed at this
     * test's server with no one signed in before each test, {@link TestUsers} to make the people who sign in, and the
     * incidents, to report some straight for the pages to show.
     */
    @ServerTest
    @ExtendWith(Extension.class)
    public abstract static class OnServer {

        @LocalServerPort
        protected int port;

        @Autowired
        protected ApplicationContext context;

        @Autowired
        protected IncidentManagement incidents;

        protected Browser browser;
        protected TestUsers users;

        @BeforeEach
        protected void pointTheBrowserAtTheServer(Browser browser) {
            this.browser = browser.at(port);
            users = new TestUsers(context);
        }
    }

    /**
     * Gives a test the shared browser, starting it on first use and closing it when the test run ends; skips the
     * test class when Chromium or chromedriver is absent.
     */
    public static final class Extension implements BeforeEachCallback, ParameterResolver, TestWatcher {

        private static final String SKIPPED = "Chromium not installed: browser tests skipped (install the Debian "
                + "packages chromium and chromium-driver to run them)";
        private static final AtomicBoolean told = new AtomicBoolean();

        /** Keeps what the browser showed when a test failed: a screenshot and the page's HTML. */
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Browser browser = context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .get(Browser.class, Browser.class);
            if (browser != null) {
                String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName();
                try {
                    browser.screenshot(name);
                    Files.writeString(
                            SCREENSHOTS.resolve(name + ".html"),
                            browser.driver.getPageSource() + "\n<!-- " + browser.driver.getCurrentUrl() + " -->\n");
                } catch (RuntimeException | IOException e) {
                    cause.addSuppressed(e);
                }
            }
        }

        /** Skips each browser test, saying why, when the browser is missing; says so once in the log too. */
        @Override
        public void beforeEach(ExtensionContext context) {
            if (!installed() && !told.getAndSet(true)) {
                LogFactory.getLog(Browser.class).warn(SKIPPED);
            }
            Assumptions.assumeTrue(installed(), SKIPPED);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Browser.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(Browser.class, key -> new Browser(), Browser.class);
        }
    }
}
