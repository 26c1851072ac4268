package org.pledge.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.testsupport.browser.Browser;

/**
 * Satisfaction in a real browser against the real services: a client answers a survey through the public answer API;
 * the satisfaction page then shows the figures with it, and works without JavaScript (its chart's figures are in
 * tables). axe on the page; screenshots in both languages.
 */
class SatisfactionBrowserIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().sharedAcrossClasses();

    @RegisterExtension
    static final Browser noScript = Browser.headless().withoutJavaScript().sharedAcrossClasses();

    @Test
    void satisfactionPage_showsFiguresAfterAnAnswer() throws Exception {
        ConsoleStack stack = ConsoleStack.shared();
        String token = stack.fixtures().surveyToken();
        URI answer = stack.services().uri("feedback-service", "/api/surveys/" + token + "/responses");
        HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(answer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"rating\":5,\"effort\":2,\"painPoints\":[\"waiting-time\"],\"consentToContact\":false}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);

        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, "operations");
        String page = stack.uri("/satisfaction?channel=SURVEY_LINK").toString();
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofSeconds(1)).until(d -> {
            d.get(page);
            return !d.findElements(By.id("window-P30D")).isEmpty()
                    && d.findElement(By.id("window-P30D")).getText().matches("(?s)Last 30 days [1-9].*");
        });
        assertThat(driver.findElement(By.id("window-P30D")).getText()).containsPattern("Last 30 days [1-9]");
        assertThat(driver.findElement(By.id("satisfaction-pain-points")).getText()).contains("waiting-time");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("[data-chart=satisfaction-series-chart] svg")).isEmpty());
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "satisfaction");
        driver.get(stack.uri("/satisfaction?channel=SURVEY_LINK&lang=fr").toString());
        assertThat(driver.findElement(By.id("window-P30D")).getText()).startsWith("30 derniers jours");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "satisfaction");
        driver.get(stack.uri("/?lang=en").toString());

        WebDriver plain = noScript.driver();
        ConsolePages.signIn(plain, "auditor");
        plain.get(page);
        assertThat(plain.findElement(By.id("window-P30D")).getText()).containsPattern("Last 30 days [1-9]");
        assertThat(plain.findElement(By.id("satisfaction-series")).getAttribute("textContent")).contains("%");
    }
}
