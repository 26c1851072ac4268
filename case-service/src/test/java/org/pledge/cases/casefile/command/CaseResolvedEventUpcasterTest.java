package org.pledge.cases.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.platform.axon.EventRevisions;

/** A stored {@link CaseResolvedEvent} of revision 1 reads as revision 2 without a reason code; revision 2 keeps its own. */
class CaseResolvedEventUpcasterTest {

    private static final Instant T = Instant.parse("2025-06-20T14:00:00Z");

    private final ObjectMapper json = AxonMongoAutoConfiguration.axonObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).revisionResolver(new EventRevisions()).build();
    private final CaseResolvedEventUpcaster upcaster = new CaseResolvedEventUpcaster();

    @Test
    void resolvedEvent_isWrittenAtRevision2() {
        assertThat(serializer.serialize(resolved("fraud"), String.class).getType()).isEqualTo(CaseResolvedEventUpcaster.REVISION_2);
    }

    @Test
    void revision1_readsAsRevision2_withoutAReasonCode_andOtherwiseUnchanged() throws Exception {
        ObjectNode payload = payloadOf(resolved(null));
        payload.remove("reasonCode");

        IntermediateEventRepresentation read = upcast(payload, "1");

        assertThat(read.getType()).isEqualTo(CaseResolvedEventUpcaster.REVISION_2);
        CaseResolvedEvent event = serializer.deserialize(read.getData(String.class));
        assertThat(event).isEqualTo(new CaseResolvedEvent("case-1", Outcome.REFUSED, "forged", T, false, 3, T.minusSeconds(86_400 * 5)));
        assertThat(event.reasonCode()).isNull();
    }

    @Test
    void revision2_isLeftAlone_andKeepsItsReasonCode() throws Exception {
        IntermediateEventRepresentation read = upcast(payloadOf(resolved("fraud")), "2");

        assertThat(read.getType()).isEqualTo(CaseResolvedEventUpcaster.REVISION_2);
        assertThat(((CaseResolvedEvent) serializer.deserialize(read.getData(String.class))).reasonCode()).isEqualTo("fraud");
    }

    private IntermediateEventRepresentation upcast(ObjectNode payload, String revision) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("CaseAggregate", "case-1", 5, "evt-5", T,
                CaseResolvedEvent.class.getName(), revision, payload.toString(), "{}");
        List<IntermediateEventRepresentation> read = upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private ObjectNode payloadOf(CaseResolvedEvent event) throws Exception {
        return (ObjectNode) json.readTree(serializer.serialize(event, String.class).getData());
    }

    private static CaseResolvedEvent resolved(String reasonCode) {
        return new CaseResolvedEvent("case-1", Outcome.REFUSED, "forged", T, false, 3, T.minusSeconds(86_400 * 5), reasonCode);
    }
}
