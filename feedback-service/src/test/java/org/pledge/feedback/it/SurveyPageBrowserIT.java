package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.browser.Accessibility;
import org.pledge.testsupport.browser.Browser;

/**
 * The survey page in a real browser (headless Chromium), against the whole service: links from invitations made
 * through the broker, answers recorded by the real {@code SurveyAnswers}. axe-core checks each kind of page against
 * WCAG 2.1 AA. Whether the page is sent with the right status and headers: {@link SurveyPageHttpIT}.
 */
class SurveyPageBrowserIT extends FeedbackServiceITSupport {

    @RegisterExtension
    static final Browser browser = Browser.headless();
    @RegisterExtension
    static final Browser noScript = Browser.headless().withoutJavaScript();

    @AfterEach
    void forgetThePage() {
        browser.reset();
        noScript.reset();
    }

    @Test
    void page_isInTheInvitationsLanguage_andSwitchesLanguageOnRequest() {
        WebDriver page = open(browser, invitedCase(freshServiceType("PG"), "en-CA", true));
        assertPage(page, "en", "Tell us about the service you received");
        assertThat(page.findElement(By.cssSelector("label[for=rating-1]")).getText()).isEqualTo("1 – Very dissatisfied");
        assertThat(page.findElements(By.cssSelector("input[name=painPoints]"))).isNotEmpty();
        Accessibility.assertNoViolations(page);

        page.findElement(By.linkText("Français")).click();
        assertPage(page, "fr", "Parlez-nous du service que vous avez reçu");
        assertThat(page.findElement(By.cssSelector("label[for=rating-1]")).getText()).isEqualTo("1 – Très insatisfait");

        WebDriver french = open(browser, invitedCase(freshServiceType("PG"), "fr-CA", true));
        assertPage(french, "fr", "Parlez-nous du service que vous avez reçu");
        assertThat(french.findElement(By.cssSelector("label[for=comment]")).getText()).contains("facultatif");
        Accessibility.assertNoViolations(french);
        french.findElement(By.linkText("English")).click();
        assertPage(french, "en", "Tell us about the service you received");
    }

    @Test
    void answerOfOne_withCommentAndConsent_isRecorded_andTheClientIsToldSomeoneWillCall() {
        InvitedCase invited = invitedCase(freshServiceType("PG"), "en-CA", false);
        WebDriver page = open(browser, invited);
        page.findElement(By.id("rating-1")).click();
        page.findElement(By.id("effort-2")).click();
        page.findElement(By.id("pain-point-1")).click();
        page.findElement(By.id("comment")).sendKeys("Nobody answered the phone for two weeks.");
        page.findElement(By.id("consent")).click();
        submit(page);

        assertThat(page.getCurrentUrl()).endsWith("/thanks?lang=en&contact=yes");
        assertPage(page, "en", "Thank you for your answer");
        assertThat(page.findElement(By.id("follow-up")).getText()).contains("someone from the service will contact you");
        Accessibility.assertNoViolations(page);

        JsonNode answer = recordedAnswer(invited.caseId());
        assertThat(answer.path("rating").asInt()).isEqualTo(1);
        assertThat(answer.path("effort").asInt()).isEqualTo(2);
        assertThat(answer.path("channel").asText()).isEqualTo("SURVEY_LINK");
        assertThat(answer.path("consentToContact").asBoolean()).isTrue();
        assertThat(answer.path("painPoints")).hasSize(1);
        assertThat(answer.path("comment").asText()).isEqualTo("Nobody answered the phone for two weeks.");
        assertThat(answer.path("followUpRequested").asBoolean()).isTrue();
    }

    @Test
    void answering_worksWithJavaScriptTurnedOff() {
        WebDriver page = noScript.driver();
        // the session really runs no script: a page's own script cannot change its title
        page.get("data:text/html,<title>off</title><script>document.title='on'</script>");
        assertThat(page.getTitle()).isEqualTo("off");

        InvitedCase invited = invitedCase(freshServiceType("PG"), "fr-CA", true);
        open(noScript, invited);
        page.findElement(By.id("rating-4")).click();
        submit(page);

        assertPage(page, "fr", "Merci de votre réponse");
        assertThat(page.findElements(By.id("follow-up"))).isEmpty();
        assertThat(recordedAnswer(invited.caseId()).path("rating").asInt()).isEqualTo(4);
    }

