package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.Problems;

/**
 * The public survey API against abuse: a malformed token is 404 (forged, expired and used tokens: SurveyAnswersIT), an oversized body 413, and past the per-address limit
 * (30 a minute by default) every request is 429 with Retry-After, while another address is still served.
 */
class PublicSurveyAbuseIT extends FeedbackServiceITSupport {

    private static final String ANSWER = "{\"rating\":4}";

    @Test
    void malformedToken_isNotFound() {
        Problems.assertProblem(postFrom("203.0.113.10", "/api/surveys/forged!token/responses", ANSWER), 404, "survey.token-invalid");
        Problems.assertProblem(api.send("GET", "/api/surveys/not%20a%20token", null, null, Map.of("X-Forwarded-For", "203.0.113.10")),
                404, null);
    }

    @Test
    void oversizedBody_isTooLarge() {
        String huge = "{\"rating\":4,\"comment\":\"" + "x".repeat(70 * 1024) + "\"}";
        Problems.assertProblem(postFrom("203.0.113.11", "/api/surveys/any-token/responses", huge), 413, "request.too-large");
    }

    @Test
    void pastTheLimit_requestsAreTooMany_perAddress() {
        String address = "198.51.100.7";
        for (int i = 0; i < 30; i++) {
            assertThat(postFrom(address, "/api/surveys/forged!" + i + "/responses", ANSWER).status()).isEqualTo(404);
        }
        ApiResponse limited = postFrom(address, "/api/surveys/forged!31/responses", ANSWER);
        Problems.assertProblem(limited, 429, "request.rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(postFrom("198.51.100.8", "/api/surveys/forged!32/responses", ANSWER).status()).isEqualTo(404);
    }

    @Test
    void pastTheLimit_pageAnswersGetAPage_notJson() {
        String address = "198.51.100.9";
        Map<String, String> form = Map.of("X-Forwarded-For", address, "Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < 30; i++) {
            assertThat(api.send("POST", "/surveys/forged" + i, null, "rating=4", form).status()).isEqualTo(404);
        }
        ApiResponse limited = api.send("POST", "/surveys/forged31", null, "rating=4", form);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("text/html");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.body()).contains("<html lang=\"en\">", "Please try again in a minute", "Veuillez réessayer");
    }
}
