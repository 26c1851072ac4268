package org.pledge.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.pledge.notification.delivery.query.NotificationDocument;
import org.pledge.notification.delivery.query.Notifications;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the service owes or has told clients, per case (auditor, operations, caseworker). */
@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "Notifications", description = "What clients are owed or have been told")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * A notification the service owes a client, as the API shows it. The id is derived from the trigger
     * ({@code <kind>:<caseId>}), so the same trigger never shows two.
     */
    record NotificationRequest(String id, String caseId, String kind, String language, String preferredChannel,
                               String status, String triggeredBy, Instant recordedAt) {

        static NotificationRequest of(NotificationDocument n) {
            return new NotificationRequest(n.id(), n.caseId(), n.kind(), n.language(), n.preferredChannel(), n.status(),
                    n.triggeredBy(), n.recordedAt());
        }
    }

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "List the notifications owed or sent for one case",
            description = "At most `limit`; without a case id the list is empty.")
    List<NotificationRequest> forCase(@Parameter(description = "The case") @RequestParam(defaultValue = "") String caseId,
                                      @Parameter(description = "At most this many (1..500)")
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return caseId.isBlank() ? List.of() : notifications.forCase(caseId, limit).stream().map(NotificationRequest::of).toList();
    }
}
