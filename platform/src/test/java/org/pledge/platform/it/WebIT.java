package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledge.testsupport.http.RawHttp;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform's web layer over real HTTP. Every error is an RFC 9457 problem, whoever answers it: a controller,
 * Spring MVC, Spring Security's firewall, the error dispatch or Tomcat itself (raw sockets send what HTTP client
 * libraries refuse to: encoded slashes, NULs, bad percent-encoding, huge or many headers, odd transfer codings, chunked
 * bodies of any size).
 */
@PlatformIT
class WebIT {

    /** {@code pledge.web.max-request-size}: the platform default in this test app. */
    private static final int LIMIT = 1024 * 1024;
    private static final String VALID_THING = """
            {"title":"t","colour":"RED","address":{"postcode":"A1","language":"en-CA"},
             "lines":[{"name":"a","quantity":1}],"amount":12.50,"count":3}""";

    private static final TestTokens TOKENS = TestTokens.get();

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestTokens tokens = TOKENS;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventStore eventStore;

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private static String auth() {
        return "Authorization: Bearer " + TOKENS.token("cathy", "caseworker");
    }

    private RawHttp raw() {
        return RawHttp.to(port);
    }

    /** A request head with Host, a caseworker's token and Connection: close, then the given header lines. */
    private static String head(String requestLine, String... headers) {
        List<String> lines = new ArrayList<>(List.of("Host: localhost", auth(), "Connection: close"));
        lines.addAll(List.of(headers));
        return RawHttp.head(requestLine, lines.toArray(String[]::new));
    }

