package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledge.testsupport.await.Eventually;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The survey page over plain HTTP, as a browser without JavaScript meets it: the statuses (303 after an answer, 422
 * with the form again, 404/409 pages for links that authorise nothing), the headers a page whose URL holds a
 * credential needs, the stylesheet, and the token in no log line and nowhere in the page. What the client sees:
 * {@link SurveyPageBrowserIT}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SurveyPageHttpIT extends FeedbackServiceITSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void page_isSentWithTheHeadersOfAPageWhoseUrlIsACredential() {
        InvitedCase invited = invitedCase(freshServiceType("PH"), "fr-CA", true);
        HttpResponse<String> page = send(get("/surveys/" + invited.token()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Language")).hasValue("fr-CA");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "script-src"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<html lang=\"fr\"", "<fieldset", "<legend", "name=\"rating\"")
                .doesNotContain(invited.token(), "<script", "style=\"", "http://", "https://");
    }

    @Test
    void answer_isFollowedByASeeOther_toTheThanksPage() {
        InvitedCase invited = invitedCase(freshServiceType("PH"), "en-CA", true);
        HttpResponse<String> answered = send(form("/surveys/" + invited.token(), "lang=en&rating=4&effort=6&comment=Fine"));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
        assertThat(answered.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(URI.create(api.uri("/").toString()).resolve(location).getPath())
                        .isEqualTo("/surveys/" + invited.token() + "/thanks"));
        HttpResponse<String> thanks = send(get(answered.headers().firstValue("Location").orElseThrow()));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you for your answer").doesNotContain("id=\"follow-up\"");
        assertThat(thanks.headers().firstValue("Cache-Control")).hasValue("no-store");

        // the same answer again (a second click, a retry): thanks again, nothing more recorded
        assertThat(send(form("/surveys/" + invited.token(), "lang=en&rating=4&effort=6&comment=Fine")).statusCode())
                .isIn(303, 409);
    }

    @Test
    void invalidAnswer_is422_withTheFormAndItsErrors() {
        InvitedCase invited = invitedCase(freshServiceType("PH"), "en-CA", true);
        HttpResponse<String> noRating = send(form("/surveys/" + invited.token(), "lang=en&comment=" + enc("Too slow & <b>rude</b>")));
        assertThat(noRating.statusCode()).isEqualTo(422);
        assertThat(noRating.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(noRating.body()).contains("<title>Error: ", "href=\"#rating-5\"", "Too slow &amp; &lt;b&gt;rude&lt;/b&gt;")
                .doesNotContain("<b>rude</b>");

        HttpResponse<String> unknownTag = send(form("/surveys/" + invited.token(), "lang=en&rating=3&painPoints=no-such-tag"));
        assertThat(unknownTag.statusCode()).isEqualTo(422);
        assertThat(unknownTag.body()).contains("Choose only from the list");

        HttpResponse<String> outOfRange = send(form("/surveys/" + invited.token(), "lang=en&rating=9"));
        assertThat(outOfRange.statusCode()).isEqualTo(422);
        assertThat(outOfRange.body()).contains("Choose how satisfied you are, from 1 to 5");
    }

    @Test
    void linksThatAuthoriseNothing_getAPage_withTheirStatus() {
        HttpResponse<String> forged = send(get("/surveys/k1.forged?lang=fr"));
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(forged.body()).contains("<html lang=\"fr\"", "Ce lien de sondage ne fonctionne pas")
                .doesNotContain("Exception", "Whitelabel", "k1.forged");
        assertThat(send(form("/surveys/k1.forged", "lang=en&rating=1")).statusCode()).isEqualTo(404);
        assertThat(send(get("/surveys/k1.forged/thanks")).statusCode()).isEqualTo(404);

        InvitedCase invited = invitedCase(freshServiceType("PH"), "en-CA", true);
        assertThat(send(form("/surveys/" + invited.token(), "lang=en&rating=5")).statusCode()).isEqualTo(303);
        HttpResponse<String> another = send(form("/surveys/" + invited.token(), "lang=en&rating=1"));
        assertThat(another.statusCode()).isEqualTo(409);
        assertThat(another.body()).contains("You have already answered this survey");
        Eventually.await("the link refused once answered", DELIVERY)
                .until(() -> send(get("/surveys/" + invited.token())).statusCode() == 409);
    }

    @Test
    void stylesheet_isOurOwn_underSurveyAssets() {
        HttpResponse<String> css = send(get("/survey-assets/survey.css"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains(":focus").doesNotContain("@import", "url(");
    }

    @Test
    void token_isNeverLogged(CapturedOutput output) {
        InvitedCase invited = invitedCase(freshServiceType("PH"), "en-CA", true);
        String token = invited.token();
        send(get("/surveys/" + token));
        send(form("/surveys/" + token, "lang=en&rating=abc"));
        send(form("/surveys/" + token, "lang=en&rating=2&consent=yes&comment=" + enc("x".repeat(2001))));
        send(form("/surveys/" + token, "lang=en&rating=2&consent=yes"));
        send(get("/surveys/" + token + "/thanks?lang=en&contact=yes"));
        send(form("/surveys/" + token, "lang=en&rating=5"));
        send(get("/surveys/" + token + "x"));
        assertThat(output.getAll()).doesNotContain(token);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
