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
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.pledge.testsupport.security.TestTokens;
import org.pledge.testsupport.sms.FakeSmsProvider;
import org.pledge.testsupport.sms.FakeSmsProvider.Behaviour;

/**
 * Issue 13 end to end, with the services as real processes from their exec jars on this JVM's broker and MongoDB:
 * <ul>
 *   <li>a channel submits a case to case-service; notification-service tells the client by email through a real SMTP
 *       server (GreenMail, in this JVM) and reports it on {@code pledge.notification.v1}; case-service's history shows
 *       "told by EMAIL at ...";</li>
 *   <li>notification-service is killed ({@code kill -9}) while its SMS provider (WireMock, with its own ledger) has sent
 *       the text and holds the answer back, then started again on the same database: it looks the message up by our
 *       reference and never sends it again, so the client receives exactly one text.</li>
 * </ul>
 * The email flow runs on the shared services ({@link ServiceProcesses#shared()}: nothing is killed there); the crash
 * test starts its own notification-service, with its own database and consumer group, beside them on the same broker.
 * Both read what other tests put on the topics: assertions pick this test's own case, address and reference.
 */
class NotificationsEndToEndIT {

    private static final Duration FLOWS = Duration.ofSeconds(180);
    private static final Duration STARTS = Duration.ofSeconds(300);
    private static final List<String> NOTIFICATION_SERVICE_RETRIES = List.of(
            "--pledge.messaging.consumers.caseEvents.max-attempts=2",
            "--pledge.messaging.consumers.caseEvents.back-off-initial-interval=100ms");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private GreenMail smtp;
    private FakeSmsProvider sms;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (smtp != null) {
            smtp.stop();
        }
        if (sms != null) {
            sms.close();
        }
    }

    @Test
    void submittedCase_isToldByEmail_andTheCaseHistoryShowsItThroughTheBroker() throws Exception {
        // the shared set: its notification-service emails through the shared SMTP server, its case-service parks other
        // tests' outcomes for cases it does not know at once (ServiceProcesses.shared())
        ServiceProcesses services = ServiceProcesses.shared();
        Fixtures fixtures = new Fixtures(services);
        String email = "told-" + UUID.randomUUID() + "@example.org";

        String caseId = fixtures.submit("""
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"%s","name":"Marie Tremblay","email":"%s","language":"fr-CA",
                              "preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """.formatted(fixtures.unique("told"), email));

        MimeMessage received = Eventually.await("the email to the client", FLOWS)
                .until(() -> ServiceProcesses.mailTo(email), m -> m.size() == 1).get(0);
        assertThat(received.getHeader("Content-Language", null)).startsWith("fr");
        assertThat(received.getSubject()).isNotBlank();
        assertThat(GreenMailUtil.getBody(received)).isNotBlank();

        JsonNode told = Eventually.await("the case history shows it", FLOWS)
                .until(() -> clientNotified(services, fixtures, caseId), e -> e != null);
        assertThat(told.path("actor").asText()).isEqualTo("notification-service");
        JsonNode details = told.path("details");
        assertThat(details.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(details.path("language").asText()).startsWith("fr");
        assertThat(details.path("templateId").asText()).isEqualTo("case-submitted");
        assertThat(details.path("sourceEventType").asText()).isEqualTo("pledge.case.submitted.v1");
        assertThat(details.path("deliveredAt").asText()).isNotBlank();
        assertThat(ServiceProcesses.mailTo(email)).hasSize(1);
    }

    @Test
    void killedInTheMiddleOfAnSmsSend_andRestarted_sendsExactlyOneText() throws Exception {
        PledgeInfrastructure.get();
        // other tests' cases, read from the topic too, are emailed here (and the service's mail health check needs one)
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sms = new FakeSmsProvider();
        sms.slowAnswer(Duration.ofSeconds(90)); // sent at once, answered long after the kill
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String database = "st-" + runId + "-notification-crash";
        String subject = "sms-crash-" + runId;
        String ceId = "ce-" + UUID.randomUUID();
        String notificationId = NotificationIds.of(ceId, "case-submitted", subject);
        String reference = NotificationIds.reference(notificationId, Channel.SMS);
        sms.script(reference, Behaviour.SEND_THEN_TIME_OUT);

        // the first life: a call time limit longer than the provider's silence, so the call is in flight when killed
        Process first = start(runId + "-1", database, "120s");
        int firstPort = awaitPort(runId + "-1", first);
        CloudEvent submitted = CaseEventSamples.submittedBy(ceId, UUID.randomUUID().toString(), subject, "2026-03-02T14:00:00Z",
                "sms-crash@example.org");
        TestCloudEvents.send(Topics.CASE, 0, new CloudEvent(submitted.id(), submitted.type(), submitted.source(), submitted.subject(),
                submitted.json().replace("\"preferredChannel\":\"EMAIL\"", "\"preferredChannel\":\"SMS\"")));

        Eventually.await("the provider sent the text", FLOWS).until(() -> sms.sent(reference) == 1);
        assertThat(notification(firstPort, notificationId).path("status").asText()).isNotIn("SENT", "DELIVERED");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the second life, on the same database, with the default time limit: the intent's lease runs out, the attempt is
        // taken up again as "may have been sent", and the sender looks the message up before anything else
        Process second = start(runId + "-2", database, "5s");
        int secondPort = awaitPort(runId + "-2", second);

        JsonNode sent = Eventually.await("the notification SENT", FLOWS)
                .until(() -> notification(secondPort, notificationId), n -> "SENT".equals(n.path("status").asText()));
        assertThat(sent.toString()).contains("SMS");
        assertThat(sms.sent(reference)).isEqualTo(1);
        assertThat(sms.requests("POST", reference)).isEqualTo(1); // after the restart: looked up, never sent again
        assertThat(sms.requests("GET", reference)).isGreaterThanOrEqualTo(1);
    }

    // --- helpers

    /** The case's ClientNotified history entry, or null while there is none. */
    private static JsonNode clientNotified(ServiceProcesses services, Fixtures fixtures, String caseId) throws IOException {
        Api.Response history = Api.get(services.uri("case-service", "/api/cases/" + caseId + "/history"), fixtures.token("auditor"));
        if (history.status() != 200) {
            return null;
        }
        for (JsonNode entry : Api.JSON.readTree(history.body())) {
            if ("ClientNotified".equals(entry.path("type").asText())) {
                return entry;
            }
        }
        return null;
    }

    private Process start(String name, String database, String callTimeout) throws IOException {
        Path logs = ServiceProcesses.repositoryRoot().resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        Path portFile = logs.resolve("notification-service-crash-" + name + ".port");
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", ServiceProcesses.jar("notification-service").toString(),
                "--server.port=0",
                "--pledge.local.port-file=" + portFile,
                "--pledge.local.parent-pid=" + ProcessHandle.current().pid(),
                "--pledge.sms.base-url=" + sms.baseUrl(),
                "--pledge.sms.call-timeout=" + callTimeout,
                "--pledge.delivery.lease=30s",
                "--pledge.delivery.sweep-interval=1s",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                // a group of its own (both lives share it): the other tests' notification-service is another consumer
                "--pledge.messaging.group=" + database));
        command.addAll(NOTIFICATION_SERVICE_RETRIES);
        PledgeTestInitializer.properties(PledgeInfrastructure.get(), TestTokens.get(), database)
                .forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command)
                .directory(ServiceProcesses.repositoryRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("notification-service-crash-" + name + ".log").toFile()))
                .start();
        processes.add(process);
        return process;
    }

    private int awaitPort(String name, Process process) {
        Path portFile = ServiceProcesses.repositoryRoot()
                .resolve("system-tests/target/service-logs/notification-service-crash-" + name + ".port");
        int[] port = new int[1];
        Eventually.await("notification-service " + name + " healthy", STARTS).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("notification-service " + name + " exited; see system-tests/target/service-logs");
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

    private JsonNode notification(int port, String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications/" + id))
                .header("Authorization", "Bearer " + TestTokens.get().token("auditor-1", "auditor")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Api.JSON.readTree(response.body()) : Api.JSON.createObjectNode();
    }
}
