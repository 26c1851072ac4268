package org.pledge.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.systemtests.Fixtures;
import org.pledge.testsupport.browser.Browser;

/**
 * The service-levels page in a real browser, on the real console, issuer and services: operations watches a case of a
 * five-second standard breach, and the page shows it without a reload.
 */
class ServiceLevelsBrowserIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().sharedAcrossClasses();

    @RegisterExtension
    static final Browser noScript = Browser.headless().withoutJavaScript().sharedAcrossClasses();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void breach_appearsLive_withoutReload() {
        ConsoleStack stack = ConsoleStack.shared();
        String type = shortStandardServiceType(stack);
        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, "operations");
        driver.get(stack.uri("/service-levels?serviceType=" + type + "&lang=en").toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Service levels");
        assertThat(driver.findElement(By.id("levels-empty")).getText()).isEqualTo("No cases for this service type and channel.");
        ((JavascriptExecutor) driver).executeScript("window.levelsMarker = 'same page';");

        Fixtures fixtures = stack.fixtures();
        fixtures.submit(fixtures.webSubmission(type, "25.00"));

        // the live stream swaps the figures whenever they change: read them in one script each, never through an element
        // found earlier, which a swap in between leaves stale
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> "1".equals(liveText(d, "#levels-breached-open"))
                && liveText(d, "#levels-row-" + type + "-ALL") != null);
        assertThat(liveText(driver, "#levels-row-" + type + "-ALL .levels-breached")).isEqualTo("1");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.levelsMarker;"))
                .as("the page was not reloaded").isEqualTo("same page");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#levels-figures .console-chart svg")).isEmpty());
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "service-levels");

        driver.get(stack.uri("/service-levels?serviceType=" + type + "&lang=fr").toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Niveaux de service");
        assertThat(liveText(driver, "#levels-breached-open")).isEqualTo("1");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "service-levels");
    }

    /** The rendered text of the first element matching {@code css}, read in one script (null when there is none). */
    private static String liveText(WebDriver driver, String css) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", css);
    }

    @Test
    void page_worksWithoutJavaScript_withRefreshLink() {
        ConsoleStack stack = ConsoleStack.shared();
        String type = shortStandardServiceType(stack);
        Fixtures fixtures = stack.fixtures();
        fixtures.submit(fixtures.webSubmission(type, "25.00"));
        WebDriver driver = noScript.driver();
        ConsolePages.signIn(driver, "operations");
        driver.get(stack.uri("/service-levels?lang=en").toString());

        // no live updates: the refresh link reloads the page (until case-service has the case), the filters are a form
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.pollingEvery(Duration.ofSeconds(2)).until(d -> {
            d.findElement(By.id("levels-refresh")).click();
            return !d.findElements(By.cssSelector("#serviceType option[value='" + type + "']")).isEmpty();
        });
        new Select(driver.findElement(By.id("serviceType"))).selectByValue(type);
        driver.findElement(By.id("levels-apply")).click();
        wait.until(d -> {
            d.findElement(By.id("levels-refresh")).click();
            return d.findElement(By.id("levels-breached-open")).getText().equals("1");
        });
        assertThat(driver.getCurrentUrl()).contains("serviceType=" + type);
        assertThat(driver.findElements(By.cssSelector("#levels-backlog-table tbody tr"))).hasSize(4);
        assertThat(driver.findElement(By.id("levels-row-" + type + "-WEB")).getText()).contains("Web");
    }

    /** A service type of this run with a five-second standard (not guaranteed: no policy needed), defined by admin. */
    private static String shortStandardServiceType(ConsoleStack stack) {
        String code = ("LEVELS-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(Locale.ROOT);
        HttpResponse<String> response = send(HttpRequest.newBuilder(stack.services().uri("case-service", "/api/service-types/" + code))
                .header("Authorization", "Bearer " + stack.fixtures().token("admin"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"names":{"en":"Live levels (five-second standard)","fr":"Niveaux en direct (norme de cinq secondes)"},
                         "fee":{"amount":"25.00","currency":"CAD"},"standard":"PT5S","guaranteed":false,"calendarId":"CA-ON"}""")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return code;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
