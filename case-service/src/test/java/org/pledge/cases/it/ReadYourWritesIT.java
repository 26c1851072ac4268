package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.pledge.testsupport.http.ApiResponse;

/**
 * A client reads what it has just written (docs/adr/0007-read-your-writes.md): every write answers once the case's read
 * model shows it, so a GET right after it, without any sleep or retry, sees the write; responses carry the case's
 * version as a weak entity tag.
 */
class ReadYourWritesIT extends CaseServiceITSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void getRightAfterSubmit_findsTheCase_aThousandTimesInARow() {
        String cw = caseworkerToken();
        long started = System.nanoTime();
        long[] submitNanos = new long[1000];
        for (int i = 0; i < 1000; i++) {
            String key = "ryw-" + i + "-" + System.nanoTime();
            long t0 = System.nanoTime();
            ApiResponse submitted = post("/api/cases", channelToken(), body("PASSPORT", key), Map.of("Idempotency-Key", key));
            submitNanos[i] = System.nanoTime() - t0;
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            String caseId = submitted.json().path("caseId").asText();

            ApiResponse read = get("/api/cases/" + caseId, cw);
            assertThat(read.status()).as("GET #%d right after its submission: %s", i, read.body()).isEqualTo(200);
            assertThat(read.json().path("caseId").asText()).isEqualTo(caseId);
            assertThat(read.json().path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(read.header("ETag")).as("#%d", i).isEqualTo(submitted.header("ETag")).isEqualTo("W/\"0\"");
        }
        // figures, not assertions
        java.util.Arrays.sort(submitNanos);
        Timer waits = meters.find("pledge.read.model.await").tag("outcome", "shown").timer();
        System.out.printf("READ-YOUR-WRITES: 1000 submit+GET pairs in %.1f s; submit p50 %.1f ms, p99 %.1f ms; "
                        + "of which waiting for the read model: mean %.1f ms, max %.1f ms (load average %.1f)%n",
                (System.nanoTime() - started) / 1e9, submitNanos[500] / 1e6, submitNanos[990] / 1e6,
                waits.mean(java.util.concurrent.TimeUnit.MILLISECONDS), waits.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Test
    void getAfterPause_showsTheCasePaused_andGetAfterResume_showsTheDeadlineMoved() {
        String cw = caseworkerToken();
        String caseId = submit("DEMO", Map.of()); // a two-minute standard of running time
        JsonNode fresh = get("/api/cases/" + caseId, cw).json();
        Instant deadline = Instant.parse(fresh.path("deadline").asText());

        assertThat(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-1\"}").status()).isEqualTo(204);
        assertThat(transition(caseId, "work-started", cw, null).status()).isEqualTo(204);
        ApiResponse paused = transition(caseId, "information-requests", cw, "{\"reasonCode\":\"missing-photo\"}");
        assertThat(paused.status()).isEqualTo(204);
        assertThat(paused.header("ETag")).isEqualTo("W/\"3\""); // submitted 0, assigned 1, started 2, requested 3

        ApiResponse whilePaused = get("/api/cases/" + caseId, cw);
        assertThat(whilePaused.json().path("status").asText()).isEqualTo("AWAITING_INFORMATION");
        assertThat(whilePaused.json().path("paused").asBoolean()).isTrue();
        assertThat(whilePaused.json().path("pauseReason").asText()).isEqualTo("missing-photo");
        assertThat(whilePaused.header("ETag")).isEqualTo(paused.header("ETag"));

        clock.advance(Duration.ofSeconds(60)); // a minute on the client's side
        ApiResponse resumed = transition(caseId, "information-received", cw, null);
        assertThat(resumed.status()).isEqualTo(204);

        JsonNode after = get("/api/cases/" + caseId, cw).json();
        assertThat(after.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(after.path("paused").asBoolean()).isFalse();
        Duration moved = Duration.between(deadline, Instant.parse(after.path("deadline").asText()));
        // the pause lasted the minute the clock moved plus the real time between the two requests
        assertThat(moved).isGreaterThanOrEqualTo(Duration.ofSeconds(60)).isLessThan(Duration.ofSeconds(70));
    }

    @Test
    void replayedCommand_answersWithTheVersionItLeft() {
        String cw = caseworkerToken();
        String caseId = submit("PASSPORT", Map.of());
        Map<String, String> key = Map.of("Idempotency-Key", "assign-once");
        ApiResponse first = post("/api/cases/" + caseId + "/assignment", cw, "{\"assignee\":\"cw-9\"}", key);
        assertThat(first.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(transition(caseId, "work-started", cw, null).header("ETag")).isEqualTo("W/\"2\"");

        ApiResponse replayed = post("/api/cases/" + caseId + "/assignment", cw, "{\"assignee\":\"cw-9\"}", key);
        assertThat(replayed.status()).isEqualTo(204);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.header("ETag")).isEqualTo("W/\"1\"");
        // no change at all (the same assignee under a new key) answers with the case's current version
        assertThat(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-9\"}").header("ETag")).isEqualTo("W/\"2\"");
    }

    private static String body(String serviceType, String reference) {
        return """
                {"serviceType":"%s","channel":"WEB",
                 "applicant":{"reference":"%s","name":"Marie Tremblay","email":"marie@example.org",
                              "language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """.formatted(serviceType, reference);
    }
}
