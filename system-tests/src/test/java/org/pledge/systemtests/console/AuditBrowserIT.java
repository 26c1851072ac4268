package org.pledge.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.systemtests.ServiceProcesses;
import org.pledge.testsupport.browser.Browser;

/**
 * The auditor in a real browser against the real services: the four audit chains verify intact, and a resolved case's
 * history reads across the services (case-service's events, what the client was told). axe on both pages;
 * screenshots in both languages.
 */
class AuditBrowserIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().sharedAcrossClasses();

    @Test
    void auditor_seesFourChainsIntact_andReadsCaseFullHistory() {
        ConsoleStack stack = ConsoleStack.shared();
        String caseId = stack.fixtures().resolvedCase();

        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, "auditor");
        driver.get(stack.uri("/audit").toString());
        for (String service : ServiceProcesses.SERVICES) {
            // a service that stored nothing yet has an empty chain: intact too, with nothing to verify
            assertThat(driver.findElement(By.id("chain-" + service)).getText())
                    .as(service).containsAnyOf("Intact up to sequence", "Nothing is chained yet").doesNotContain("Broken");
        }
        assertThat(driver.findElement(By.id("chain-case-service")).getText()).contains("Intact up to sequence");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "audit");
        driver.get(stack.uri("/audit?lang=fr").toString());
        assertThat(driver.findElement(By.id("chain-case-service")).getText()).contains("Intacte jusqu’à la séquence");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "audit");
        driver.get(stack.uri("/audit?lang=en").toString());

        driver.findElement(By.id("caseId")).sendKeys(caseId);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        // the chain and the read models follow the event store: read again until the resolution is in the history
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofSeconds(1)).until(d -> {
            if (!d.getCurrentUrl().endsWith("/audit/cases/" + caseId)) {
                return false;
            }
            String timeline = d.findElements(By.id("case-timeline")).isEmpty() ? "" : d.findElement(By.id("case-timeline")).getText();
            if (timeline.contains("CaseSubmitted") && timeline.contains("CaseResolved")) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(caseId);
        assertThat(driver.findElements(By.id("part-notes"))).isEmpty();
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "audit-case");
        driver.get(stack.uri("/audit/cases/" + caseId + "?lang=fr").toString());
        assertThat(driver.findElement(By.id("case-timeline")).getText()).contains("CaseSubmitted");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "audit-case");
        driver.get(stack.uri("/?lang=en").toString());
    }
}
