package org.pledge.notification.template.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The integration events a message can be sent for, and the placeholder values each gives its templates (raw strings,
 * named here; the delivery feature maps each event's contract to them, the template feature checks templates against
 * them when they are saved). Every trigger's recipient is the event's {@code applicantReference} (an event without one,
 * such as a follow-up request from before the field, tells nobody). A value may be absent
 * (an older producer, a case without a deadline yet); a template that uses it then renders it empty.
 */
public enum Trigger {

    CASE_SUBMITTED("pledge.case.submitted.v1",
            p("dueDate", PlaceholderType.DATE, "When the decision is due (the service standard's deadline)")),
    INFORMATION_REQUESTED("pledge.case.information-requested.v1",
            p("reason", PlaceholderType.CODE, "Why information was asked for (the request's reason code)"),
            p("dueDate", PlaceholderType.DATE, "The due date as it stood when the clock paused")),
    INFORMATION_RECEIVED("pledge.case.information-received.v1",
            p("dueDate", PlaceholderType.DATE, "The new due date, moved by the pause")),
    DEADLINE_RECALCULATED("pledge.case.deadline-recalculated.v1",
            p("dueDate", PlaceholderType.DATE, "The recalculated due date")),
    CASE_RESOLVED("pledge.case.resolved.v1",
            p("outcome", PlaceholderType.CODE, "APPROVED, REFUSED or OTHER"),
            p("resolvedOn", PlaceholderType.DATE, "When it was decided"),
            p("onTime", PlaceholderType.CODE, "true when decided by the due date, else false")),
    SERVICE_STANDARD_BREACHED("pledge.case.service-standard-breached.v1",
            p("dueDate", PlaceholderType.DATE, "The missed due date"),
            p("guaranteed", PlaceholderType.CODE, "true when missing the standard refunds the fee, else false"),
            p("fee", PlaceholderType.MONEY, "The fee paid")),
    REFUND_APPROVED("pledge.guarantee.refund-approved.v1",
            p("amount", PlaceholderType.MONEY, "The refund"),
            p("method", PlaceholderType.CODE, "ORIGINAL_PAYMENT_METHOD or BANK_TRANSFER")),
    REFUND_PAID("pledge.guarantee.refund-paid.v1",
            p("amount", PlaceholderType.MONEY, "The refund"),
            p("method", PlaceholderType.CODE, "ORIGINAL_PAYMENT_METHOD or BANK_TRANSFER"),
            p("paidOn", PlaceholderType.DATE, "When it was paid")),
    SURVEY_INVITED("pledge.feedback.survey-invited.v1",
            p("surveyLink", PlaceholderType.TEXT, "The survey's single-use link"),
            p("expiresOn", PlaceholderType.DATE, "When the link expires")),
    FOLLOW_UP_REQUESTED("pledge.feedback.follow-up-requested.v1",
            p("rating", PlaceholderType.CODE, "The rating the client gave, 1 to 5 (at most 2 asks for a follow-up)"));

    private final String eventType;
    private final List<Placeholder> placeholders;

    Trigger(String eventType, Placeholder... own) {
        this.eventType = eventType;
        this.placeholders = Stream.concat(Common.PLACEHOLDERS.stream(), Arrays.stream(own)).toList();
    }

    /** The CloudEvent type ({@code pledge.<service>.<event>.v1}). */
    public String eventType() {
        return eventType;
    }

    /** Every value it gives, the common ones first. */
    public List<Placeholder> placeholders() {
        return placeholders;
    }

    public Set<String> placeholderNames() {
        return placeholders.stream().map(Placeholder::name).collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<Trigger> ofEventType(String eventType) {
        return Arrays.stream(values()).filter(t -> t.eventType.equals(eventType)).findFirst();
    }

    /** The values every trigger gives, before its own: {@code caseId} and {@code serviceType}. */
    public static List<Placeholder> common() {
        return Common.PLACEHOLDERS;
    }

    private static final class Common {
        static final List<Placeholder> PLACEHOLDERS = List.of(
                new Placeholder("caseId", PlaceholderType.TEXT, "The case's reference"),
                new Placeholder("serviceType", PlaceholderType.CODE, "The service, e.g. PASSPORT"));
    }

    private static Placeholder p(String name, PlaceholderType type, String description) {
        return new Placeholder(name, type, description);
    }
}
