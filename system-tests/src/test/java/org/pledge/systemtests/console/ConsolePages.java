package org.pledge.systemtests.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.systemtests.ServiceProcesses;
import org.pledge.testsupport.browser.Accessibility;

/**
 * What every console browser test does with the browser: sign in at the issuer as one of the local people, sign out,
 * keep a screenshot, check accessibility. Use with test-support's {@code Browser} extension and {@link ConsoleStack}.
 *
 * <pre>
 * ConsolePages.signIn(browser.driver(), "finance-1");
 * browser.driver().get(ConsoleStack.shared().uri("/refunds?lang=fr").toString());
 * ConsolePages.assertAccessible(browser.driver());
 * ConsolePages.screenshot(browser.driver(), "refunds");   // console/target/screenshots/refunds-fr.png
 * </pre>
 */
public final class ConsolePages {

    /** The local issuer's people (docs/local-stack.md) → their roles. Each password is {@code <user>-password}. */
    public static final Map<String, List<String>> PEOPLE = Map.of(
            "operations", List.of("operations"), "caseworker", List.of("caseworker"),
            "finance-1", List.of("finance"), "finance-2", List.of("finance"),
            "auditor", List.of("auditor"), "admin", List.of("admin"));

    /** Where {@link #screenshot} writes. */
    public static final Path SCREENSHOTS = ServiceProcesses.repositoryRoot().resolve("console/target/screenshots");

    private static final Duration WAIT = Duration.ofSeconds(60);

    private ConsolePages() {
    }

    /** {@code user}'s password at the local issuer. */
    public static String password(String user) {
        return user + "-password";
    }

    /**
     * Signs {@code user} in from scratch: forgets the browser's cookies (the console's and the issuer's sessions: both on
     * {@code localhost}), opens the console, fills the issuer's login form, and waits for the console's home page.
     */
    public static void signIn(WebDriver driver, String user) {
        ConsoleStack stack = ConsoleStack.shared();
        driver.get(stack.uri("/signed-out").toString());
        driver.manage().deleteAllCookies();
        driver.get(stack.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password(user));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(stack.console().toString())
                && !d.findElements(By.cssSelector(".console-person__name")).isEmpty());
    }

    /** Presses the header's "Sign out" (a POST form) and waits for the console's signed-out page. */
    public static void signOut(WebDriver driver) {
        driver.findElement(By.cssSelector(".console-person__sign-out button")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(ConsoleStack.shared().uri("/signed-out").toString()));
    }

    /**
     * Saves what the browser shows as {@code console/target/screenshots/<name>-<en|fr>.png}, the language being the
     * page's own ({@code <html lang>}). Returns the file.
     */
    public static Path screenshot(WebDriver driver, String name) {
        Object lang = ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang || 'en';");
        String language = String.valueOf(lang).startsWith("fr") ? "fr" : "en";
        Path file = SCREENSHOTS.resolve(name + "-" + language + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * axe-core (WCAG 2.1 A and AA) on the page: fails on any serious or critical violation, listing each with its
     * elements. Needs JavaScript in the browser.
     */
    public static void assertAccessible(WebDriver driver) {
        Results results = new AxeBuilder().withTags(Accessibility.WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        List<Rule> grave = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        if (!grave.isEmpty()) {
            throw new AssertionError("Serious or critical accessibility violations on " + driver.getTitle() + " ("
                    + driver.getCurrentUrl() + "):\n" + grave.stream().map(rule -> "- " + rule.getId() + " ("
                    + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                    .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
        if (results.getPasses() == null || results.getPasses().isEmpty()) {
            throw new AssertionError("axe-core checked nothing on " + driver.getTitle());
        }
    }
}
