package org.pledge.cases.casefile.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.pledge.cases.casefile.query.CaseHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{id}/history} (caseworker, auditor): every event of the case from the event store, oldest
 * first, with who (actor, roles, the OAuth client it came through), the case's submission channel, the correlation id
 * and when ({@link CaseHistory}: the stored events themselves, never a snapshot). No personal data: the applicant
 * (name, contact points, reference) is left out of the details.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/history")
@Tag(name = "Cases")
class CaseHistoryController {

    private final CaseHistory history;

    CaseHistoryController(CaseHistory history) {
        this.history = history;
    }

    @Schema(name = "CaseHistoryEntry")
    record Entry(long sequence,
                 @Schema(description = "The event, e.g. CaseSubmitted, CaseAssigned, InformationRequested; ClientNotified "
                         + "(the client was told: details channel, language, templateId, sourceEventType, deliveredAt) and "
                         + "ClientNotificationFailed (no channel could tell them: channelsTried, reason, failedAt), as "
                         + "notification-service reported them") String type,
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
                    + "correlation id and when; no personal data. It includes what the client was told and when "
                    + "(ClientNotified: \"told by EMAIL at deliveredAt\") and what could not be told (ClientNotificationFailed), "
                    + "reported by notification-service on pledge.notification.v1, for open and closed cases alike.")
    @ApiResponse(responseCode = "200", description = "The case's events")
    @ApiResponse(responseCode = "404", description = "`case.not-found`: no such case")
    List<Entry> history(@PathVariable @Size(max = 64) String caseId) {
        List<Entry> entries = history.of(caseId).stream()
                .map(e -> new Entry(e.sequence(), e.type(), e.occurredAt(), e.actor(), e.actorRoles(), e.client(), e.channel(),
                        e.correlationId(), e.details()))
                .toList();
        if (entries.isEmpty()) {
            throw new CaseController.CaseNotFoundException(caseId);
        }
        return entries;
    }
}
