package org.pledge.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.systemtests.RefundFixtures;
import org.pledge.testsupport.browser.Browser;

/**
 * Finance works the refunds in a real browser, against the real console, issuer and services: two finance people
 * approve a claim (the first by keyboard only) and the first sees no approve button once she has approved; a closed
 * day's pain.001 downloads; every refunds page passes axe and is photographed in English and French.
 */
class RefundsBrowserIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().sharedAcrossClasses();

    private static ConsoleStack stack;
    private static RefundFixtures refunds;

    @BeforeAll
    static void stack() {
        stack = ConsoleStack.shared();
        refunds = new RefundFixtures(stack.services());
        refunds.startClaimCases(2); // one per test: their standards run out while the browser starts and signs in
    }

    @BeforeEach
    void cleanBrowser() {
        browser.reset();
    }

    @Test
    void twoFinancePeopleApprove_firstByKeyboard_thenSeesNoApproveButton() {
        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, "finance-1");
        String claimId = refunds.claimAwaitingApproval();

        // the claims of this class's own service type: other classes' claims await approval too
        driver.get(stack.uri("/refunds?serviceType=" + refunds.claimServiceType()).toString());
        WebElement row = waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-claim-id='" + claimId + "']")));
        assertThat(row.getText()).contains("$6.25").contains("Awaiting approval").contains("0 of 2");
        pageInBothLanguages(driver, "refunds");

        driver.get(stack.uri("/refunds/" + claimId).toString());
        pageInBothLanguages(driver, "refund");
        approveByKeyboard(driver);
        WebElement banner = waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("decided")));
        assertThat(banner.getText()).contains("Your approval is recorded.");
        assertThat(driver.findElements(By.id("approve"))).as("finance-1's approve button, once she approved").isEmpty();
        assertThat(driver.findElement(By.id("cannot-decide")).getText()).contains("You approved this claim already");
        assertThat(driver.findElement(By.id("claim-approvals")).getText()).contains("1 of 2").contains("finance-1");
        ConsolePages.signOut(driver);

        ConsolePages.signIn(driver, "finance-2");
        driver.get(stack.uri("/refunds/" + claimId).toString());
        driver.findElement(By.id("approve")).click();
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("decided")));
        assertThat(driver.findElement(By.id("claim-status")).getText()).as("the claim moved on: approved, paid by transfer")
                .isEqualTo("Awaiting bank details");
        assertThat(driver.findElements(By.id("approve"))).isEmpty();
        ConsolePages.signOut(driver);
    }

    @Test
    void closedDaysPain001_downloadsAsXml_andCostsShowTheRefund() {
        WebDriver driver = browser.driver();
        String claimId = refunds.claimAwaitingApproval();
        approve(driver, claimId, "finance-1");
        approve(driver, claimId, "finance-2");
        refunds.giveBankAccount(claimId);
        LocalDate closedDay = refunds.transferMovedToClosedDay(claimId);

        ConsolePages.signIn(driver, "finance-1");
        driver.get(stack.uri("/refunds/batches").toString());
        pageInBothLanguages(driver, "refund-batches");
        WebElement date = driver.findElement(By.id("date"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", date, closedDay.toString());
        String action = driver.findElement(By.id("download-form")).getAttribute("action");
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0] + '?date=' + arguments[1], {credentials: 'same-origin'})
                  .then(r => r.text().then(body => done({status: r.status, type: r.headers.get('Content-Type'),
                                                         disposition: r.headers.get('Content-Disposition'), body: body})))
                  .catch(e => done({status: -1, body: String(e)}));
                """, action, closedDay.toString());
        assertThat(((Number) file.get("status")).intValue()).as("download: %s", file.get("body")).isEqualTo(200);
        assertThat((String) file.get("type")).startsWith("application/xml");
        assertThat((String) file.get("disposition"))
                .isEqualTo("attachment; filename=\"pledge-transfers-" + closedDay + ".pain.001.xml\"");
        assertThat((String) file.get("body"))
                .contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")
                .contains("<MsgId>PLEDGE-TRF-" + closedDay + "</MsgId>")
                .containsPattern("<InstdAmt Ccy=\"CAD\">6\\.25</InstdAmt>");

        driver.get(stack.uri("/refunds/costs").toString());
        List<WebElement> rows = driver.findElements(By.cssSelector("table.console-costs tbody tr"));
        assertThat(rows).anySatisfy(row -> assertThat(row.getText()).contains(refunds.claimServiceType()));
        assertThat(driver.findElement(By.cssSelector(".console-chart svg")).isDisplayed()).as("the chart, drawn").isTrue();
        pageInBothLanguages(driver, "refund-costs");
        ConsolePages.signOut(driver);
    }

    /** Tab (and nothing else) until the approve button has the focus, then Enter. */
    private static void approveByKeyboard(WebDriver driver) {
        Actions keys = new Actions(driver);
        for (int i = 0; i < 80; i++) {
            keys.sendKeys(Keys.TAB).perform();
            if ("approve".equals(driver.switchTo().activeElement().getAttribute("id"))) {
                keys.sendKeys(Keys.ENTER).perform();
                return;
            }
        }
        throw new AssertionError("the approve button cannot be reached with Tab");
    }

    private static void approve(WebDriver driver, String claimId, String user) {
        ConsolePages.signIn(driver, user);
        driver.get(stack.uri("/refunds/" + claimId).toString());
        driver.findElement(By.id("approve")).click();
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("decided")));
        ConsolePages.signOut(driver);
    }

    /** axe on the page, then screenshots {@code <name>-en.png} and {@code <name>-fr.png}; leaves the page in English. */
    private static void pageInBothLanguages(WebDriver driver, String name) {
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, name);
        String page = driver.getCurrentUrl().replaceAll("[?&]lang=(en|fr)", "");
        driver.get(page + (page.contains("?") ? "&" : "?") + "lang=fr");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, name);
        driver.get(page + (page.contains("?") ? "&" : "?") + "lang=en");
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
