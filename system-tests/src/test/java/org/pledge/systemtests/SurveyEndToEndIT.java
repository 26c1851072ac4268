package org.pledge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.browser.Browser;

/**
 * Issue 14's closed loop, end to end on the real broker and the services' own processes (the shared set:
 * {@link ServiceProcesses#shared()}), as a client lives it:
 * <ol>
 *   <li>a channel submits a case for a client who reads email, and a caseworker resolves it in case-service;</li>
 *   <li>feedback-service invites the client ({@code pledge.feedback.survey-invited.v1}) and notification-service emails
 *       the link: the test reads it from the email received by the SMTP server, nowhere else;</li>
 *   <li>the link opens the survey page in a real browser (headless Chromium), where the client answers 1, "very
 *       dissatisfied", and agrees to be contacted; the page thanks them and says someone will contact them;</li>
 *   <li>feedback-service asks for a follow-up ({@code pledge.feedback.follow-up-requested.v1}): case-service opens a
 *       follow-up case linked to the resolved one, and notification-service tells the client by email that someone
 *       from the service will contact them.</li>
 * </ol>
 * Everything is told apart from other tests' data by this test's own case, reference and address.
 */
class SurveyEndToEndIT {

    private static final Duration FLOWS = Duration.ofSeconds(180);
    private static final Pattern SURVEY_LINK = Pattern.compile("https?://[^\\s\"<>]+/surveys/[A-Za-z0-9._~-]*[A-Za-z0-9_~-]");

    @RegisterExtension
    static final Browser browser = Browser.headless().sharedAcrossClasses();

    @Test
    void resolvedCase_invitationEmail_answerOfOneWithConsentInTheBrowser_opensALinkedFollowUpCase_andTellsTheClient() throws Exception {
        ServiceProcesses services = ServiceProcesses.shared();
        Fixtures fixtures = new Fixtures(services);
        String email = "survey-" + UUID.randomUUID() + "@example.org";

        // 1. a resolved case
        String caseId = fixtures.submit("""
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"%s","name":"Awa Diallo","email":"%s","language":"en-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """.formatted(fixtures.unique("survey"), email));
        fixtures.resolve(caseId);

        // 2. the invitation, and the link in the email received
        MimeMessage invitation = Eventually.await("the survey invitation email", FLOWS)
                .until(() -> ServiceProcesses.mailTo(email).stream().filter(m -> SURVEY_LINK.matcher(text(m)).find()).toList(),
                        found -> found.size() == 1).get(0);
        assertThat(text(invitation)).contains(caseId);
        Matcher link = SURVEY_LINK.matcher(text(invitation));
        assertThat(link.find()).isTrue();
        String surveyLink = link.group();
        assertThat(surveyLink).startsWith(services.uri("feedback-service", "/surveys/").toString());

        // 3. an answer of 1 with consent, given in the browser
        WebDriver page = browser.driver();
        page.get(surveyLink);
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Tell us about the service you received");
        page.findElement(By.cssSelector("label[for='rating-1']")).click();
        page.findElement(By.cssSelector("label[for='consent']")).click();
        assertThat(page.findElement(By.id("rating-1")).isSelected()).isTrue();
        assertThat(page.findElement(By.id("consent")).isSelected()).isTrue();
        page.findElement(By.cssSelector("#survey-form button[type='submit']")).click();

        Eventually.await("the thank-you page", FLOWS).until(() -> URI.create(page.getCurrentUrl()).getPath().endsWith("/thanks"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you for your answer");
        assertThat(page.findElement(By.id("follow-up")).getText()).contains("someone from the service will contact you");

        JsonNode answers = Eventually.await("the answer, as the caseworker sees it", FLOWS).until(() -> Api.get(
                services.uri("feedback-service", "/api/feedback?caseId=" + caseId), fixtures.token("caseworker")).json(),
                json -> json.path("items").size() == 1);
        JsonNode answer = answers.path("items").get(0);
        assertThat(answer.path("rating").asInt()).isEqualTo(1);
        assertThat(answer.path("consentToContact").asBoolean()).isTrue();
        assertThat(answer.path("channel").asText()).isEqualTo("SURVEY_LINK");
        assertThat(answer.path("followUpRequested").asBoolean()).isTrue();

        // 4. a linked follow-up case exists in case-service
        JsonNode earlier = Eventually.await("the follow-up case linked to the resolved one", FLOWS)
                .until(() -> caseView(services, fixtures, caseId), c -> c != null && c.path("links").path("followUpCases").size() == 1);
        String followUpPath = earlier.path("links").path("followUpCases").get(0).asText();
        JsonNode followUp = Api.get(services.uri("case-service", followUpPath), fixtures.token("caseworker")).json();
        assertThat(followUp.path("channel").asText()).isEqualTo("FOLLOW_UP");
        assertThat(followUp.path("serviceType").asText()).isEqualTo("PASSPORT");
        assertThat(followUp.path("links").path("previousCase").asText()).isEqualTo("/api/cases/" + caseId);

        // ... and the client is told someone will contact them
        MimeMessage told = Eventually.await("the email saying someone will contact the client", FLOWS)
                .until(() -> ServiceProcesses.mailTo(email).stream().filter(m -> text(m).contains("Someone from the passport service")).toList(),
                        found -> found.size() == 1).get(0);
        assertThat(told.getSubject()).isEqualTo("About your passport application: someone will contact you");
        assertThat(text(told)).contains("Someone from the passport service will contact you").contains(caseId);

        // the link was for one answer: opened again, it says so
        page.get(surveyLink);
        assertThat(page.findElement(By.tagName("h1")).getText()).isNotEqualTo("Tell us about the service you received");
        assertThat(Api.get(services.uri("feedback-service", "/api/surveys/" + surveyLink.substring(surveyLink.lastIndexOf('/') + 1)),
                null).status()).isEqualTo(409);
    }

    /** The case as a caseworker sees it, or null while case-service does not answer 200. */
    private static JsonNode caseView(ServiceProcesses services, Fixtures fixtures, String caseId) {
        Api.Response response = Api.get(services.uri("case-service", "/api/cases/" + caseId), fixtures.token("caseworker"));
        return response.status() == 200 ? response.json() : null;
    }

    /** The message's text as the client reads it (decoded, every text part of a multipart message). */
    private static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws IOException, MessagingException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent())).append('\n');
            }
            return all.toString();
        }
        return "";
    }
}
