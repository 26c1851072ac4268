package org.pledge.feedback.survey.command;

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
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.platform.axon.EventRevisions;

/** A {@link SurveyInvitationPreparedEvent} stored before revision 2 (no revision) reads without client; revision 2 keeps it. */
class SurveyInvitationPreparedEventUpcasterTest {

    private static final Instant T = Instant.parse("2025-03-03T14:00:00Z");

    private final ObjectMapper json = AxonMongoAutoConfiguration.axonObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).revisionResolver(new EventRevisions()).build();
    private final SurveyInvitationPreparedEventUpcaster upcaster = new SurveyInvitationPreparedEventUpcaster();

    @Test
    void preparedEvent_isWrittenAtRevision2() {
        assertThat(serializer.serialize(prepared("ref-7", "SMS"), String.class).getType())
                .isEqualTo(SurveyInvitationPreparedEventUpcaster.REVISION_2);
    }

    @Test
    void unrevised_readsAsRevision2_withoutClient_andOtherwiseUnchanged() throws Exception {
        // the payload as the skeleton stored it: six fields, no revision
        ObjectNode payload = payloadOf(prepared(null, null));
        payload.remove("applicantReference");
        payload.remove("preferredChannel");

        IntermediateEventRepresentation read = upcast(payload, null);

        assertThat(read.getType()).isEqualTo(SurveyInvitationPreparedEventUpcaster.REVISION_2);
        SurveyInvitationPreparedEvent event = serializer.deserialize(read.getData(String.class));
        assertThat(event).isEqualTo(new SurveyInvitationPreparedEvent("inv-1", "case-1", "PASSPORT", "WEB", "fr-CA", T));
        assertThat(event.applicantReference()).isNull();
    }

    @Test
    void revision2_isLeftAlone_andKeepsItsClient() throws Exception {
        IntermediateEventRepresentation read = upcast(payloadOf(prepared("ref-7", "SMS")), "2");

        assertThat(read.getType()).isEqualTo(SurveyInvitationPreparedEventUpcaster.REVISION_2);
        assertThat((SurveyInvitationPreparedEvent) serializer.deserialize(read.getData(String.class))).isEqualTo(prepared("ref-7", "SMS"));
    }

    private IntermediateEventRepresentation upcast(ObjectNode payload, String revision) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("SurveyInvitation", "inv-1", 0, "evt-0", T,
                SurveyInvitationPreparedEvent.class.getName(), revision, payload.toString(), "{}");
        List<IntermediateEventRepresentation> read = upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private ObjectNode payloadOf(SurveyInvitationPreparedEvent event) throws Exception {
        return (ObjectNode) json.readTree(serializer.serialize(event, String.class).getData());
    }

    private static SurveyInvitationPreparedEvent prepared(String applicantReference, String preferredChannel) {
        return new SurveyInvitationPreparedEvent("inv-1", "case-1", "PASSPORT", "WEB", "fr-CA", T, applicantReference, preferredChannel);
    }
}
