package org.pledge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.RefundIds;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents;
import org.pledge.testsupport.payments.FakeRefundProvider;
import org.pledge.testsupport.payments.FakeRefundProvider.Behaviour;
import org.pledge.testsupport.security.TestTokens;

/**
 * guarantee-service, a real process from its exec jar, is killed ({@code kill -9}: {@link Process#destroyForcibly})
 * while its refund call is in flight (the provider, WireMock with its own idempotency ledger, has paid and holds the
 * answer back), and started again on the same database. The restarted service looks the refund up by its key before
 * anything else, finds it paid, and the claim ends PAID: the provider made exactly one payment and got one POST.
 */
class PayoutCrashIT {

    private static final Duration STARTS = Duration.ofSeconds(300);
    private static final Duration FLOWS = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private FakeRefundProvider provider;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void killedDuringTheCall_andRestarted_paysOnce_andTheClaimEndsPaid() throws Exception {
        PledgeInfrastructure.get();
        provider = new FakeRefundProvider();
        provider.slowAnswer(Duration.ofSeconds(90)); // paid at once, answered long after the kill
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String database = "st-" + runId + "-payout-crash";
        String caseId = UUID.randomUUID().toString();
        String claimId = GuaranteeClaimIds.forCase(caseId);
        String refundId = RefundIds.of(claimId, 1);
        provider.script(refundId, Behaviour.PAY_THEN_TIME_OUT);

        // PASSPORT, 3 business days late: 25 % of 120.00 = 30.00, under the auto-approval limit (50.00): paid at once
        // the first life: a call time limit longer than the provider's silence, so the call is in flight when killed
        Process first = start(runId + "-1", database, "120s");
        int firstPort = awaitPort(runId + "-1", first);
        TestCloudEvents.send(Topics.CASE, 0, CaseEventSamples.submittedWithPayment("ce-" + UUID.randomUUID(), caseId, "PASSPORT",
                "120.00", "pay_crash_" + runId));
        TestCloudEvents.send(Topics.CASE, 0, CaseEventSamples.breached("ce-" + UUID.randomUUID(), caseId, "PASSPORT", "120.00"));
        TestCloudEvents.send(Topics.CASE, 0, CaseEventSamples.resolved("ce-" + UUID.randomUUID(), caseId, "PASSPORT", "APPROVED", 3, null));

        Eventually.await("the provider paid the refund", FLOWS).until(() -> provider.payments(refundId) == 1);
        assertThat(claim(firstPort, claimId).path("status").asText()).isNotEqualTo("PAID");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the second life, on the same database: the default time limit
        Process second = start(runId + "-2", database, "5s");
        int secondPort = awaitPort(runId + "-2", second);

        Eventually.await("the claim PAID", FLOWS).until(() -> "PAID".equals(claim(secondPort, claimId).path("status").asText()));
        assertThat(provider.payments(refundId)).isEqualTo(1);
        assertThat(provider.requests("POST", refundId)).isEqualTo(1); // after the restart: looked up, never sent again
        assertThat(provider.requests("GET", refundId)).isGreaterThanOrEqualTo(1);
        assertThat(provider.totalPayments()).isEqualTo(1);
    }

    private Process start(String name, String database, String callTimeout) throws IOException {
        Path logs = ServiceProcesses.repositoryRoot().resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        Path portFile = logs.resolve("guarantee-service-crash-" + name + ".port");
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", ServiceProcesses.jar("guarantee-service").toString(),
                "--server.port=0",
                "--pledge.local.port-file=" + portFile,
                "--pledge.local.parent-pid=" + ProcessHandle.current().pid(),
                "--pledge.payments.base-url=" + provider.baseUrl(),
                "--pledge.payments.callback-url=",
                "--pledge.payments.call-timeout=" + callTimeout,
                "--pledge.payments.lease=10s",
                "--pledge.payments.sweep-interval=1s"));
        PledgeTestInitializer.properties(PledgeInfrastructure.get(), TestTokens.get(), database)
                .forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command)
                .directory(ServiceProcesses.repositoryRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("guarantee-service-crash-" + name + ".log").toFile()))
                .start();
        processes.add(process);
        return process;
    }

    private int awaitPort(String name, Process process) {
        Path portFile = ServiceProcesses.repositoryRoot()
                .resolve("system-tests/target/service-logs/guarantee-service-crash-" + name + ".port");
        int[] port = new int[1];
        Eventually.await("guarantee-service " + name + " healthy", STARTS).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("guarantee-service " + name + " exited; see system-tests/target/service-logs");
            }
            if (port[0] == 0) {
                try {
                    String text = Files.readString(portFile).trim();
                    port[0] = text.isEmpty() ? 0 : Integer.parseInt(text);
                } catch (IOException | NumberFormatException e) {
                    return false;
                }
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port[0] + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
        return port[0];
    }

    private JsonNode claim(int port, String claimId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/claims/" + claimId))
                .header("Authorization", "Bearer " + TestTokens.get().token("auditor-1", "auditor")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }
}
