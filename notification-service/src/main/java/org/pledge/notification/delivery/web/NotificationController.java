package org.pledge.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.pledge.notification.delivery.api.NotificationStatus;
import org.pledge.notification.delivery.query.NotificationDocument;
import org.pledge.notification.delivery.query.Notifications;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the service owes or has told clients, and how it went (auditor, operations, caseworker). Never an address, a
 * text or a trigger's value: which rule and template, which channels, each attempt's outcome and reason code, and when.
 */
@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "Notifications", description = "What clients are owed or have been told, and how each attempt went")
class NotificationController {

    static final String ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Schema(name = "NotificationAttempt", description = "One attempt on one channel")
    record AttemptView(@Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String channel,
                       @Schema(description = "The attempt's number on its channel, 1 for the first") int number,
                       @Schema(description = "An earlier attempt on this channel may have reached the client (the sender looked it up first)")
                       boolean mayHaveBeenSent,
                       Instant startedAt,
                       @Schema(description = "Null while under way", allowableValues = {"DELIVERED", "SENT", "TEMPORARY_FAILURE",
                               "PERMANENT_FAILURE"}) String outcome,
                       @Schema(description = "The failure's code, e.g. `smtp-550`, `http-429`, `timeout`, `no-outcome`, `receipt-timeout`")
                       String reason,
                       @Schema(description = "The template variant's version written, 0 when none was") int templateVersion,
                       Instant endedAt) {

        static AttemptView of(NotificationDocument.Attempt a) {
            return new AttemptView(a.channel(), a.number(), a.mayHaveBeenSent(), a.startedAt(), a.outcome(), a.reason(), a.templateVersion(),
                    a.endedAt());
        }
    }

    @Schema(name = "Notification", description = "A notification a client is owed: one per (source event, rule, recipient)")
    record NotificationView(@Schema(description = "A name-based UUID of the source event's id, the rule and the recipient") String id,
                            String caseId,
                            @Schema(description = "The trigger, e.g. `CASE_SUBMITTED`") String trigger,
                            String ruleId, int ruleVersion, String templateId,
                            @Schema(description = "The CloudEvent id of the event that caused it") String triggeredBy,
                            @Schema(description = "Its CloudEvent type") String sourceEventType,
                            NotificationStatus status,
                            @Schema(description = "The channels planned, in order (empty until the first attempt)") List<String> channels,
                            @Schema(description = "The channel under way, or the last one tried") String channel,
                            @Schema(description = "The language it is (to be) written in") String language,
                            @Schema(description = "The last failure's code") String reason,
                            Instant requestedAt, Instant updatedAt,
                            @Schema(description = "When it is next taken up (a retry, a lease's end, a receipt's deadline); null once final")
                            Instant nextCheckAt,
                            @Schema(description = "Every attempt, oldest first; only when one notification is read") List<AttemptView> attempts) {

        static NotificationView of(NotificationDocument n, boolean withAttempts) {
            return new NotificationView(n.id(), n.caseId(), n.trigger(), n.ruleId(), n.ruleVersion(), n.templateId(), n.sourceEventId(),
                    n.sourceEventType(), NotificationStatus.valueOf(n.status()), n.channels() == null ? List.of() : n.channels(), n.channel(),
                    n.language(), n.reason(), n.requestedAt(), n.updatedAt(), n.nextCheckAt(),
                    withAttempts && n.attempts() != null ? n.attempts().stream().map(AttemptView::of).toList() : null);
        }
    }

    @Schema(name = "NotificationPage", description = "A page of notifications, newest first")
    record NotificationPage(List<NotificationView> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "List notifications, newest first, a page at a time",
            description = "Filtered by case and by status when given; e.g. `?status=ABANDONED` lists the clients nobody could tell "
                    + "(operations). Without attempts: read one notification for its history.")
    NotificationPage list(@Parameter(description = "The case") @RequestParam(required = false)
                          @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String caseId,
                          @Parameter(description = "A status") @RequestParam(required = false) NotificationStatus status,
                          @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                          @Parameter(description = "Notifications per page (1..200)") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String s = status == null ? null : status.name();
        return new NotificationPage(notifications.page(caseId, s, page, size).stream().map(n -> NotificationView.of(n, false)).toList(),
                page, size, notifications.count(caseId, s));
    }

    @GetMapping("/{notificationId}")
    @Operation(operationId = "getNotification", summary = "Read a notification with its history",
            description = "Each attempt: channel, number, outcome, reason code, times. Never an address or a text.")
    @ApiResponse(responseCode = "200", description = "The notification")
    @ApiResponse(responseCode = "404", description = "`notification.not-found`: no such notification")
    NotificationView get(@PathVariable @Pattern(regexp = ID_PATTERN) String notificationId) {
        return NotificationView.of(notifications.find(notificationId).orElseThrow(NotificationNotFoundException::new), true);
    }

    static class NotificationNotFoundException extends PledgeException {
        NotificationNotFoundException() {
            super("notification.not-found", HttpStatus.NOT_FOUND, "There is no such notification.");
        }
    }
}
