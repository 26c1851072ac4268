package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is a 4xx problem with a stable code, never a 500 (real HTTP through the whole filter chain). */
class CaseApiBadInputIT extends CaseServiceITSupport {

    private static final String VALID = """
            {"serviceType":"PASSPORT","channel":"WEB",
             "applicant":{"reference":"ref-1","name":"Test Person","email":"person@example.org","language":"en-CA","preferredChannel":"EMAIL"},
             "feePaid":{"amount":"120.00","currency":"CAD"}}
            """;

    static Stream<Arguments> badSubmissions() {
        return Stream.of(
                Arguments.of("unknown service type", VALID.replace("PASSPORT", "SPACESHIP"), 422, "case.service-type-unknown"),
                Arguments.of("missing applicant", VALID.replaceAll("\"applicant\":\\{[^}]*},", ""), 400, "request.validation-failed"),
                Arguments.of("blank service type", VALID.replace("\"PASSPORT\"", "\"\""), 400, "request.validation-failed"),
                Arguments.of("wrong type: applicant a string", VALID.replaceAll("\"applicant\":\\{[^}]*}", "\"applicant\":\"me\""), 400,
                        "request.malformed"),
                Arguments.of("wrong type: amount not a number", VALID.replace("\"120.00\"", "\"lots\""), 400, "request.malformed"),
                Arguments.of("unknown enum: channel", VALID.replace("\"WEB\"", "\"PIGEON\""), 400, "request.malformed"),
                Arguments.of("unknown enum: preferred channel", VALID.replace("\"EMAIL\"", "\"FAX\""), 400, "request.malformed"),
                Arguments.of("malformed JSON", "{\"serviceType\": \"PASSPORT\", ", 400, "request.malformed"),
                Arguments.of("not JSON at all", "serviceType=PASSPORT", 400, "request.malformed"),
                Arguments.of("over 64 KB", VALID.replace("ref-1", "r".repeat(70 * 1024)), 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void badSubmission_isAProblem_notA500(String what, String body, int status, String code) {
        Response response = post("/api/cases", channelToken(), body, Map.of("Idempotency-Key", "bad-" + what.hashCode() + "-" + System.nanoTime()));
        assertProblem(response, status, code);
    }

    @Test
    void submission_withoutIdempotencyKey_is400() {
        assertProblem(post("/api/cases", channelToken(), VALID, Map.of()), 400, null);
    }

    @Test
    void bodyJustUnder64KB_isNotRefusedForItsSize() {
        // 60 KB of address fits the limit; the bean validation then refuses the too-long field: 400, not 413
        Response response = post("/api/cases", channelToken(), VALID.replace("ref-1", "r".repeat(60 * 1024)),
                Map.of("Idempotency-Key", "size-" + System.nanoTime()));
        assertProblem(response, 400, "request.validation-failed");
    }

    static Stream<Arguments> badTransitions() {
        return Stream.of(
                Arguments.of("resolution", "{\"outcome\":\"MAYBE\",\"note\":\"x\"}", 400, "request.malformed"),
                Arguments.of("resolution", "{\"outcome\":\"APPROVED\"}", 400, "request.validation-failed"),
                Arguments.of("resolution", "{\"outcome\":42,\"note\":\"x\"}", 400, "request.malformed"),
                Arguments.of("information-requests", "{\"reasonCode\":\"Missing Photo!\"}", 400, "request.validation-failed"),
                Arguments.of("assignment", "{}", 400, "request.validation-failed"),
                Arguments.of("assignment", "[\"cw-1\"]", 400, "request.malformed"),
                Arguments.of("withdrawal", "{\"reason\":", 400, "request.malformed"),
                Arguments.of("reopening", "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}", 413, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badTransitions")
    void badTransitionBody_isAProblem_notA500(String action, String body, int status, String code) {
        String caseId = submit("PASSPORT", Map.of());
        assertProblem(transition(caseId, action, caseworkerToken(), body), status, code);
    }

    @Test
    void transition_onAnUnknownCase_is404() {
        assertProblem(transition("no-such-case", "assignment", caseworkerToken(), "{\"assignee\":\"cw-1\"}"), 404, null);
        assertProblem(get("/api/cases/no-such-case", caseworkerToken()), 404, "case.not-found");
    }

    @Test
    void transition_withoutIdempotencyKey_is400_andByAChannel_is403() {
        String caseId = submit("PASSPORT", Map.of());
        assertProblem(post("/api/cases/" + caseId + "/assignment", caseworkerToken(), "{\"assignee\":\"cw-1\"}", Map.of()), 400, null);
        assertProblem(transition(caseId, "assignment", channelToken(), "{\"assignee\":\"cw-1\"}"), 403, null);
    }

    @Test
    void listFilters_ofTheWrongType_are400() {
        String cw = caseworkerToken();
        assertProblem(get("/api/cases?atRisk=perhaps", cw), 400, "request.invalid-parameter");
        assertProblem(get("/api/cases?status=LOST", cw), 400, "request.invalid-parameter");
        assertProblem(get("/api/cases?size=1000", cw), 400, null);
        assertProblem(get("/api/cases?page=abc", cw), 400, "request.invalid-parameter");
    }

    @Test
    void listFilters_narrowTheCases() {
        String caseId = submit("PASSPORT", Map.of());
        awaitCase(caseId, caseworkerToken(), c -> true);
        Response open = get("/api/cases?status=SUBMITTED&serviceType=PASSPORT&atRisk=false&breached=false&size=200", caseworkerToken());
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains(caseId);
        Response breached = get("/api/cases?breached=true&size=200", caseworkerToken());
        assertThat(breached.status()).isEqualTo(200);
        assertThat(breached.body()).doesNotContain(caseId);
        Response otherChannel = get("/api/cases?size=200", TOKENS.token("partner-x", "channel"));
        assertThat(otherChannel.body()).doesNotContain(caseId);
    }

    @Test
    void openApi_describesTheCaseEndpoints() {
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        for (String path : new String[] {"/api/cases", "/api/cases/{caseId}", "/api/cases/{caseId}/history",
                "/api/cases/{caseId}/assignment", "/api/cases/{caseId}/work-started", "/api/cases/{caseId}/information-requests",
                "/api/cases/{caseId}/information-received", "/api/cases/{caseId}/resolution", "/api/cases/{caseId}/withdrawal",
                "/api/cases/{caseId}/reopening"}) {
            assertThat(docs.json().path("paths").has(path)).as(path).isTrue();
        }
        assertThat(docs.json().path("components").path("schemas").has("Case")).isTrue();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        if (code != null) {
            assertThat(response.json().path("code").asText()).isEqualTo(code);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
