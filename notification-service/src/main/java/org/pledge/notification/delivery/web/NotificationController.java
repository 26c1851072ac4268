package org.pledge.notification.delivery.web;

import java.util.List;

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
class NotificationController {

    private final NotificationRequests requests;

    NotificationController(NotificationRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    List<NotificationRequest> forCase(@RequestParam(defaultValue = "") String caseId,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return caseId.isBlank() ? List.of() : requests.forCase(caseId, limit);
    }
}
