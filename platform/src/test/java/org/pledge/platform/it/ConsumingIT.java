package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

@PlatformIT
class ConsumingIT {

    @Autowired
    TestApp.InboundProbe probe;
    @LocalServerPort
    int port;

    @Test
    void sameCloudEventId_deliveredTwice_takesEffectOnce() throws Exception {
        String key = "case-" + UUID.randomUUID();
        String duplicated = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();

        RawKafka.sendCloudEvent(TestApp.IN_TOPIC, key, duplicated, "pledge.test.noted.v1", "{\"n\":1}");
        RawKafka.sendCloudEvent(TestApp.IN_TOPIC, key, duplicated, "pledge.test.noted.v1", "{\"n\":1}");
        RawKafka.sendCloudEvent(TestApp.IN_TOPIC, key, marker, "pledge.test.noted.v1", "{\"n\":2}");

        // same key, same partition: once the marker is handled, both copies were delivered
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.count(marker) == 1);
        assertThat(probe.count(duplicated)).isEqualTo(1);
    }

    @Test
    void alwaysFailingMessage_isParkedOnTheDlq_andReplayedExactlyOnceAfterTheFix() throws Exception {
        String key = "case-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        probe.failing.set(true);
        try {
            RawKafka.sendCloudEvent(TestApp.IN_TOPIC, key, id, "pledge.test.failing.v1", "{\"n\":3}");

            ConsumerRecord<String, byte[]> parked = RawKafka.await(TestApp.IN_TOPIC + ".dlq",
                    r -> id.equals(RawKafka.header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(parked.key()).isEqualTo(key);
            assertThat(probe.count(id)).isZero();

            RestClient ops = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultHeader("Authorization", "Bearer " + TestTokens.get().token("olga", "operations"))
                    .build();
            var listed = ops.get().uri("/ops/dead-letters/{topic}", TestApp.IN_TOPIC).retrieve()
                    .body(new ParameterizedTypeReference<java.util.List<Map<String, Object>>>() { });
            assertThat(listed).anySatisfy(m -> assertThat(m.get("ceId")).isEqualTo(id));
        } finally {
            probe.failing.set(false);
        }

        RestClient ops = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.get().token("olga", "operations"))
                .build();
        Map<String, Object> first = ops.post().uri("/ops/dead-letters/{topic}/replay", TestApp.IN_TOPIC)
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(probe.count(id)).isEqualTo(1);
        assertThat((Integer) first.get("replayed")).isGreaterThanOrEqualTo(1);
        assertThat(first.get("failed")).isEqualTo(0);

        Map<String, Object> second = ops.post().uri("/ops/dead-letters/{topic}/replay", TestApp.IN_TOPIC)
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(second.get("replayed")).isEqualTo(0);
        assertThat(probe.count(id)).isEqualTo(1);
    }

    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @Test
    void whatThePlatformPublishes_theplatformConsumes_withTheSameIdAndAttributes() {
        String caseId = "case-" + UUID.randomUUID();

        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "loopback"));

        String eventId = eventStore.readEvents(caseId).next().getIdentifier();
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.count(eventId) == 1);
        var received = probe.events.get(eventId);
        assertThat(received.type()).isEqualTo("pledge.test.opened.v1");
        assertThat(received.source()).isEqualTo("/pledge/platform-it");
        assertThat(received.subject()).isEqualTo(caseId);
        assertThat(received.time()).isNotNull();
        assertThat(received.data().get("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void messageThatFailsAgainOnReplay_staysParked_andIsReplayedLater() throws Exception {
        String key = "case-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        RestClient ops = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.get().token("ada", "admin"))
                .build();
        probe.failing.set(true);
        try {
            RawKafka.sendCloudEvent(TestApp.IN_TOPIC, key, id, "pledge.test.failing.v1", "{\"n\":4}");
            RawKafka.await(TestApp.IN_TOPIC + ".dlq", r -> id.equals(RawKafka.header(r, "ce_id")),
                    Duration.ofSeconds(30));

            Map<String, Object> stillFailing = ops.post().uri("/ops/dead-letters/{topic}/replay", TestApp.IN_TOPIC)
                    .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });

            assertThat((Integer) stillFailing.get("failed")).isGreaterThanOrEqualTo(1);
            assertThat(probe.count(id)).isZero();
            RawKafka.await(TestApp.IN_TOPIC + ".dlq", r -> id.equals(RawKafka.header(r, "ce_id"))
                    && RawKafka.header(r, "x-pledge-replay-error") != null, Duration.ofSeconds(30));
        } finally {
            probe.failing.set(false);
        }

        ops.post().uri("/ops/dead-letters/{topic}/replay", TestApp.IN_TOPIC).retrieve().toBodilessEntity();
        assertThat(probe.count(id)).isEqualTo(1);
    }
}
