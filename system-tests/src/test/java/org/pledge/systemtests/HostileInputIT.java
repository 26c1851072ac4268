package org.pledge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.systemtests.HostileRequests.Attack;
import org.pledge.systemtests.HostileRequests.AttackClass;
import org.pledge.systemtests.HostileRequests.Call;
import org.pledge.systemtests.HostileRequests.Paths;
import org.pledge.systemtests.WriteSamples.Sample;
import org.pledge.systemtests.WriteSamples.Target;
import org.pledge.testsupport.await.Eventually;

/**
 * Hostile input at every write operation of every service, the four running as processes from their jars: absurd
 * numbers, oversized (chunked) bodies, control characters and header injection in every text and contact field,
 * duplicate keys, deep nesting, wrong types, unknown enum values, malformed bodies, bad path segments and oversized or
 * bad headers. Every answer must be a 4xx RFC 9457 problem (never a 2xx, 3xx or 5xx, never HTML or a stack trace), and
 * afterwards every service must be healthy and a new case must still reach the others.
 *
 * <p>Coverage is derived: the write operations come from each service's live {@code /v3/api-docs}, and one without an
 * entry in {@link WriteSamples} fails the suite. Controls make the negatives meaningful: each operation's valid sample
 * must succeed on a freshly prepared target first, and the attacks go to another target prepared the same way (a new
 * one after any attack that wrongly succeeded), so a refusal is about the input, not the target's state. Body attacks
 * must be refused as bad requests (400, 413, 415 or 422), never reach the business logic (404, 409); path, header and
 * transport attacks may be any 4xx. Every request and answer goes to {@code target/hostile-input-report.txt}.
 *
 * <p>Reading order: {@link WriteSamples} (the table) and {@link Fixtures} (targets), {@link ApiDocs} (what the services
 * declare), {@link HostileRequests} (the attacks by class) with {@link BodyMutants} (bodies from the sample and its
 * schema), {@link RawHttp} (the wire).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);
    private static final Map<String, Sample> SAMPLES = WriteSamples.samples();
    private static final Map<String, WriteSamples.NotAnApi> NOT_AN_API = WriteSamples.notAnApi();

    private static ServiceProcesses services;
    private static Fixtures fixtures;
    private static List<ApiDocs.Operation> documented;
    private static final Map<String, String> controls = new LinkedHashMap<>();
    private static final Map<String, Target> attackTargets = new LinkedHashMap<>();
    private static final Map<AttackClass, List<String>> failuresByClass = new EnumMap<>(AttackClass.class);
    /** Per operation and class: requests sent, requests failing. */
    private static final Map<String, Map<AttackClass, int[]>> tally = new TreeMap<>();
    private static int requests;
    private static long started;
    private static Path report;

    @BeforeAll
    static void startServices() throws IOException {
        started = System.nanoTime();
        services = ServiceProcesses.shared();
        fixtures = new Fixtures(services);
        // the two claim operations' controls and attack targets: their cases breach while the others are attacked
        try {
            fixtures.startClaimCases(4);
        } catch (IllegalStateException e) {
            // not here: those operations' own preparation fails again, in their tests, instead of every test of the class
            System.out.println("HOSTILE INPUT: claim cases not started ahead: " + e.getMessage());
        }
        report = ServiceProcesses.repositoryRoot().resolve("system-tests/target/hostile-input-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# every hostile request and its answer: operation | class | input | status | verdict | body\n");
    }

    @AfterAll
    static void summarise() {
        if (report == null) {
            return; // the services did not start: nothing was sent
        }
        StringBuilder summary = new StringBuilder("\n# summary: ").append(tally.size()).append(" operations, ")
                .append(requests).append(" requests in ").append(Duration.ofNanos(System.nanoTime() - started).toSeconds())
                .append(" s (with the services' start if this class started them)\n# requests (failing) per operation and class\n");
        tally.forEach((operation, byClass) -> {
            summary.append(operation).append(':');
            byClass.forEach((attackClass, counts) -> summary.append(' ').append(attackClass.name().toLowerCase(Locale.ROOT))
                    .append('=').append(counts[0]).append(counts[1] > 0 ? " (" + counts[1] + ")" : ""));
            summary.append('\n');
        });
        failuresByClass.forEach((attackClass, failures) -> {
            summary.append("## ").append(attackClass).append(": ").append(failures.size()).append(" failing\n");
            failures.forEach(f -> summary.append("  ").append(f).append('\n'));
        });
        System.out.println(summary);
        append(summary.toString());
    }

    /** The write operations of every service's live API docs (argument sources run after {@code @BeforeAll}). */
    static synchronized List<ApiDocs.Operation> documented() {
        if (documented == null) {
            List<ApiDocs.Operation> operations = new ArrayList<>();
            for (String service : ServiceProcesses.SERVICES) {
                operations.addAll(ApiDocs.read(service, services.uri(service, "/v3/api-docs")).writeOperations());
            }
            documented = List.copyOf(operations);
        }
        return documented;
    }

    static Stream<Arguments> sampledOperations() {
        return documented().stream().filter(op -> SAMPLES.containsKey(op.key())).map(op -> Arguments.of(Named.of(op.key(), op)));
    }

    static Stream<Arguments> attacks() {
        List<Arguments> arguments = new ArrayList<>();
        for (ApiDocs.Operation op : documented()) {
            Sample sample = SAMPLES.get(op.key());
            if (sample == null) {
                continue;
            }
            for (AttackClass attackClass : AttackClass.values()) {
                if (HostileRequests.applies(attackClass, op, sample, fixtures)) {
                    arguments.add(Arguments.of(Named.of(op.key(), op), attackClass));
                }
            }
        }
        return arguments.stream();
    }

    /** The paths that are no API: not in the docs (that is checked), but reachable, so attacked directly. */
    static Stream<Arguments> notAnApiOperations() {
        return NOT_AN_API.values().stream().map(n -> new ApiDocs.Operation(n.service(), n.method(), n.path(), List.of(),
                com.fasterxml.jackson.databind.node.MissingNode.getInstance(), null)).map(op -> Arguments.of(Named.of(op.key(), op)));
    }

    @Test
    @Order(1)
    void everyWriteOperationInTheApiDocs_hasAValidSample_withEveryFieldOfItsBody() {
        List<String> problems = new ArrayList<>();
        Set<String> documentedKeys = documented().stream().map(ApiDocs.Operation::key).collect(Collectors.toSet());
        for (ApiDocs.Operation op : documented()) {
            Sample sample = SAMPLES.get(op.key());
            if (NOT_AN_API.containsKey(op.key())) {
                problems.add(op.key() + ": no API (" + NOT_AN_API.get(op.key()).why() + "), but the docs declare it: hide it");
                continue;
            }
            if (sample == null && WriteSamples.attackedElsewhere().containsKey(op.key())) {
                continue; // not JSON: attacked by the service's own tests (WriteSamples.attackedElsewhere says where)
            }
            if (sample == null) {
                problems.add(op.key() + ": no sample; add a sample to WriteSamples");
                continue;
            }
            if (op.hasBody() != (sample.body() != null)) {
                problems.add(op.key() + ": the docs say " + (op.hasBody() ? "it takes a body" : "it takes no body")
                        + ", the sample " + (sample.body() != null ? "has one" : "has none"));
            }
            if (op.hasBody() && sample.body() != null) {
                BodyMutants body = new BodyMutants(sample.body().apply(fixtures), op.bodySchema(), op.docs());
                body.unsampled().forEach(f -> problems.add(op.key() + ": the sample lacks the field " + f + " (it would not be attacked); add it"));
                body.undeclared().forEach(f -> problems.add(op.key() + ": the sample has the field " + f + ", which the schema does not declare"));
            }
            for (ApiDocs.Parameter query : op.in("query")) {
                if (!sample.query().containsKey(query.name())) {
                    problems.add(op.key() + ": the sample lacks the query parameter " + query.name() + "; add it");
                }
            }
        }
        SAMPLES.keySet().stream().filter(k -> !documentedKeys.contains(k))
                .forEach(k -> problems.add(k + ": a sample for an operation the docs do not declare"));
        assertThat(problems).as("write operations in the API docs against the samples").isEmpty();
        assertThat(documentedKeys).as("the docs declare write operations").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampledOperations")
    @Order(2)
    void validSample_succeeds_onAFreshlyPreparedTarget(ApiDocs.Operation op) {
        String failure = control(op);
        assertThat(failure).as(op.key()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    @Order(3)
    void hostileInput_isAlwaysA4xxProblem(ApiDocs.Operation op, AttackClass attackClass) {
        String control = control(op);
        if (control != null) {
            throw new AssertionError(op.key() + ": its valid sample failed, so a refusal would prove nothing: " + control);
        }
        Sample sample = SAMPLES.get(op.key());
        List<String> failures = new ArrayList<>();
        List<Attack> attacks = HostileRequests.of(attackClass, op, sample, fixtures);
        for (Attack attack : attacks) {
            Target target = attackTarget(op, sample);
            Paths paths = new Paths(op.path(), target.variables());
            Call call = attack.change().apply(validCall(op, sample, target), paths);
            RawHttp.Answer answer = exchange(op.service(), call);
            if (answer.status() >= 200 && answer.status() < 300) {
                attackTargets.remove(op.key()); // it may have changed the target: the next attack gets a new one
            }
            List<String> violations = ProblemAnswers.violations(answer, attack.allowed(), attack.field());
            record(op.key(), attackClass, attack.input(), answer, violations);
            if (!violations.isEmpty()) {
                failures.add(attack.input() + " -> " + String.join("; ", violations) + " | " + ProblemAnswers.excerpt(answer.body()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(op.key() + ", " + attackClass + ": " + failures.size() + " of " + attacks.size()
                    + " hostile requests not answered with a 4xx problem:\n  " + String.join("\n  ", failures));
        }
    }

    /** Paths that are no API ({@code /error}, hidden from the docs): a direct request is a 4xx problem too, with or without a token. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notAnApiOperations")
    @Order(4)
    void aPathThatIsNoApi_answersDirectRequestsWithA4xxProblem(ApiDocs.Operation op) {
        List<String> failures = new ArrayList<>();
        List<Map.Entry<String, Call>> calls = new ArrayList<>();
        List<RawHttp.Header> base = List.of(new RawHttp.Header("Host", "localhost"), new RawHttp.Header("Accept", "*/*"),
                new RawHttp.Header("Connection", "close"));
        Call anonymous = new Call(op.method(), op.path(), "", base, new RawHttp.NoBody());
        calls.add(Map.entry("without a token", anonymous));
        calls.add(Map.entry("with an operations token", anonymous.plusHeaders(List.of(
                new RawHttp.Header("Authorization", "Bearer " + fixtures.token("operations"))))));
        calls.add(Map.entry("with a JSON body", anonymous.withHeader("Content-Type", BodyMutants.JSON_TYPE)
                .withBody(new RawHttp.SizedBody("{\"status\":200}".getBytes(StandardCharsets.UTF_8)))));
        calls.add(Map.entry("with a query naming an error", anonymous.withQuery("jakarta.servlet.error.status_code=200")));
        for (Map.Entry<String, Call> call : calls) {
            RawHttp.Answer answer = exchange(op.service(), call.getValue());
            List<String> violations = ProblemAnswers.violations(answer, null, null);
            record(op.key(), AttackClass.DIRECT_REQUEST, call.getKey(), answer, violations);
            if (!violations.isEmpty()) {
                failures.add(call.getKey() + " -> " + String.join("; ", violations) + " | " + ProblemAnswers.excerpt(answer.body()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(op.key() + " (" + NOT_AN_API.get(op.key()).why() + "): " + failures.size() + " of " + calls.size()
                    + " direct requests not answered with a 4xx problem:\n  " + String.join("\n  ", failures));
        }
    }

    @Test
    @Order(5)
    void afterwards_everyServiceIsHealthy_andANewCaseStillReachesTheOtherServices() {
        for (String service : ServiceProcesses.SERVICES) {
            Api.Response health = Api.get(services.uri(service, "/actuator/health"), null);
            assertThat(health.status()).as(service + " health: " + health.body()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).as(service + " health").isEqualTo("UP");
        }
        // a service type of its own, so that feedback-service's count by service type shows this very case
        String code = fixtures.unique("PROBE").toUpperCase(Locale.ROOT);
        Api.Response defined = Api.put(services.uri("case-service", "/api/service-types/" + code), fixtures.token("admin"), """
                {"names":{"en":"Delivery probe","fr":"Sonde de livraison"},"fee":{"amount":"10.00","currency":"CAD"},
                 "standard":"10 business days","guaranteed":true,"calendarId":"CA-ON"}""");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        String caseId = fixtures.submit(fixtures.webSubmission(code, "10.00"));

        Map<String, Boolean> reached = new TreeMap<>(Map.of("notification-service", false, "guarantee-service", false, "feedback-service", false));
        try {
            Eventually.await("case " + caseId + " at every service", DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> reachedEveryService(caseId, code, reached));
        } catch (ConditionTimeoutException e) {
            // the assertion below says which service the case did not reach
        }
        assertThat(reached).as("case " + caseId + " (service type " + code + ") reached each service within " + DELIVERY_TIMEOUT
               ).doesNotContainValue(false);
    }

    /** Checks the services {@code reached} does not yet mark as reached; whether the case has reached all three. */
    private boolean reachedEveryService(String caseId, String code, Map<String, Boolean> reached) {
        if (!reached.get("notification-service")) {
            Api.Response notifications = Api.get(services.uri("notification-service", "/api/notifications?caseId=" + caseId),
                    fixtures.token("auditor"));
            reached.put("notification-service", notifications.status() == 200 && notifications.json().size() > 0);
        }
        if (!reached.get("guarantee-service")) {
            // the case's claim: a name-based UUID of the case id (guarantee-service's GuaranteeClaimIds.forCase)
            String claimId = java.util.UUID.nameUUIDFromBytes(("pledge:guarantee:claim:" + caseId)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            Api.Response claim = Api.get(services.uri("guarantee-service", "/api/claims/" + claimId), fixtures.token("finance"));
            reached.put("guarantee-service", claim.status() == 200 && claim.body().contains("\"" + caseId + "\""));
        }
        if (!reached.get("feedback-service")) {
            Api.Response summary = Api.get(services.uri("feedback-service", "/api/feedback/summary"), fixtures.token("operations"));
            reached.put("feedback-service", summary.status() == 200 && summary.json().path("casesByServiceType").path(code).asLong() == 1);
        }
        return !reached.containsValue(false);
    }

    // --- controls and targets

    /** Runs the operation's control once: its valid sample on a freshly prepared target. Null when it succeeded. */
    private static String control(ApiDocs.Operation op) {
        synchronized (controls) {
            if (!controls.containsKey(op.key())) {
                Sample sample = SAMPLES.get(op.key());
                Target target = sample.prepare().apply(fixtures);
                RawHttp.Answer answer = exchange(op.service(), validCall(op, sample, target));
                String failure = answer.status() >= 200 && answer.status() < 300 ? null
                        : "the valid sample got " + answer.status() + " " + (answer.failure() == null ? "" : answer.failure() + " ")
                                + ProblemAnswers.excerpt(answer.body());
                record(op.key(), null, "the valid sample (control)", answer, failure == null ? List.of() : List.of(failure));
                controls.put(op.key(), failure);
            }
            return controls.get(op.key());
        }
    }

    private static Target attackTarget(ApiDocs.Operation op, Sample sample) {
        return attackTargets.computeIfAbsent(op.key(), k -> sample.prepare().apply(fixtures));
    }

    /** The operation's valid request for {@code target}: its role's token, a new Idempotency-Key, its query and body. */
    private static Call validCall(ApiDocs.Operation op, Sample sample, Target target) {
        List<RawHttp.Header> headers = new ArrayList<>(List.of(
                new RawHttp.Header("Host", "localhost"),
                new RawHttp.Header("Authorization", "Bearer " + fixtures.token(sample.role())),
                new RawHttp.Header("Accept", "*/*"),
                new RawHttp.Header("Connection", "close")));
        for (ApiDocs.Parameter header : op.in("header")) {
            headers.add(new RawHttp.Header(header.name(), fixtures.unique("hostile-key")));
        }
        RawHttp.Body body = new RawHttp.NoBody();
        if (sample.body() != null) {
            headers.add(new RawHttp.Header("Content-Type", BodyMutants.JSON_TYPE));
            body = new RawHttp.SizedBody(sample.body().apply(fixtures).getBytes(StandardCharsets.UTF_8));
        }
        return new Call(op.method(), new Paths(op.path(), target.variables()).valid(), HostileRequests.query(sample.query()), headers, body);
    }

    private static RawHttp.Answer exchange(String service, Call call) {
        synchronized (HostileInputIT.class) {
            requests++;
        }
        return RawHttp.exchange(services.uri(service, "/").getPort(), call.request(), ANSWER_TIMEOUT);
    }

    // --- the report

    private static void record(String operation, AttackClass attackClass, String input, RawHttp.Answer answer, List<String> violations) {
        String verdict = violations.isEmpty() ? "ok" : "FAIL " + String.join("; ", violations);
        append(operation + " | " + (attackClass == null ? "control" : attackClass.name()) + " | " + input + " | " + answer.status()
                + " | " + verdict + " | " + ProblemAnswers.excerpt(answer.body()) + "\n");
        if (attackClass != null) {
            synchronized (tally) {
                int[] counts = tally.computeIfAbsent(operation, o -> new EnumMap<>(AttackClass.class)).computeIfAbsent(attackClass, c -> new int[2]);
                counts[0]++;
                counts[1] += violations.isEmpty() ? 0 : 1;
            }
        }
        if (!violations.isEmpty() && attackClass != null) {
            synchronized (failuresByClass) {
                failuresByClass.computeIfAbsent(attackClass, c -> new ArrayList<>())
                        .add(operation + " | " + input + " -> " + String.join("; ", violations) + " | " + ProblemAnswers.excerpt(answer.body()));
            }
        }
    }

    private static synchronized void append(String line) {
        try {
            Files.writeString(report, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
