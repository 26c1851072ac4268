package org.pledge.testsupport.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the copy bundled in {@code com.deque.html.axe-core:selenium}) on the page a browser shows, against WCAG
 * 2.0 and 2.1, levels A and AA. Needs JavaScript in the session (axe runs as a script in the page).
 */
public final class Accessibility {

    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    /** Fails with each violation's rule, impact, help text and the elements at fault. */
    public static void assertNoViolations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations (WCAG 2.1 AA) on " + driver.getTitle() + ":\n"
                    + violations.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
        if (results.getPasses() == null || results.getPasses().isEmpty()) {
            throw new AssertionError("axe-core checked nothing on " + driver.getTitle());
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }
}
