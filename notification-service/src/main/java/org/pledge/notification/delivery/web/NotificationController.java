package org.pledge.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.pledge.notification.delivery.api.NotificationStatus;
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

    /** A page of notifications, newest first. */
    record NotificationPage(List<NotificationRequest> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "List notifications, newest first, a page at a time",
            description = "Filtered by case and by status when given.")
    NotificationPage list(@Parameter(description = "The case") @RequestParam(required = false)
                          @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String caseId,
                          @Parameter(description = "A status") @RequestParam(required = false) NotificationStatus status,
                          @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                          @Parameter(description = "Notifications per page (1..200)") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String s = status == null ? null : status.name();
        return new NotificationPage(notifications.page(caseId, s, page, size).stream().map(NotificationRequest::of).toList(), page, size,
                notifications.count(caseId, s));
    }
}