    @Test
    void missingRating_showsTheErrorSummary_linkedToTheQuestion_andKeepsWhatWasTyped() {
        WebDriver page = open(browser, invitedCase(freshServiceType("PG"), "en-CA", true));
        page.findElement(By.id("comment")).sendKeys("Line one\nLine two");
        page.findElement(By.id("consent")).click();
        submit(page);

        assertThat(page.getTitle()).isEqualTo("Error: Tell us about the service you received");
        WebElement summary = page.findElement(By.id("error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Choose how satisfied you are, from 1 to 5");
        assertThat(page.findElement(By.id("rating-error")).getText()).endsWith("Choose how satisfied you are, from 1 to 5");
        assertThat(page.findElement(By.id("comment")).getDomProperty("value")).isEqualTo("Line one\nLine two");
        assertThat(page.findElement(By.id("consent")).isSelected()).isTrue();
        Accessibility.assertNoViolations(page);

        summary.findElement(By.linkText("Choose how satisfied you are, from 1 to 5")).click();
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("rating-5");
        page.findElement(By.id("rating-3")).click();
        submit(page);
        assertPage(page, "en", "Thank you for your answer");
    }

    @Test
    void tooLongComment_isRefusedWithTheLimit_andTheAnswerKept() {
        WebDriver page = open(browser, invitedCase(freshServiceType("PG"), "fr-CA", true));
        page.findElement(By.id("rating-2")).click();
        WebElement comment = page.findElement(By.id("comment"));
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].value = 'é'.repeat(2001)", comment);
        submit(page);

        // 2 000 with the French grouping separator (a no-break space)
        assertThat(page.findElement(By.id("comment-error")).getText())
                .matches("(?s).*Votre commentaire doit compter au plus 2[\\u00a0\\u202f ]000 caractères");
        assertThat(page.findElement(By.id("rating-2")).isSelected()).isTrue();
        assertThat(page.findElement(By.id("comment")).getDomProperty("value")).hasSize(2001);
        page.findElement(By.partialLinkText("Votre commentaire doit compter au plus")).click();
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("comment");
    }

    @Test
    void forgedLink_saysTheLinkDoesNotWork_inEitherLanguage() {
        InvitedCase invited = invitedCase(freshServiceType("PG"), "en-CA", true);
        String token = invited.token();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'Q' : 'A');
        WebDriver page = browser.driver();
        page.get(api.uri("/surveys/" + tampered).toString());
        assertPage(page, "en", "This survey link does not work");
        Accessibility.assertNoViolations(page);

        page.get(api.uri("/surveys/not-a-token?lang=fr").toString());
        assertPage(page, "fr", "Ce lien de sondage ne fonctionne pas");
    }

    @Test
    void usedLink_saysTheSurveyWasAnsweredAlready() {
        InvitedCase invited = invitedCase(freshServiceType("PG"), "en-CA", true);
        WebDriver page = open(browser, invited);
        page.findElement(By.id("rating-5")).click();
        submit(page);
        assertPage(page, "en", "Thank you for your answer");

        // a refused link names no invitation's language: the page is in the browser's (English here), or ?lang=
        Eventually.await("the link refused once answered", DELIVERY).until(() -> {
            open(browser, invited);
            return page.findElement(By.tagName("h1")).getText().equals("You have already answered this survey");
        });
        assertPage(page, "en", "You have already answered this survey");
        Accessibility.assertNoViolations(page);
        page.findElement(By.linkText("Français")).click();
        assertPage(page, "fr", "Vous avez déjà répondu à ce sondage");
    }

    @Test
    void keyboardOnly_aClientAnswersWithoutAMouse() {
        InvitedCase invited = invitedCase(freshServiceType("PG"), "en-CA", true);
        WebDriver page = open(browser, invited);
        tabTo(page, "rating-5");
        // arrow keys move through a radio group and choose: 5 → 4 → 3 → 2
        page.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(page.findElement(By.id("rating-2")).isSelected()).isTrue();
        tabTo(page, "comment");
        page.switchTo().activeElement().sendKeys("Typed with the keyboard only.");
        tabTo(page, "consent");
        page.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertThat(page.findElement(By.id("consent")).isSelected()).isTrue();
        page.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(page.switchTo().activeElement().getTagName()).isEqualTo("button");
        page.switchTo().activeElement().sendKeys(Keys.ENTER);

        assertPage(page, "en", "Thank you for your answer");
        assertThat(page.findElement(By.id("follow-up")).isDisplayed()).isTrue();
        JsonNode answer = recordedAnswer(invited.caseId());
        assertThat(answer.path("rating").asInt()).isEqualTo(2);
        assertThat(answer.path("comment").asText()).isEqualTo("Typed with the keyboard only.");
    }

    private WebDriver open(Browser session, InvitedCase invited) {
        WebDriver page = session.driver();
        page.get(api.uri("/surveys/" + invited.token()).toString());
        return page;
    }

    /**
     * Sends the form and waits until the browser has left the page it was on: a command that reaches Chromium while
     * the next document replaces this one finds no element at all (seen once in CI: no {@code html}).
     */
    private static void submit(WebDriver page) {
        WebElement before = page.findElement(By.tagName("html"));
        page.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before));
    }

    /** The page's language and its one h1 (waited for: the page may still be loading after Enter or a click). */
    private static void assertPage(WebDriver page, String lang, String heading) {
        new WebDriverWait(page, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> heading.equals(h.getText())));
        assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        List<WebElement> headings = page.findElements(By.tagName("h1"));
        assertThat(headings).hasSize(1);
        assertThat(headings.get(0).getText()).isEqualTo(heading);
    }

    /** Presses Tab from the top of the page until the element with {@code id} has the focus (at most 40 times). */
    private static void tabTo(WebDriver page, String id) {
        for (int i = 0; i < 40; i++) {
            if (id.equals(page.switchTo().activeElement().getDomAttribute("id"))) {
                return;
            }
            page.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** The case's one answer, as the caseworker reads it. */
    private JsonNode recordedAnswer(String caseId) {
        JsonNode page = api.awaitJson("/api/feedback?caseId=" + caseId, caseworkerToken(),
                json -> json.path("items").size() == 1);
        return page.path("items").get(0);
    }
}
