package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.http.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledge.testsupport.http.RawHttp;
import org.pledge.testsupport.http.ApiResponse;

/**
 * Bad input is a 4xx problem with a stable code, never a 500 or an HTML page (real HTTP through the whole filter
 * chain; raw sockets for what HTTP client libraries refuse to send).
 */
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
                Arguments.of("over 64 KB", VALID.replace("ref-1", "r".repeat(70 * 1024)), 413, "request.too-large"));
    }

    /** The submission with one field of the applicant (or the root, or the fee) replaced by a JSON value written as is. */
    static String with(String field, String json) {
        String[] path = field.split("\\.");
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(VALID);
            com.fasterxml.jackson.databind.node.ObjectNode parent = path.length == 1 ? root
                    : (com.fasterxml.jackson.databind.node.ObjectNode) root.get(path[0]);
            parent.put(path[path.length - 1], "@@VALUE@@");
            return root.toString().replace("\"@@VALUE@@\"", json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JSON string literal of {@code text}, escaping what JSON needs (control characters become \\uXXXX). */
    static String str(String text) {
        try {
            // escaped to ASCII, so a lone surrogate travels as \\uD800 and is not lost in UTF-8
            return JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"\"", "\" ch_1\"", "\"ch_1\\r\\n\"", "\"-ch_1\"", "\"ch 1\"",
            "\"ch/1\"", "\"ré-1\"", "{\"id\":1}"})
    void badPaymentReferences_are400_withTheFieldPath(String reference) {
        ApiResponse response = post("/api/cases", channelToken(), with("paymentReference", reference),
                Map.of("Idempotency-Key", "payref-" + System.nanoTime()));
        assertProblem(response, 400, null);
        if ("request.validation-failed".equals(response.json().path("code").asText())) {
            assertThat(response.json().path("errors").toString()).contains("paymentReference");
        } else {
            assertThat(response.json().path("code").asText()).isEqualTo("request.malformed");
        }
    }

    @Test
    void aPaymentReferenceOf65Characters_is400_and64_isAccepted() {
        assertProblem(post("/api/cases", channelToken(), with("paymentReference", str("p".repeat(65))),
                Map.of("Idempotency-Key", "payref-" + System.nanoTime())), 400, "request.validation-failed");
        ApiResponse ok = post("/api/cases", channelToken(), with("paymentReference", str("p".repeat(64))),
                Map.of("Idempotency-Key", "payref-" + System.nanoTime()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    /** Absurd numbers, as JSON numbers and as strings: refused with the field's path, never stored (and never a 500). */
    static Stream<Arguments> absurdFees() {
        return Stream.of(
                Arguments.of("1e1000000 as a number", "1e1000000"),
                Arguments.of("1e1000000 as a string", "\"1e1000000\""),
                Arguments.of("1E+1000000000", "1E+999999999"),
                Arguments.of("1e-1000000 (scale a million)", "1e-1000000"),
                Arguments.of("over the maximum", "99999999999999999999.99"),
                Arguments.of("at the maximum", "1000000000"),
                Arguments.of("three decimals in CAD", "\"120.001\""),
                Arguments.of("negative", "-120.00"),
                Arguments.of("10 000 digits as a string", "\"" + "9".repeat(10_000) + "\""),
                Arguments.of("65 digits as a number", "9".repeat(65)),
                Arguments.of("a boolean", "true"),
                Arguments.of("an object", "{\"value\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absurdFees")
    void absurdFees_are400_withTheFieldPath_whenValidated(String what, String amount) {
        ApiResponse response = post("/api/cases", channelToken(), with("feePaid.amount", amount),
                Map.of("Idempotency-Key", "fee-" + System.nanoTime()));
        assertProblem(response, 400, null);
        if ("request.validation-failed".equals(response.json().path("code").asText())) {
            assertThat(response.json().path("errors").toString()).contains("feePaid.amount");
        } else {
            assertThat(response.json().path("code").asText()).isEqualTo("request.malformed");
        }
        assertThat(response.body().length()).isLessThan(2000); // the value is not echoed back
    }

    static Stream<Arguments> badFees() {
        return Stream.of(
                Arguments.of("zero without a reason", "{\"amount\":\"0.00\",\"currency\":\"CAD\"}", 422, "case.fee-mismatch"),
                Arguments.of("a cent short", "{\"amount\":\"119.99\",\"currency\":\"CAD\"}", 422, "case.fee-mismatch"),
                Arguments.of("more than the fee", "{\"amount\":\"999.00\",\"currency\":\"CAD\"}", 422, "case.fee-mismatch"),
                Arguments.of("another currency", "{\"amount\":\"120.00\",\"currency\":\"USD\"}", 422, "case.fee-currency-mismatch"),
                Arguments.of("a waiver that pays", "{\"amount\":\"60.00\",\"currency\":\"CAD\",\"reductionReason\":\"hardship-waiver\"}",
                        422, "case.fee-reduction-invalid"),
                Arguments.of("a concession at the full fee",
                        "{\"amount\":\"120.00\",\"currency\":\"CAD\",\"reductionReason\":\"concession\"}", 422, "case.fee-reduction-invalid"),
                Arguments.of("an unknown reason", "{\"amount\":\"0\",\"currency\":\"CAD\",\"reductionReason\":\"because\"}", 400,
                        "request.validation-failed"),
                Arguments.of("a reason with CRLF", "{\"amount\":\"0\",\"currency\":\"CAD\",\"reductionReason\":\"concession\\r\\n\"}", 400,
                        "request.validation-failed"),
                Arguments.of("an unknown currency", "{\"amount\":\"120.00\",\"currency\":\"XYZ\"}", 400, "request.validation-failed"),
                Arguments.of("a test currency", "{\"amount\":\"120.00\",\"currency\":\"XXX\"}", 400, "request.validation-failed"),
                Arguments.of("no fee", "null", 422, "case.fee-missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFees")
    void feesNotMatchingTheCatalogue_areRefused(String what, String fee, int status, String code) {
        assertProblem(post("/api/cases", channelToken(), with("feePaid", fee), Map.of("Idempotency-Key", "fee-" + System.nanoTime())),
                status, code);
    }

    /** Control characters and header injection in every text and contact field of a submission. */
    static Stream<Arguments> badTexts() {
        List<Arguments> cases = new ArrayList<>();
        for (String field : new String[] {"applicant.reference", "applicant.name", "applicant.email", "applicant.phone",
                "applicant.postalAddress", "applicant.language", "serviceType", "receivedAtStatedBy"}) {
            for (String junk : new String[] {"\r\nBcc: victim@example.org", "\u0000", "\u0007", "\u001B[31m", "\u0085", "\u2028",
                    "\u202E", "\uD800"}) {
                if (field.equals("applicant.postalAddress") && junk.startsWith("\r\n")) {
                    continue; // line breaks are what separate an address's lines
                }
                cases.add(Arguments.of(field, junk));
            }
        }
        cases.add(Arguments.of("applicant.email", "-not-an-email"));
        cases.add(Arguments.of("applicant.email", " space@example.org"));
        cases.add(Arguments.of("applicant.phone", " is no phone"));
        cases.add(Arguments.of("applicant.language", "-no-such-TAG-at-all-xx"));
        cases.add(Arguments.of("applicant.postalAddress", "\n2\n3\n4\n5\n6\n7\n8\n9"));
        cases.add(Arguments.of("applicant.postalAddress", "\t"));
        return cases.stream();
    }

    private static final Map<String, String> GOOD = Map.of("applicant.reference", "ref-1", "applicant.name", "Test Person",
            "applicant.email", "person@example.org", "applicant.phone", "+15145550123", "applicant.postalAddress", "1 Main St",
            "applicant.language", "en-CA", "serviceType", "PASSPORT", "receivedAtStatedBy", "mailroom-7");

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("badTexts")
    void controlCharactersAndJunk_inEveryTextField_are400_withItsPath(String field, String junk) {
        ApiResponse response = post("/api/cases", channelToken(), with(field, str(GOOD.get(field) + junk)),
                Map.of("Idempotency-Key", "text-" + System.nanoTime()));
        assertProblem(response, 400, "request.validation-failed");
        assertThat(response.json().path("errors").toString()).contains(field);
    }

    @Test
    void everyScript_isWelcome_inNamesAndAddresses() {
        for (String name : new String[] {"محمد عبد الله", "王小明", "देवनागरी नाम", "Zoë O'Brien", "👩🏽‍💻 Ada"}) {
            String body = with("applicant.name", str(name));
            ApiResponse response = post("/api/cases", channelToken(), body, Map.of("Idempotency-Key", "script-" + System.nanoTime()));
            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(201);
        }
    }

    @Test
    void aFollowUpChannel_cannotBeSubmitted_byAnyCaller() {
        for (String token : new String[] {channelToken(), caseworkerToken()}) {
            ApiResponse response = post("/api/cases", token, with("channel", "\"FOLLOW_UP\""), Map.of("Idempotency-Key", "fu-" + System.nanoTime()));
            assertProblem(response, 422, "case.follow-up-not-submittable");
            assertThat(response.json().path("detail").asText()).contains("/api/cases/{caseId}/follow-ups");
        }
    }

    @Test
    void aReceiptInstantOutOfRange_is400() {
        String paper = with("channel", "\"PAPER\"");
        for (String instant : new String[] {"\"1800-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\""}) {
            String body = paper.replace("\"channel\":\"PAPER\"", "\"channel\":\"PAPER\",\"receivedAtStatedBy\":\"clerk\",\"receivedAt\":" + instant);
            assertProblem(post("/api/cases", channelToken(), body, Map.of("Idempotency-Key", "ra-" + System.nanoTime())), 400, null);
        }
    }

    @Test
    void followUps_areForCaseworkers_onKnownCases_withValidBodies() {
        String caseId = submit("PASSPORT", Map.of());
        String body = "{\"reasonCode\":\"client-called-back\"}";
        assertProblem(post("/api/cases/no-such-case/follow-ups", caseworkerToken(), body, Map.of("Idempotency-Key", "k1")), 404, "case.not-found");
        assertProblem(post("/api/cases/" + caseId + "/follow-ups", channelToken(), body, Map.of("Idempotency-Key", "k2")), 403, null);
        assertProblem(post("/api/cases/" + caseId + "/follow-ups", caseworkerToken(), body, Map.of()), 400, null);
        assertProblem(post("/api/cases/" + caseId + "/follow-ups", caseworkerToken(), "{\"reasonCode\":\"Because\\r\\n\"}",
                Map.of("Idempotency-Key", "k3")), 400, "request.validation-failed");
        assertProblem(post("/api/cases/" + caseId + "/follow-ups", caseworkerToken(), "{\"reasonCode\":\"x\",\"serviceType\":\"SPACESHIP\"}",
                Map.of("Idempotency-Key", "k4")), 422, "case.service-type-unknown");
    }

    static Stream<Arguments> badCatalogueBodies() {
        String valid = """
                {"names":{"en":"Bounded","fr":"Borné"},"fee":{"amount":"10.00","currency":"CAD"},"standard":"10 business days",
                 "guaranteed":true,"calendarId":"CA-ON","atRiskShare":0.8}""";
        return Stream.of(
                Arguments.of("fee 1e1000000", valid.replace("\"10.00\"", "1e1000000"), 400),
                Arguments.of("fee 3 decimals", valid.replace("\"10.00\"", "\"10.001\""), 400),
                Arguments.of("share 1e-1000000", valid.replace("0.8}", "1e-1000000}"), 400),
                Arguments.of("share 7 decimals", valid.replace("0.8}", "0.1234567}"), 400),
                Arguments.of("share above 1", valid.replace("0.8}", "1.5}"), 400),
                Arguments.of("a huge duration standard", valid.replace("10 business days", "PT9999999999999H"), 422),
                Arguments.of("999999999 business days", valid.replace("10 business days", "999999999 business days"), 422),
                Arguments.of("a name with CRLF", valid.replace("Bounded", "Bounded\\r\\nX: y"), 400),
                Arguments.of("a name with a bidi override", valid.replace("Bounded", "Bounded\\u202E"), 400),
                Arguments.of("a language tag with junk", valid.replace("\"en\"", "\"en\\n\""), 400),
                Arguments.of("availableFrom in year 10000", valid.replace("\"atRiskShare\"", "\"availableFrom\":\"+10000-01-01T00:00:00Z\",\"atRiskShare\""), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCatalogueBodies")
    void badCatalogueBodies_areProblems(String what, String body, int status) {
        ApiResponse response = send("PUT", "/api/service-types/BOUNDED", TOKENS.token("admin-1", "admin"), body);
        assertProblem(response, status, null);
    }

    @Test
    void badCalendars_areProblems() {
        String admin = TOKENS.token("admin-1", "admin");
        assertProblem(send("PUT", "/api/calendars/BOUNDED", admin, "{\"zone\":\"America/Toronto\",\"holidays\":[\"+10000-01-01\"]}"), 400, null);
        assertProblem(send("PUT", "/api/calendars/BOUNDED", admin, "{\"zone\":\"America/Toronto\",\"holidays\":[\"1800-01-01\"]}"), 400, null);
        assertProblem(send("PUT", "/api/calendars/BOUNDED", admin, "{\"zone\":\"America/Toronto\\r\\nX: y\",\"holidays\":[]}"), 400, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void badSubmission_isAProblem_notA500(String what, String body, int status, String code) {
        ApiResponse response = post("/api/cases", channelToken(), body, Map.of("Idempotency-Key", "bad-" + what.hashCode() + "-" + System.nanoTime()));
        assertProblem(response, status, code);
    }

    @Test
    void submission_withoutIdempotencyKey_is400_namingTheHeader() {
        ApiResponse response = post("/api/cases", channelToken(), VALID, Map.of());
        assertProblem(response, 400, "request.header-missing");
        assertThat(response.json().path("detail").asText()).contains("'Idempotency-Key'");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void validationErrors_giveTheJsonPathOfTheField() {
        ApiResponse response = post("/api/cases", channelToken(), VALID.replace("\"en-CA\"", "\"\""),
                Map.of("Idempotency-Key", "path-" + System.nanoTime()));
        assertProblem(response, 400, "request.validation-failed");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("applicant.language");
    }

    @Test
    void businessRejection_hasAStableType() {
        ApiResponse response = post("/api/cases", channelToken(), VALID.replace("PASSPORT", "SPACESHIP"),
                Map.of("Idempotency-Key", "type-" + System.nanoTime()));
        assertProblem(response, 422, "case.service-type-unknown");
        assertThat(response.json().path("instance").asText()).isEqualTo("/api/cases");
    }

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of(VALID.replace("\"channel\":\"WEB\"", "\"channel\":\"WEB\",\"channel\":\"PHONE\""), "channel"),
                Arguments.of(VALID.replace("\"language\":\"en-CA\"", "\"language\":\"en-CA\",\"language\":\"fr-CA\""),
                        "applicant.language"),
                Arguments.of(VALID.replace("\"currency\":\"CAD\"", "\"currency\":\"CAD\",\"currency\":\"CAD\""),
                        "feePaid.currency"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("duplicateKeys")
    void duplicateKey_isRefused_namingTheField(String body, String field) {
        ApiResponse response = post("/api/cases", channelToken(), body, Map.of("Idempotency-Key", "dup-" + System.nanoTime()));
        assertProblem(response, 400, "request.malformed");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);

        String caseId = submit("PASSPORT", Map.of());
        assertProblem(transition(caseId, "assignment", caseworkerToken(), "{\"assignee\":\"cw-1\",\"assignee\":\"cw-2\"}"),
                400, "request.malformed");
    }

    @Test
    void bodyJustUnder64KB_isNotRefusedForItsSize() {
        // 60 KB of address fits the limit; the bean validation then refuses the too-long field: 400, not 413
        ApiResponse response = post("/api/cases", channelToken(), VALID.replace("ref-1", "r".repeat(60 * 1024)),
                Map.of("Idempotency-Key", "size-" + System.nanoTime()));
        assertProblem(response, 400, "request.validation-failed");
    }

    static Stream<Arguments> badTransitions() {
        return Stream.of(
                Arguments.of("resolution", "{\"outcome\":\"MAYBE\",\"note\":\"x\"}", 400, "request.malformed"),
                Arguments.of("resolution", "{\"outcome\":\"APPROVED\"}", 400, "request.validation-failed"),
                Arguments.of("resolution", "{\"outcome\":42,\"note\":\"x\"}", 400, "request.malformed"),
                Arguments.of("resolution", "{\"outcome\":\"REFUSED\",\"note\":\"x\",\"reasonCode\":\"Fraud\"}", 400,
                        "request.validation-failed"),
                Arguments.of("resolution", "{\"outcome\":\"REFUSED\",\"note\":\"x\",\"reasonCode\":\"fraud\\r\\n\"}", 400,
                        "request.validation-failed"),
                Arguments.of("information-requests", "{\"reasonCode\":\"Missing Photo!\"}", 400, "request.validation-failed"),
                Arguments.of("assignment", "{}", 400, "request.validation-failed"),
                Arguments.of("assignment", "[\"cw-1\"]", 400, "request.malformed"),
                Arguments.of("withdrawal", "{\"reason\":", 400, "request.malformed"),
                Arguments.of("reopening", "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}", 413, "request.too-large"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badTransitions")
    void badTransitionBody_isAProblem_notA500(String action, String body, int status, String code) {
        String caseId = submit("PASSPORT", Map.of());
        assertProblem(transition(caseId, action, caseworkerToken(), body), status, code);
    }

    @Test
    void controlCharacters_inTransitionBodies_are400_butLineBreaksInNotesAreFine() {
        String caseId = submit("PASSPORT", Map.of());
        String cw = caseworkerToken();
        assertProblem(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-1\\r\\nX: y\"}"), 400, "request.validation-failed");
        assertProblem(transition(caseId, "assignment", cw, "{\"assignee\":\"cw\\u202E1\"}"), 400, "request.validation-failed");
        assertThat(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-1\"}").status()).isEqualTo(204);
        assertThat(transition(caseId, "work-started", cw, null).status()).isEqualTo(204);
        assertProblem(transition(caseId, "resolution", cw, "{\"outcome\":\"APPROVED\",\"note\":\"ok\\u0000\"}"), 400, "request.validation-failed");
        assertProblem(transition(caseId, "withdrawal", cw, "{\"reason\":\"x\\u001B[31m\"}"), 400, "request.validation-failed");
        ApiResponse resolved = transition(caseId, "resolution", cw, "{\"outcome\":\"APPROVED\",\"note\":\"first line\\r\\nsecond line\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(204);
        assertProblem(transition(caseId, "reopening", cw, "{\"reason\":\"x\\u2028y\"}"), 400, "request.validation-failed");
    }

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("assignment", "{\"assignee\":\"cw-1\"}"),
                Arguments.of("work-started", null),
                Arguments.of("information-requests", "{\"reasonCode\":\"missing-photo\"}"),
                Arguments.of("information-received", null),
                Arguments.of("resolution", "{\"outcome\":\"APPROVED\",\"note\":\"ok\"}"),
                Arguments.of("withdrawal", "{\"reason\":\"changed my mind\"}"),
                Arguments.of("reopening", "{\"reason\":\"appeal\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void transition_onAnUnknownCase_is404_withTheCodeOfReadingIt(String action, String body) {
        String caseId = "no-such-case-" + UUID.randomUUID();
        ApiResponse command = transition(caseId, action, caseworkerToken(), body);
        ApiResponse read = get("/api/cases/" + caseId, caseworkerToken());

        assertProblem(command, 404, "case.not-found");
        assertProblem(read, 404, "case.not-found");
        assertThat(command.json().path("title").asText()).isEqualTo(read.json().path("title").asText());
    }

    @Test
    void transition_withoutIdempotencyKey_is400_andByAChannel_is403() {
        String caseId = submit("PASSPORT", Map.of());
        assertProblem(post("/api/cases/" + caseId + "/assignment", caseworkerToken(), "{\"assignee\":\"cw-1\"}", Map.of()), 400,
                "request.header-missing");
        assertProblem(transition(caseId, "assignment", channelToken(), "{\"assignee\":\"cw-1\"}"), 403, "auth.forbidden");
    }

    // --- what HTTP client libraries refuse to send: raw sockets

    private RawHttp.Response raw(String requestLine, byte[] body, String... headers) {
        List<String> lines = new ArrayList<>(List.of("Host: localhost", "Authorization: Bearer " + caseworkerToken(),
                "Connection: close", "Idempotency-Key: raw-" + System.nanoTime(), "Content-Type: application/json"));
        lines.addAll(List.of(headers));
        if (body != null) {
            lines.add("Content-Length: " + body.length);
        }
        return RawHttp.to(port).send(RawHttp.head(requestLine, lines.toArray(String[]::new)), body);
    }

    static Stream<Arguments> badPaths() {
        return Stream.of(
                Arguments.of("/api/cases/a%2Fb/assignment"),
                Arguments.of("/api/cases/..%2F..%2Factuator/assignment"),
                Arguments.of("/api/cases/c%00/work-started"),
                Arguments.of("/api/cases/%ZZ/resolution"),
                Arguments.of("/api/cases/c%/withdrawal"),
                Arguments.of("/api/cases/%C3%28/reopening"),
                Arguments.of("/api/cases/c;v=1/assignment"),
                Arguments.of("/api/cases/c/../x/assignment"),
                Arguments.of("/api/cases/%2e%2e/information-requests"),
                Arguments.of("/api/cases//information-received"),
                Arguments.of("/api/cases/c%5Cd/assignment"),
                Arguments.of("/api%2Fcases"),
                Arguments.of("/api/service-types/X%2FY"));
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("badPaths")
    void badPath_onAWriteEndpoint_isA400Problem(String path) {
        String method = path.startsWith("/api/service-types") ? "PUT" : "POST";
        assertProblem(raw(method + " " + path + " HTTP/1.1", "{\"assignee\":\"cw-1\"}".getBytes(StandardCharsets.UTF_8)), 400,
                "request.invalid-path");
    }

    @Test
    void overlongPath_isA414Problem() {
        assertProblem(raw("POST /api/cases/" + "c".repeat(10_000) + "/assignment HTTP/1.1", null), 414, "request.uri-too-long");
    }

    @Test
    void overlongCaseId_withinTheHeaderLimit_isAValidationProblem_namingThePathVariable() {
        RawHttp.Response response = raw("POST /api/cases/" + "c".repeat(2_000) + "/assignment HTTP/1.1",
                "{\"assignee\":\"cw-1\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = assertProblem(response, 400, "request.validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("caseId");
    }

    static Stream<Arguments> oversizedHeaders() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("X-Header-" + i + ": value");
        }
        return Stream.of(
                Arguments.of("a 10 KB Idempotency-Key", List.of("Idempotency-Key: " + "k".repeat(10 * 1024))),
                Arguments.of("a 100 KB header", List.of("X-Filler: " + "f".repeat(100 * 1024))),
                Arguments.of("200 headers", many));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedHeaders")
    void oversizedHeaders_areA431Problem(String what, List<String> headers) {
        for (String target : new String[] {"POST /api/cases", "POST /api/cases/c-1/assignment"}) {
            assertProblem(raw(target + " HTTP/1.1", VALID.getBytes(StandardCharsets.UTF_8), headers.toArray(String[]::new)),
                    431, "request.header-too-large");
        }
    }

    @Test
    void idempotencyKeyOverItsLimit_isAValidationProblem_namingTheHeader() {
        ApiResponse response = post("/api/cases", channelToken(), VALID, Map.of("Idempotency-Key", "k".repeat(129)));
        assertProblem(response, 400, "request.validation-failed");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /api/cases", "POST /api/cases/c-1/work-started", "POST /api/cases/c-1/information-received",
            "POST /api/cases/c-1/assignment", "PUT /api/service-types/X", "PUT /api/calendars/X"})
    void chunkedBodyOverTheLimit_isA413Problem_onEveryWriteEndpoint(String target) {
        // 15 MB in chunks: no Content-Length to refuse it by; the endpoints without a body never read one
        RawHttp.Response response = RawHttp.to(port).sendChunked(RawHttp.head(target + " HTTP/1.1", "Host: localhost",
                "Authorization: Bearer " + caseworkerToken(), "Idempotency-Key: big-" + System.nanoTime(),
                "Content-Type: application/json", "Transfer-Encoding: chunked"), 15L * 1024 * 1024, 16 * 1024, (byte) ' ');
        assertProblem(response, 413, "request.too-large");
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
        ApiResponse open = get("/api/cases?status=SUBMITTED&serviceType=PASSPORT&atRisk=false&breached=false&size=200", caseworkerToken());
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains(caseId);
        ApiResponse breached = get("/api/cases?breached=true&size=200", caseworkerToken());
        assertThat(breached.status()).isEqualTo(200);
        assertThat(breached.body()).doesNotContain(caseId);
        ApiResponse otherChannel = get("/api/cases?size=200", TOKENS.token("partner-x", "channel"));
        assertThat(otherChannel.body()).doesNotContain(caseId);
    }

    @Test
    void openApi_describesTheCaseEndpoints() {
        ApiResponse docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        for (String path : new String[] {"/api/cases", "/api/cases/{caseId}", "/api/cases/{caseId}/history",
                "/api/cases/{caseId}/assignment", "/api/cases/{caseId}/work-started", "/api/cases/{caseId}/information-requests",
                "/api/cases/{caseId}/information-received", "/api/cases/{caseId}/resolution", "/api/cases/{caseId}/withdrawal",
                "/api/cases/{caseId}/reopening"}) {
            assertThat(docs.json().path("paths").has(path)).as(path).isTrue();
        }
        assertThat(docs.json().path("components").path("schemas").has("Case")).isTrue();
    }

    private ApiResponse send(String method, String path, String token, String body) {
        return api.send(method, path, token, body, Map.of());
    }
}
