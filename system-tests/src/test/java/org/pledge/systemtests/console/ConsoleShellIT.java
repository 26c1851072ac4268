package org.pledge.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.testsupport.browser.Browser;

/**
 * The shell's pages in a real browser (home, 403, 404, signed out, the issuer's login form), in English and French:
 * accessible (axe), screenshots for the README, no token anywhere the page's scripts can read.
 */
class ConsoleShellIT {

    @RegisterExtension
    static final Browser browser = Browser.headless(); // its own: it asserts that nothing is in the storage

    @BeforeEach
    void cleanBrowser() {
        browser.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fr"})
    void shellPages_areAccessible_inEachLanguage(String language) {
        WebDriver driver = browser.driver();
        ConsoleStack stack = ConsoleStack.shared();
        ConsolePages.signIn(driver, "operations");

        driver.get(stack.uri("/?lang=" + language).toString());
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);
        assertThat(driver.findElements(By.cssSelector("main a"))).hasSize(5);
        ConsolePages.assertAccessible(driver);
        assertThat(ConsolePages.screenshot(driver, "home")).exists();

        driver.get(stack.uri("/audit").toString());
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(language.equals("fr") ? "Vous ne pouvez pas ouvrir cette page" : "You cannot open this page");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "forbidden");

        driver.get(stack.uri("/no-such-page").toString());
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(language.equals("fr") ? "Page introuvable" : "Page not found");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "not-found");

        driver.get(stack.uri("/").toString());
        ConsolePages.signOut(driver);
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(language.equals("fr") ? "Vous êtes déconnecté" : "You have signed out");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "signed-out");
    }

    @Test
    void issuerLoginForm_isAccessible() {
        WebDriver driver = browser.driver();
        driver.get(ConsoleStack.shared().uri("/").toString());
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        ConsolePages.assertAccessible(driver);
        Path file = ConsolePages.screenshot(driver, "sign-in");
        assertThat(file).exists();
    }

    @Test
    void signedInBrowser_holdsNoToken_inStorageOrReadableCookies() {
        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, "finance-1");
        JavascriptExecutor script = (JavascriptExecutor) driver;

        String readable = (String) script.executeScript("return document.cookie + ' ' + JSON.stringify(localStorage) + ' '"
                + " + JSON.stringify(sessionStorage);");
        assertThat(readable).doesNotContain("eyJ").doesNotContain("PLEDGE_CONSOLE_SESSION").doesNotContain("JSESSIONID");
        assertThat(((Number) script.executeScript("return localStorage.length + sessionStorage.length;")).intValue()).isZero();

        Cookie session = driver.manage().getCookieNamed("PLEDGE_CONSOLE_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getValue()).doesNotContain("eyJ");
        for (Cookie cookie : driver.manage().getCookies()) {
            assertThat(cookie.getValue()).as(cookie.getName()).doesNotContain("eyJ");
        }
    }
}
