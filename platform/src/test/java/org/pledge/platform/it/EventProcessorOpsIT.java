package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.ServiceApi;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operators' event processor endpoints ({@code /ops/processors}) on a running service: the list shows every
 * streaming processor, a replay rebuilds a projection from the start of the event store (its reset handler runs and
 * every event is handled again), and a processor that refuses replays, an unknown one or a caller without the role is
 * refused with a problem.
 */
@PlatformIT
class EventProcessorOpsIT {

    private static final TestTokens TOKENS = TestTokens.get();

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    ReplayProbe probe;

    @Test
    void replay_rebuildsTheProjectionFromTheStart_andTheListShowsItCaughtUp() {
        String caseId = "replay-" + UUID.randomUUID();
        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "t"));
        Eventually.await("the probe handled the opening").until(() -> probe.openingsOf(caseId) == 1);
        int resetsBefore = probe.resets.get();

        ApiResponse replay = api().post("/ops/processors/" + ReplayProbe.GROUP + "/replay", token("operations"), null);

        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.json().path("name").asText()).isEqualTo(ReplayProbe.GROUP);
        assertThat(replay.json().path("running").asBoolean()).isTrue();
        assertThat(probe.resets.get()).isEqualTo(resetsBefore + 1);
        JsonNode status = api().awaitJson("/ops/processors", token("admin"), list -> {
            JsonNode p = processor(list, ReplayProbe.GROUP);
            return !p.path("replaying").asBoolean(true) && p.path("caughtUp").asBoolean()
                    && p.path("segments").size() == p.path("tokenSegments").asInt(-1);
        });
        // handled once more after the reset emptied the probe: once, not twice
        Eventually.await("the opening handled again").until(() -> probe.openingsOf(caseId) == 1);
        JsonNode replayed = processor(status, ReplayProbe.GROUP);
        assertThat(replayed.path("supportsReset").asBoolean()).isTrue();
        assertThat(replayed.path("segments")).allSatisfy(s -> assertThat(s.path("position").asLong()).isPositive());
    }

    @Test
    void list_showsThePublisher_asRefusingReplays() {
        ApiResponse list = api().get("/ops/processors", token("operations"));

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(processor(list.json(), TestApp.PUBLISHER_GROUP).path("supportsReset").asBoolean(true)).isFalse();
        assertThat(processor(list.json(), ReplayProbe.GROUP).path("supportsReset").asBoolean()).isTrue();
    }

    @Test
    void replay_isRefusedWithAProblem_whenTheProcessorRefusesReplays() {
        ApiResponse replay = api().post("/ops/processors/" + TestApp.PUBLISHER_GROUP + "/replay", token("admin"), null);

        replay.assertProblem(409, "processors.replay-refused");
        assertThat(processor(api().get("/ops/processors", token("admin")).json(), TestApp.PUBLISHER_GROUP)
                .path("running").asBoolean()).isTrue();
    }

    @Test
    void replay_answers404Problem_whenTheProcessorIsUnknown() {
        api().post("/ops/processors/no-such-processor/replay", token("operations"), null).assertProblem(404, "processors.unknown");
    }

    @Test
    void processorEndpoints_areRefused_withoutTheOperationsOrAdminRole() {
        api().get("/ops/processors", token("caseworker")).assertProblem(403, null);
        api().post("/ops/processors/" + ReplayProbe.GROUP + "/replay", token("auditor"), null).assertProblem(403, null);
        api().post("/ops/processors/" + ReplayProbe.GROUP + "/replay", null, null).assertProblem(401, null);
    }

    private static JsonNode processor(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).filter(p -> name.equals(p.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no processor " + name + " in " + list));
    }

    private ServiceApi api() {
        return ServiceApi.on(port);
    }

    private static String token(String role) {
        return TOKENS.token("ops-" + role, role);
    }
}
