package org.pledge.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.testsupport.browser.Browser;

/**
 * Each of the six local people signs in at the real issuer in a real browser: the header and the home page list exactly
 * the sections of their role (the table of the console's {@code Navigation}); another section's page answers with the
 * console's 403 page; their name shows; signing out ends the session at the issuer too.
 */
class ConsoleRolesIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().sharedAcrossClasses();

    /** Each person → their name at the issuer, the sections they may open, and a section they may not. */
    static final Map<String, Person> PEOPLE = Map.of(
            "operations", new Person("Olivia Operations",
                    List.of("/service-levels", "/cases", "/satisfaction", "/refunds/costs", "/operations"), "/audit"),
            "caseworker", new Person("Casey Caseworker", List.of("/cases"), "/refunds"),
            "finance-1", new Person("Frances Finance", List.of("/refunds", "/refunds/costs"), "/operations"),
            "finance-2", new Person("Fernand Finance", List.of("/refunds", "/refunds/costs"), "/cases"),
            "auditor", new Person("Audrey Auditor",
                    List.of("/service-levels", "/cases", "/satisfaction", "/refunds", "/refunds/costs", "/audit"), "/operations"),
            "admin", new Person("Adam Admin", List.of("/operations"), "/service-levels"));

    record Person(String name, List<String> sections, String forbidden) {
    }

    static Stream<Arguments> people() {
        return Stream.of("operations", "caseworker", "finance-1", "finance-2", "auditor", "admin").map(Arguments::of);
    }

    @BeforeEach
    void cleanBrowser() {
        browser.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("people")
    void eachPerson_seesOnlyTheirSections_andGetsForbiddenPageForOthers(String user) {
        WebDriver driver = browser.driver();
        Person person = PEOPLE.get(user);
        ConsolePages.signIn(driver, user);

        assertThat(driver.findElement(By.cssSelector(".console-person__name")).getText()).isEqualTo(person.name());
        assertThat(hrefs(driver, "#navigation a")).containsExactlyElementsOf(person.sections());
        assertThat(hrefs(driver, "main a")).containsExactlyElementsOf(person.sections());

        driver.get(ConsoleStack.shared().uri(person.forbidden()).toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot open this page");
        assertThat(hrefs(driver, "#navigation a")).containsExactlyElementsOf(person.sections());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("people")
    void signingOut_endsSessionAtIssuer_soConsoleAsksToSignInAgain(String user) {
        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, user);

        ConsolePages.signOut(driver);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You have signed out");

        driver.get(ConsoleStack.shared().uri("/").toString());
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(ConsoleStack.shared().issuer().issuer());
        assertThat(driver.findElements(By.cssSelector(".console-person__name"))).isEmpty();
    }

    private static List<String> hrefs(WebDriver driver, String selector) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .map(link -> link.getDomAttribute("href"))
                .toList();
    }
}
