package org.pledge.cases.casefile.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.platform.security.ActorMetadata;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{id}/history} (caseworker, auditor): every event of the case from the event store, oldest
 * first, with who (actor, roles, the OAuth client it came through), the case's submission channel, the correlation id
 * and when. Read with {@code readEvents(caseId, 0)}: the
 * stored events themselves, never a snapshot. No personal data: the applicant (name, contact points, reference) is
 * left out of the details.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/history")
@Tag(name = "Cases")
class CaseHistoryController {

    /** Fields never shown: the applicant's personal data. */
    private static final Set<String> PERSONAL = Set.of("applicant");

    private final EventStore eventStore;
    private final ObjectMapper objectMapper;

    CaseHistoryController(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.objectMapper = objectMapper;
    }

    @Schema(name = "CaseHistoryEntry")
    record Entry(long sequence,
                 @Schema(description = "The event, e.g. CaseSubmitted, CaseAssigned, InformationRequested") String type,
                 Instant occurredAt,
                 @Schema(description = "Who caused it (token subject, or a service for system actions)") String actor,
                 String actorRoles,
                 @Schema(description = "The OAuth client it came through (the token's client id), or the service for "
                         + "system actions") String client,
                 @Schema(description = "The case's submission channel (WEB, CALL_CENTRE, ..., FOLLOW_UP)") String channel,
                 @Schema(description = "The request's X-Correlation-Id, or an id the service gave a system action")
                 String correlationId,
                 @Schema(description = "The event's facts without personal data") JsonNode details) {
    }

    @GetMapping
    @Operation(operationId = "getCaseHistory", summary = "Read a case's full history, oldest first",
            description = "Every event of the case from the event store, with who caused it (actor, roles, channel), the "
                    + "correlation id and when; no personal data.")
    @ApiResponse(responseCode = "200", description = "The case's events")
    @ApiResponse(responseCode = "404", description = "`case.not-found`: no such case")
    List<Entry> history(@PathVariable @Size(max = 64) String caseId) {
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
        if (entries.isEmpty()) {
            throw new CaseController.CaseNotFoundException(caseId);
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
