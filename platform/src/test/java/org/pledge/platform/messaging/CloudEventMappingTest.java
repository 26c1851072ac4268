package org.pledge.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.pledge.platform.messaging.consume.InvalidCloudEventException;
import org.pledge.platform.messaging.publish.CloudEventMessageFactory;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventMappingTest {

    record Submitted(String caseId, Instant submittedAt) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final CloudEventMessageFactory factory = new CloudEventMessageFactory(mapper, "case-service");

    private Message<byte[]> sample() {
        return factory.create("evt-1", Instant.parse("2026-03-01T10:15:30.123Z"),
                new OutboundIntegrationEvent("pledge.case.v1", "pledge.case.submitted.v1", "case-7", "case-7",
                        new Submitted("case-7", Instant.parse("2026-03-01T10:15:30Z"))));
    }

    @Test
    void outboundMessage_carriesBinaryModeHeaders_andJsonData() throws Exception {
        Message<byte[]> message = sample();

        assertThat(message.getHeaders()).containsEntry("ce_id", "evt-1")
                .containsEntry("ce_type", "pledge.case.submitted.v1")
                .containsEntry("ce_source", "/pledge/case-service")
                .containsEntry("ce_time", "2026-03-01T10:15:30.123Z")
                .containsEntry("ce_subject", "case-7")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("content-type", "application/json");
        assertThat((byte[]) message.getHeaders().get(KafkaHeaders.KEY)).asString(StandardCharsets.UTF_8).isEqualTo("case-7");
        assertThat(mapper.readTree(message.getPayload()).get("submittedAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
    }

    @Test
    void kafkaBinderHeaderMapper_writesCloudEventHeadersAsPlainUtf8() {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        new BinderHeaderMapper().fromHeaders(sample().getHeaders(), kafkaHeaders);

        assertThat(new String(kafkaHeaders.lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("evt-1");
        assertThat(new String(kafkaHeaders.lastHeader("ce_time").value(), StandardCharsets.UTF_8))
                .isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(new String(kafkaHeaders.lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/json");
    }

    @Test
    void inbound_readsHeadersWrittenAsBytesByAnyProducer() {
        Message<byte[]> message = MessageBuilder.withPayload("{\"caseId\":\"case-7\"}".getBytes(StandardCharsets.UTF_8))
                .copyHeaders(Map.of("ce_id", bytes("evt-9"), "ce_type", bytes("pledge.case.submitted.v1"),
                        "ce_source", bytes("/pledge/case-service"), "ce_subject", bytes("case-7"),
                        "ce_time", bytes("2026-03-01T11:15:30+01:00"), "ce_specversion", bytes("1.0")))
                .build();

        InboundCloudEvent event = InboundCloudEvent.from(message, mapper);

        assertThat(event.id()).isEqualTo("evt-9");
        assertThat(event.subject()).isEqualTo("case-7");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(event.data().get("caseId").asText()).isEqualTo("case-7");
    }

    @Test
    void inbound_roundTripsWhatThePublisherSends() {
        InboundCloudEvent event = InboundCloudEvent.from(sample(), mapper);

        assertThat(event.id()).isEqualTo("evt-1");
        assertThat(event.type()).isEqualTo("pledge.case.submitted.v1");
        assertThat(event.source()).isEqualTo("/pledge/case-service");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
    }

    @Test
    void asCommand_carriesWhoAndWhatCausedIt_theSourceServiceByName() {
        InboundCloudEvent event = InboundCloudEvent.from(sample(), mapper);

        var command = event.asCommand("a command");

        assertThat(command.getPayload()).isEqualTo("a command");
        assertThat(command.getMetaData()).containsOnly(
                Map.entry("actor", "case-service"), // not the source URI "/pledge/case-service"
                Map.entry("actorRoles", "system"),
                Map.entry("client", "pledge.case.v1"),
                Map.entry("correlationId", "evt-1"));
    }

    @Test
    void sourceService_isTheSourceAsIs_whenNotAPledgeService() {
        InboundCloudEvent event = new InboundCloudEvent("x", "t", "urn:other:producer", null, null, null);

        assertThat(event.sourceService()).isEqualTo("urn:other:producer");
    }

    @Test
    void inbound_readsHeadersThatSpringCloudFunctionCanonicalisedToTheDashPrefix() {
        Message<byte[]> message = MessageBuilder.withPayload("{\"caseId\":\"case-7\"}".getBytes(StandardCharsets.UTF_8))
                .copyHeaders(Map.of("ce-id", "evt-9", "ce-type", "pledge.case.submitted.v1", "ce-source", "/pledge/case-service",
                        "ce-specversion", "1.0", "ce-subject", "case-7"))
                .build();

        InboundCloudEvent event = InboundCloudEvent.from(message, mapper);

        assertThat(event.id()).isEqualTo("evt-9");
        assertThat(event.type()).isEqualTo("pledge.case.submitted.v1");
        assertThat(event.subject()).isEqualTo("case-7");
    }

    @Test
    void contractData_refusesDataThatViolatesTheSchemaOfItsType_andReadsDataThatMatches() {
        InboundCloudEvent invalid = new InboundCloudEvent("evt-1", "pledge.case.submitted.v1", "/x", null, null,
                mapper.createObjectNode().put("serviceType", "PASSPORT"));
        assertThatThrownBy(() -> invalid.contractData(org.pledge.contracts.cases.CaseSubmittedV1.class, mapper))
                .isInstanceOf(InvalidCloudEventException.class)
                .hasMessageContaining("caseId");

        InboundCloudEvent valid = new InboundCloudEvent("evt-2", "pledge.case.submitted.v1", "/x", "c-1", null,
                mapper.createObjectNode().put("caseId", "c-1").put("serviceType", "PASSPORT").put("channel", "WEB")
                        .put("submittedAt", "2026-11-26T10:00:00Z"));
        assertThat(valid.contractData(org.pledge.contracts.cases.CaseSubmittedV1.class, mapper).caseId()).isEqualTo("c-1");
    }

    @Test
    void inbound_rejectsMessageWithoutId() {
        Message<byte[]> message = MessageBuilder.withPayload(new byte[0])
                .setHeader("ce_type", "x").setHeader("ce_source", "/x").build();

        assertThatThrownBy(() -> InboundCloudEvent.from(message, mapper))
                .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("ce_id");
    }

    @Test
    void outbound_rejectsBlankPartitionKey() {
        assertThatThrownBy(() -> new OutboundIntegrationEvent("t", "ty", "s", " ", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void inbound_acceptsHeadersCanonicalisedBySpringCloudFunction() {
        Message<byte[]> message = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce-id", "evt-5").setHeader("ce-type", "pledge.case.closed.v1")
                .setHeader("ce-source", "/pledge/case-service").setHeader("ce-specversion", "1.0")
                .setHeader("ce-time", "2026-03-01T10:15:30Z").build();

        InboundCloudEvent event = InboundCloudEvent.from(message, mapper);

        assertThat(event.id()).isEqualTo("evt-5");
        assertThat(event.type()).isEqualTo("pledge.case.closed.v1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    }
}
