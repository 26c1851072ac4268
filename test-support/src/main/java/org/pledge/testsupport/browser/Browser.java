package org.pledge.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for a test class: Debian's {@code chromium}, headless, driven by its {@code chromium-driver} through
 * Selenium. Started on first use, one session per extension instance, closed after the class; when a test fails, a
 * screenshot and the page's HTML go to {@code target/browser-failures/} (build output, kept by CI).
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = Browser.headless();                    // JavaScript on
 * &#64;RegisterExtension
 * static final Browser noScript = Browser.headless().withoutJavaScript();
 * ...
 * browser.driver().get(url);
 * </pre>
 *
 * Never skips: without Chromium the test fails, saying what to install ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} does). Other locations: system properties {@code pledge.browser.chromium} and
 * {@code pledge.browser.chromedriver}, or environment variables {@code PLEDGE_CHROMIUM} and {@code PLEDGE_CHROMEDRIVER}.
 * Selenium Manager is never asked to download anything: both paths are given.
 *
 * <p>A browser start costs seconds on a busy machine. Test classes that each start from a clean browser anyway (they
 * sign in afresh) may share one session per JVM and kind ({@link #sharedAcrossClasses()}): it is started by the first
 * class that uses it, cleared ({@link #reset()}) instead of closed after each class, and closed when the JVM ends. A
 * class that asserts on what the browser stores keeps a browser of its own.
 */
public final class Browser implements AfterTestExecutionCallback, AfterAllCallback {

    public static final Path FAILURES = Paths.get("target", "browser-failures");

    /** The sessions shared across test classes, one per kind (JavaScript on or off, languages); closed when the JVM ends. */
    private static final Map<String, Browser> SHARED = new HashMap<>();

    private final boolean javaScript;
    private final String acceptLanguage;
    private final boolean shared;
    private ChromeDriver driver;
    private Path profile;

    private Browser(boolean javaScript, String acceptLanguage, boolean shared) {
        this.javaScript = javaScript;
        this.acceptLanguage = acceptLanguage;
        this.shared = shared;
    }

    /** A headless Chromium with JavaScript on, asking for English pages. */
    public static Browser headless() {
        return new Browser(true, "en-CA,en", false);
    }

    /** The same browser with JavaScript turned off (what a page that must work without it is tested with). */
    public Browser withoutJavaScript() {
        return new Browser(false, acceptLanguage, shared);
    }

    /** The same browser asking for pages in these languages ({@code Accept-Language}, e.g. {@code fr-CA,fr}). */
    public Browser acceptingLanguages(String languages) {
        return new Browser(javaScript, languages, shared);
    }

    /**
     * The same browser, one session for every class of this JVM that asks for this kind: cleared after each class
     * (cookies, page) rather than closed. For classes whose tests each start clean anyway.
     */
    public Browser sharedAcrossClasses() {
        return new Browser(javaScript, acceptLanguage, true);
    }

    public boolean javaScriptEnabled() {
        return javaScript;
    }

    /** The session, started on first use. */
    public WebDriver driver() {
        return shared ? owner().driver() : ownDriver();
    }

    private synchronized WebDriver ownDriver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    /**
     * Forgets cookies and leaves the page, so that the next test starts clean. A shared session also forgets every
     * origin's cookies and the current page's local and session storage; other origins' storage stays (a class that
     * asserts on storage takes a browser of its own).
     */
    public void reset() {
        if (shared) {
            owner().clearForTheNextClass();
            return;
        }
        synchronized (this) {
            if (driver != null) {
                driver.manage().deleteAllCookies();
                driver.get("about:blank");
            }
        }
    }

    private synchronized void clearForTheNextClass() {
        if (driver == null) {
            return;
        }
        try {
            driver.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        } catch (RuntimeException noStorage) {
            // about:blank and pages of no origin have none
        }
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
    }

    /** The JVM's session of this kind, made on first use and closed by a shutdown hook. */
    private Browser owner() {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(javaScript + "|" + acceptLanguage, kind -> {
                Browser owner = new Browser(javaScript, acceptLanguage, false);
                Runtime.getRuntime().addShutdownHook(new Thread(owner::close, "browser-close"));
                return owner;
            });
        }
    }

    private ChromeDriver start() {
        Path chromium = executable("pledge.browser.chromium", "PLEDGE_CHROMIUM", "/usr/bin/chromium", "chromium");
        Path chromedriver = executable("pledge.browser.chromedriver", "PLEDGE_CHROMEDRIVER", "/usr/bin/chromedriver",
                "chromium-driver");
        try {
            // a profile of its own: sessions of parallel builds must not share ~/.config/chromium
            profile = Files.createTempDirectory("pledge-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024", "--lang=" + acceptLanguage.split(",")[0],
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", acceptLanguage);
        if (!javaScript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return started;
    }

    private static Path executable(String property, String variable, String standard, String debianPackage) {
        String configured = System.getProperty(property, System.getenv(variable));
        Path path = Paths.get(configured == null || configured.isBlank() ? standard : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No browser for this test: " + path + " is missing or not executable. "
                    + "Install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; "
                    + ".ci/run does), or point " + property + " / " + variable + " at it (package " + debianPackage + ").");
        }
        return path;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (shared) {
            owner().afterTestExecution(context);
            return;
        }
        ChromeDriver driver;
        synchronized (this) {
            driver = this.driver;
        }
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                + (javaScript ? "" : "-noscript");
        try {
            Files.createDirectories(FAILURES);
            Files.write(FAILURES.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // the test's own failure is what matters: say why there is no screenshot, do not hide the failure
            context.publishReportEntry("browser-screenshot", "not taken: " + e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shared) {
            owner().clearForTheNextClass(); // the next class starts from a clean browser; the shutdown hook closes it
        } else {
            close();
        }
    }

    private synchronized void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
            profile = null;
        }
    }
}
