package org.pledge.notification.delivery.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.pledge.notification.delivery.query.NotificationRequest;
import org.pledge.notification.delivery.query.NotificationRequests;
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

    private final NotificationRequests requests;

    NotificationController(NotificationRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "List the notifications owed or sent for one case",
            description = "At most `limit`; without a case id the list is empty.")
    List<NotificationRequest> forCase(@Parameter(description = "The case") @RequestParam(defaultValue = "") String caseId,
                                      @Parameter(description = "At most this many (1..500)")
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return caseId.isBlank() ? List.of() : requests.forCase(caseId, limit);
    }
}
