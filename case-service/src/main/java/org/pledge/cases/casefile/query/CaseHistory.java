package org.pledge.cases.casefile.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.platform.security.ActorMetadata;
import org.springframework.stereotype.Component;

/**
 * A case's history: every event of the case from the event store, oldest first, with who (actor, roles, the OAuth
 * client it came through), the case's submission channel, the correlation id and when. Read with
 * {@code readEvents(caseId, 0)}: the stored events themselves, never a snapshot. No personal data: the applicant (name,
 * contact points, reference) is left out of the details. What the client was told is there too, as the case's own
 * {@code ClientNotified} and {@code ClientNotificationFailed} entries (from notification-service).
 */
@Component
public class CaseHistory {

    /** Fields never shown: the applicant's personal data. */
    private static final Set<String> PERSONAL = Set.of("applicant");

    private final EventStore eventStore;
    private final ObjectMapper objectMapper;

    CaseHistory(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.objectMapper = objectMapper;
    }

    /** One event of a case, as the history shows it. */
    public record Entry(long sequence, String type, Instant occurredAt, String actor, String actorRoles, String client,
                        String channel, String correlationId, JsonNode details) {
    }

    /** The case's events, oldest first; empty when there is no such case. */
    public List<Entry> of(String caseId) {
        DomainEventStream stream = eventStore.readEvents(caseId, 0L);
        List<Entry> entries = new ArrayList<>();
        String channel = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof CaseSubmittedEvent submitted && submitted.channel() != null) {
                channel = submitted.channel().name(); // the first event: every entry shows the case's channel
            }
            entries.add(entry(event, channel));
        }
        return entries;
    }

    private Entry entry(DomainEventMessage<?> event, String channel) {
        JsonNode details = objectMapper.valueToTree(event.getPayload());
        if (details instanceof ObjectNode object) {
            object.remove(PERSONAL);
            object.remove("caseId");
        }
        String type = event.getPayloadType().getSimpleName().replaceFirst("Event$", "");
        MetaData meta = event.getMetaData();
        String client = text(meta, ActorMetadata.CLIENT);
        if (client == null) {
            client = text(meta, ActorMetadata.LEGACY_CLIENT); // stored before "client": the token's client id was here
        }
        return new Entry(event.getSequenceNumber(), type, event.getTimestamp(), text(meta, ActorMetadata.ACTOR),
                text(meta, ActorMetadata.ACTOR_ROLES), client, channel, text(meta, ActorMetadata.CORRELATION_ID), details);
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
