package org.pledge.platform.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.Checkpoint;
import org.pledge.audit.CheckpointSigner;
import org.pledge.contracts.CloudEventHeaders;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.audit.AuditCheckpointV1;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

class KafkaCheckpointPublisherTest {

    @Test
    void publish_sendsTheCheckpointAsItsContract_onTheAuditTopic_keyedByService_withAStableId() throws Exception {
        List<Message<byte[]>> sent = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        IntegrationEventSender sender = (topic, message) -> {
            topics.add(topic);
            sent.add(message);
            return CompletableFuture.completedFuture(null);
        };
        KafkaCheckpointPublisher publisher = new KafkaCheckpointPublisher(sender,
                new CloudEventMessageFactory(SchemaCheck.mapper(), "case-service"));
        CheckpointSigner signer = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        Checkpoint checkpoint = signer.sign("case-service", 2000, new byte[32], Instant.parse("2026-03-02T14:00:00.123Z"));

        publisher.publish(checkpoint).get();
        publisher.publish(checkpoint).get();

        assertThat(topics).containsExactly("pledge.audit.v1", "pledge.audit.v1");
        Message<byte[]> message = sent.get(0);
        assertThat(message.getHeaders()).containsEntry(CloudEventHeaders.ID, "case-service:2000")
                .containsEntry(CloudEventHeaders.TYPE, "pledge.audit.checkpoint.v1")
                .containsEntry(CloudEventHeaders.SUBJECT, "case-service")
                .containsEntry(CloudEventHeaders.SOURCE, "/pledge/case-service")
                .containsEntry(CloudEventHeaders.TIME, "2026-03-02T14:00:00.123Z");
        assertThat(new String((byte[]) message.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8))
                .isEqualTo("case-service");
        assertThat(sent.get(1).getHeaders().get(CloudEventHeaders.ID)).isEqualTo("case-service:2000");
        SchemaCheck.assertValid("pledge.audit.checkpoint.v1", message.getPayload());
        AuditCheckpointV1 data = SchemaCheck.mapper().readValue(message.getPayload(), AuditCheckpointV1.class);
        Checkpoint read = new Checkpoint(data.service(), data.sequence(), HexFormat.of().parseHex(data.link()),
                data.signedAt(), data.keyId(), data.algorithm(), HexFormat.of().parseHex(data.signature()));
        assertThat(read).isEqualTo(checkpoint);
        assertThat(signer.verifier().verify(read)).isTrue();
        JsonNode json = SchemaCheck.mapper().readTree(message.getPayload());
        assertThat(json.get("link").asText()).isEqualTo("0".repeat(64));
    }
}