    private RawHttp.Response postJson(String path, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of("Content-Type: application/json", "Content-Length: " + bytes.length));
        lines.addAll(List.of(headers));
        return raw().send(head("POST " + path + " HTTP/1.1", lines.toArray(String[]::new)), bytes);
    }

    /** A problem: the status, {@code application/problem+json}, type {@code urn:pledge:problem:<code>}, no HTML. */
    private JsonNode assertProblem(RawHttp.Response response, int status, String code) throws Exception {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.header("X-Correlation-Id")).as(response.toString()).isNotBlank();
        String body = response.text();
        assertThat(body).doesNotContainIgnoringCase("<html").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("at java.").doesNotContain("org.springframework").doesNotContain("org.apache");
        JsonNode problem = objectMapper.readTree(body);
        assertThat(problem.path("type").asText()).isEqualTo("urn:pledge:problem:" + code);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    @Test
    void command_fromARequest_carriesActorClientAndCorrelationId_intoTheEventMetadata() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        HttpResponse<String> response = http.send(request("/test/cases/" + caseId, tokens.token("cathy", "caseworker"))
                        .header("X-Correlation-Id", "corr-" + caseId)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        DomainEventMessage<?> event = eventStore.readEvents(caseId).next();
        assertThat(event.getMetaData()).containsEntry("actor", "cathy")
                .containsEntry("actorRoles", "caseworker")
                .containsEntry("client", "cathy") // the token's azp
                .containsEntry("correlationId", "corr-" + caseId);
    }

    @Test
    void tooLargeBody_is413Problem() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        HttpResponse<String> response = http.send(request("/test/cases/x", tokens.token("cathy", "caseworker"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("request.too-large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
    }

    @Test
    void unknownDeadLetterTopic_is404Problem() throws Exception {
        HttpResponse<String> response = http.send(request("/ops/dead-letters/pledge.nope.v1", tokens.token("ada", "admin"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(objectMapper.readTree(response.body()).get("code").asText()).isEqualTo("dead-letters.unknown-topic");
    }

    @Test
    void requestRejectedBeforeAnyController_isStillAProblem() throws Exception {
        // Spring Security's firewall rejects a path parameter
        HttpResponse<String> response = http.send(request("/test/ping;x=1", tokens.token("ada", "admin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("request.invalid-path");
        assertThat(problem.get("detail").asText()).contains("semicolon");
        assertThat(problem.get("instance").asText()).isEqualTo("/test/ping;x=1");
    }

    // --- request bodies are held to the limit on the stream, whatever the endpoint does with them

    static Stream<Arguments> oversizedChunkedBodies() {
        return Stream.of(
                // a transition without a body: it never reads one, yet may not be sent an unlimited one
                Arguments.of("POST /test/cases/x/touch", LIMIT + 1L, false),
                Arguments.of("POST /test/cases/x/touch", 15L * 1024 * 1024, false),
                Arguments.of("POST /test/cases/x/touch", 15L * 1024 * 1024, true),
                Arguments.of("POST /test/things", 2L * 1024 * 1024, false),
                Arguments.of("POST /test/things", 10L * 1024 * 1024, true),
                Arguments.of("GET /test/ping", 3L * 1024 * 1024, false));
    }

    @ParameterizedTest(name = "{0}, {1} bytes chunked, write first: {2}")
    @MethodSource("oversizedChunkedBodies")
    void chunkedBody_overTheLimit_is413_evenWhereTheBodyIsNeverRead(String target, long size, boolean writeFirst)
            throws Exception {
        RawHttp client = writeFirst ? raw().writeFirst() : raw();
        RawHttp.Response response = client.sendChunked(head(target + " HTTP/1.1", "Idempotency-Key: k-1",
                "Content-Type: application/json", "Transfer-Encoding: chunked"), size, 8192, (byte) ' ');

        JsonNode problem = assertProblem(response, 413, "request.too-large");
        assertThat(problem.path("detail").asText()).contains(String.valueOf(LIMIT));
        assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void contentLength_overTheLimit_is413_whereTheBodyIsNeverRead() throws Exception {
        RawHttp.Response response = raw().writeFirst().send(head("POST /test/cases/x/touch HTTP/1.1",
                "Idempotency-Key: k-1", "Content-Length: " + (LIMIT + 1)), new byte[LIMIT + 1]);

        assertProblem(response, 413, "request.too-large");
    }

    @Test
    void chunkedBody_withinTheLimit_isReadAsBefore() throws Exception {
        // padded with whitespace: one string that long would break the JSON string-length limit (pledge.json.*)
        String padded = VALID_THING + " ".repeat(LIMIT - VALID_THING.length() - 10);
        RawHttp.Response response = raw().sendChunked(head("POST /test/things HTTP/1.1", "Idempotency-Key: k-1",
                "Content-Type: application/json", "Transfer-Encoding: chunked"), padded.getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(objectMapper.readTree(response.text()).path("lines").asInt()).isEqualTo(1);
        // and a body-less transition still answers with a small chunked body
        assertThat(raw().sendChunked(head("POST /test/cases/x/touch HTTP/1.1", "Idempotency-Key: k-1",
                "Transfer-Encoding: chunked"), 100, 10, (byte) 'x').status()).isEqualTo(204);
    }

    @Test
    void malformedChunkedEncoding_isA400Problem() throws Exception {
        RawHttp.Response response = raw().send(head("POST /test/things HTTP/1.1", "Idempotency-Key: k-1",
                "Content-Type: application/json", "Transfer-Encoding: chunked"),
                "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertProblem(response, 400, "request.malformed");
    }

    // --- paths Tomcat or the firewall refuse

    static Stream<Arguments> badPaths() {
        return Stream.of(
                Arguments.of("GET", "/test/%2Fping", "encoded slash"),
                Arguments.of("POST", "/test/cases/a%2Fb/touch", "encoded slash"),
                Arguments.of("POST", "/test/cases/..%2F..%2Fping/touch", "encoded slash"),
                Arguments.of("GET", "/test/ping%00", "control character"),
                Arguments.of("POST", "/test/cases/%00/touch", "control character"),
                Arguments.of("GET", "/test/%ZZ", "percent-encoding"),
                Arguments.of("POST", "/test/cases/%ZZ/touch", "percent-encoding"),
                Arguments.of("POST", "/test/cases/x%/touch", "percent-encoding"),
                Arguments.of("POST", "/test/cases/%C3%28/touch", "UTF-8"),
                Arguments.of("POST", "/test/cases/x%5Cy/touch", "backslash"),
                Arguments.of("POST", "/test/cases/x;y=1/touch", "semicolon"),
                Arguments.of("POST", "/test/cases/x;/touch", "semicolon"),
                Arguments.of("POST", "/test/cases/x/../y/touch", "dot segment"),
                Arguments.of("POST", "/test/cases/./x/touch", "dot segment"),
                Arguments.of("POST", "/test/cases/%2e%2e/touch", "encoded dot"),
                Arguments.of("POST", "/test/cases//x/touch", "empty segment"),
                Arguments.of("POST", "/test/cases/%252F/touch", "encoded percent"),
                Arguments.of("POST", "/test/cases/x\\y/touch", "not allowed"),
                Arguments.of("POST", "/test/cases/x#y/touch", "not allowed"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badPaths")
    void badPath_isA400Problem_namingWhatIsWrong(String method, String path, String named) throws Exception {
        RawHttp.Response response = raw().send(head(method + " " + path + " HTTP/1.1", "Idempotency-Key: k-1",
                "Content-Length: 0"));

        JsonNode problem = assertProblem(response, 400, "request.invalid-path");
        assertThat(problem.path("detail").asText()).contains(named);
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {9_000, 20_000, 70_000})
    void overlongPath_isA414Problem(int length) throws Exception {
        RawHttp.Response response = raw().send(head("POST /test/cases/" + "a".repeat(length) + "/touch HTTP/1.1"));

        assertProblem(response, 414, "request.uri-too-long");
    }

    @Test
    void longPathWithinTheHeaderLimit_isAnsweredByTheApplication() throws Exception {
        // a path variable over the endpoint's @Size: a validation problem naming the path variable
        RawHttp.Response response = raw().send(head("POST /test/cases/" + "a".repeat(2000) + "/touch HTTP/1.1",
                "Idempotency-Key: k-1", "Content-Length: 0"));

        JsonNode problem = assertProblem(response, 400, "request.validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("id");
    }

    // --- headers

    static Stream<Arguments> oversizedHeaders() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add("X-Many-" + i + ": v");
        }
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add("X-" + i + ": v");
        }
        return Stream.of(
                Arguments.of("a 10 KB Idempotency-Key", List.of("Idempotency-Key: " + "k".repeat(10 * 1024))),
                Arguments.of("a 64 KB header", List.of("X-Filler: " + "f".repeat(64 * 1024))),
                Arguments.of("a 10 KB Cookie", List.of("X-Other: 1", "Cookie: " + "c".repeat(10 * 1024))),
                Arguments.of("150 headers", many),
                Arguments.of("1000 headers", thousand));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedHeaders")
    void oversizedHeaders_areA431Problem(String what, List<String> headers) throws Exception {
        RawHttp.Response response = raw().send(head("POST /test/cases/x/touch HTTP/1.1", headers.toArray(String[]::new)));

        assertProblem(response, 431, "request.header-too-large");
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("a control character", "Idempotency-Key: a\u0001b"),
                Arguments.of("a C1 control character", "Idempotency-Key: a\u0085b"),
                Arguments.of("a name that is not a token", "Idem(potency: k"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void malformedHeader_isA400Problem(String what, String header) throws Exception {
        RawHttp.Response response = raw().send(head("POST /test/cases/x/touch HTTP/1.1", header, "Content-Length: 0"));

        assertProblem(response, 400, "request.invalid-header");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /test/cases/x/touch", "POST /test/things"})
    void missingIdempotencyKey_isA400Problem_namingTheHeader(String target) throws Exception {
        RawHttp.Response response = raw().send(head(target + " HTTP/1.1", "Content-Type: application/json",
                "Content-Length: " + VALID_THING.length()), VALID_THING.getBytes(StandardCharsets.UTF_8));

        JsonNode problem = assertProblem(response, 400, "request.header-missing");
        assertThat(problem.path("detail").asText()).contains("'Idempotency-Key'");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void headerConstraint_isReportedUnderTheHeaderName() throws Exception {
        RawHttp.Response response = postJson("/test/things", VALID_THING, "Idempotency-Key: " + "k".repeat(17));

        JsonNode problem = assertProblem(response, 400, "request.validation-failed");
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void queryParameters_missingOrInvalid_areNamedAsSent() throws Exception {
        JsonNode missing = assertProblem(raw().send(head("GET /test/things?colour=RED HTTP/1.1")), 400,
                "request.parameter-missing");
        assertThat(missing.path("errors").get(0).path("field").asText()).isEqualTo("page-size");
        JsonNode tooBig = assertProblem(raw().send(head("GET /test/things?page-size=51&colour=RED HTTP/1.1")), 400,
                "request.validation-failed");
        assertThat(tooBig.path("errors").get(0).path("field").asText()).isEqualTo("page-size");
        JsonNode unknownEnum = assertProblem(raw().send(head("GET /test/things?page-size=5&colour=BLUE HTTP/1.1")), 400,
                "request.invalid-parameter");
        assertThat(unknownEnum.path("detail").asText()).contains("[RED, GREEN]");
    }

    // --- bodies

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of(VALID_THING.replace("\"title\":\"t\"", "\"title\":\"t\",\"title\":\"u\""), "title"),
                Arguments.of(VALID_THING.replace("\"postcode\":\"A1\"", "\"postcode\":\"A1\",\"postcode\":\"B2\""),
                        "address.postcode"),
                Arguments.of(VALID_THING.replace("\"quantity\":1", "\"quantity\":1,\"quantity\":2"), "lines[0].quantity"),
                Arguments.of(VALID_THING.replace("{\"title\"", "{\"extra\":{\"a\":1,\"a\":2},\"title\""), "extra.a"),
                Arguments.of(VALID_THING.replace("\"count\":3", "\"count\":3,\"count\":3"), "count"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("duplicateKeys")
    void duplicateKey_isRejected_namingTheField(String body, String field) throws Exception {
        JsonNode problem = assertProblem(postJson("/test/things", body, "Idempotency-Key: k-1"), 400,
                "request.malformed");

        assertThat(problem.path("detail").asText()).contains("Duplicate field '" + field + "'");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("nested too deeply", VALID_THING.replace("{\"title\"",
                        "{\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"title\""), null, "nested too deeply"),
                Arguments.of("a number of 5000 digits", VALID_THING.replace("12.50", "1" + "0".repeat(5000)), null,
                        "too many digits"),
                Arguments.of("wrong type: string for integer", VALID_THING.replace("\"count\":3", "\"count\":\"three\""),
                        "count", "an integer"),
                Arguments.of("wrong type: object for string", VALID_THING.replace("\"t\"", "{}"), "title", "a string"),
                Arguments.of("wrong type: in a list", VALID_THING.replace("\"quantity\":1", "\"quantity\":[1]"),
                        "lines[0].quantity", "an integer"),
                Arguments.of("unknown enum value", VALID_THING.replace("\"RED\"", "\"BLUE\""), "colour", "[RED, GREEN]"),
                Arguments.of("an array for the body", "[" + VALID_THING + "]", null, "expected an object"),
                Arguments.of("not JSON", "title=t", null, "not valid JSON"),
                Arguments.of("cut short", VALID_THING.substring(0, 40), null, "not valid JSON"),
                Arguments.of("something after the JSON", VALID_THING + " {}", null, "more after its JSON value"),
                Arguments.of("empty", "", null, "missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBody_isA400Problem_sayingWhatIsWrong(String what, String body, String field, String detail)
            throws Exception {
        JsonNode problem = assertProblem(postJson("/test/things", body, "Idempotency-Key: k-1"), 400,
                "request.malformed");

        assertThat(problem.path("detail").asText()).contains(detail);
        if (field != null) {
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void validationErrors_giveTheJsonPathOfEachField() throws Exception {
        String body = VALID_THING.replace("\"en-CA\"", "\"english\"").replace("\"name\":\"a\"", "\"name\":\"\"")
                .replace("\"quantity\":1", "\"quantity\":0").replace("\"t\"", "\" \"");

        JsonNode problem = assertProblem(postJson("/test/things", body, "Idempotency-Key: k-1"), 400,
                "request.validation-failed");

        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("address.language", "lines[0].name", "lines[0].quantity", "title");
        problem.path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
        assertThat(problem.path("detail").asText()).contains("address.language");
    }

    // --- methods, media types, transfer codings

    static Stream<Arguments> otherErrors() {
        return Stream.of(
                Arguments.of("TRACE", head("TRACE /test/ping HTTP/1.1"), 405, "request.method-not-allowed"),
                Arguments.of("an unknown method", head("FOO /test/ping HTTP/1.1"), 501, "request.not-implemented"),
                Arguments.of("a method the endpoint lacks", head("DELETE /test/ping HTTP/1.1"), 405,
                        "request.method-not-allowed"),
                Arguments.of("a gzip Transfer-Encoding", head("POST /test/cases/x/touch HTTP/1.1", "Idempotency-Key: k",
                        "Transfer-Encoding: gzip"), 501, "request.not-implemented"),
                Arguments.of("an unknown Transfer-Encoding", head("POST /test/cases/x/touch HTTP/1.1",
                        "Idempotency-Key: k", "Transfer-Encoding: foo, chunked"), 501, "request.not-implemented"),
                Arguments.of("a non-numeric Content-Length", head("POST /test/cases/x/touch HTTP/1.1",
                        "Idempotency-Key: k", "Content-Length: ten"), 400, "request.invalid"),
                Arguments.of("two Content-Lengths", head("POST /test/cases/x/touch HTTP/1.1",
                        "Idempotency-Key: k", "Content-Length: 1", "Content-Length: 2"), 400, "request.invalid"),
                Arguments.of("no Host", RawHttp.head("GET /test/ping HTTP/1.1", "Connection: close"), 400,
                        "request.invalid"),
                Arguments.of("HTTP/9.9", head("GET /test/ping HTTP/9.9"), 505, "request.http-version-not-supported"),
                Arguments.of("a path nothing is at", head("GET /test/nothing-here HTTP/1.1"), 404, "resource.not-found"),
                Arguments.of("an HTML client", head("GET /test/nothing-here HTTP/1.1", "Accept: text/html"), 404,
                        "resource.not-found"),
                Arguments.of("/error itself", RawHttp.head("GET /error HTTP/1.1", "Host: localhost",
                        "Connection: close"), 404, "resource.not-found"),
                Arguments.of("a Basic Authorization", RawHttp.head("GET /test/ping HTTP/1.1", "Host: localhost",
                        "Authorization: Basic Zm9vOmJhcg==", "Connection: close"), 401, "auth.unauthenticated"),
                Arguments.of("a Bearer without a token", RawHttp.head("GET /test/ping HTTP/1.1", "Host: localhost",
                        "Authorization: Bearer", "Connection: close"), 401, "auth.unauthenticated"),
                Arguments.of("a malformed Bearer token", RawHttp.head("GET /test/ping HTTP/1.1", "Host: localhost",
                        "Authorization: Bearer a b c", "Connection: close"), 401, "auth.unauthenticated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherErrors")
    void everyOtherError_isAProblem(String what, String head, int status, String code) throws Exception {
        assertProblem(raw().send(head), status, code);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Content-Type: text/plain", "Content-Type: application/json;charset=nope",
            "Content-Type: ;;;", "Content-Type: application/x-www-form-urlencoded", "X-No-Content-Type: 1"})
    void aBodyOfAnotherMediaType_is415Problem(String contentType) throws Exception {
        byte[] body = VALID_THING.replace("\n", "").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = raw().send(head("POST /test/things HTTP/1.1", "Idempotency-Key: k", contentType,
                "Content-Length: " + body.length), body);

        JsonNode problem = assertProblem(response, 415, "request.unsupported-media-type");
        assertThat(problem.path("detail").asText()).contains("application/json");
    }

    @Test
    void aValidBody_whenTheClientAcceptsNoJson_is406Problem() throws Exception {
        RawHttp.Response response = postJson("/test/things", VALID_THING, "Idempotency-Key: k-1",
                "Accept: application/xml");

        assertProblem(response, 406, "request.not-acceptable");
    }

    @Test
    void headAndOptions_answerWithoutABody() throws Exception {
        RawHttp.Response head = raw().send(head("HEAD /test/nothing-here HTTP/1.1"));
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.header("Content-Type")).startsWith("application/problem+json");
        RawHttp.Response options = raw().send(head("OPTIONS /test/ping HTTP/1.1"));
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("GET");
    }

    @Test
    void aProblemAControllerMadeByHand_isCompleted() throws Exception {
        JsonNode problem = assertProblem(raw().send(head("GET /test/problem HTTP/1.1")), 409, "resource.conflict");

        assertThat(problem.path("detail").asText()).isEqualTo("Made by hand.");
        assertThat(problem.path("instance").asText()).isEqualTo("/test/problem");
    }
}
