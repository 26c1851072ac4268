package org.pledge.feedback.survey.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.feedback.survey.api.CancelSurveyInvitationCommand;
import org.pledge.feedback.survey.api.InvitationStatus;
import org.pledge.feedback.survey.api.InviteToSurveyCommand;
import org.pledge.feedback.survey.api.MarkSurveyAnsweredCommand;
import org.pledge.feedback.survey.api.PrepareSurveyInvitationCommand;
import org.pledge.feedback.survey.api.SurveyAnsweredEvent;
import org.pledge.feedback.survey.api.SurveyInvitationCancelledEvent;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.pledge.feedback.survey.api.SurveyInvitedEvent;
import org.pledge.feedback.survey.api.Timeliness;

/**
 * The survey invitation of one case (one per case: its id is {@link SurveyInvitationIds#forCase}).
 *
 * <pre>
 *   (none) ──prepare──▶ AWAITING_CASE_END ──invite──▶ INVITED ──mark answered──▶ ANSWERED
 *     │                      │
 *     ├──invite─────────────────────────────▶ INVITED       (a case never seen submitted: from the case event's facts)
 *     └──cancel──▶ CANCELLED ◀──cancel──┘                   (withdrawn, client erased: never invited)
 * </pre>
 *
 * Once invited, answered or cancelled, a further prepare, invite or cancel changes nothing: one invitation per case,
 * whether the case breaches and is then resolved, or is reopened and resolved again. Every command but the answer may
 * create it ({@code CREATE_IF_MISSING}); case events arrive in order (keyed by case), so the first one decides.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class SurveyInvitation {

    @AggregateIdentifier
    private String invitationId;
    private String caseId;
    private InvitationStatus status;
    // facts recorded at submission, used when the ending case event lacks them
    private String serviceType;
    private String channel;
    private String language;
    private String applicantReference;
    private String preferredChannel;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected SurveyInvitation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PrepareSurveyInvitationCommand command) {
        if (invitationId != null) {
            return; // prepared (or invited, cancelled) already: the facts recorded first stand
        }
        requireCase(command.invitationId(), command.caseId());
        requireText(command.serviceType(), "serviceType");
        if (command.submittedAt() == null) {
            throw new IllegalArgumentException("submittedAt is required");
        }
        apply(new SurveyInvitationPreparedEvent(command.invitationId(), command.caseId(), command.serviceType(), command.channel(),
                command.language(), command.submittedAt(), command.applicantReference(), command.preferredChannel()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InviteToSurveyCommand command) {
        if (invitationId != null && status != InvitationStatus.AWAITING_CASE_END) {
            return; // one invitation per case: invited, answered or cancelled already
        }
        requireCase(command.invitationId(), command.caseId());
        if (command.trigger() == null || command.invitedAt() == null || command.expiresAt() == null) {
            throw new IllegalArgumentException("trigger, invitedAt and expiresAt are required");
        }
        if (!command.expiresAt().isAfter(command.invitedAt())) {
            throw new IllegalArgumentException("expiresAt must be after invitedAt");
        }
        if (command.timeliness() != Timeliness.ON_TIME && command.timeliness() != Timeliness.LATE) {
            throw new IllegalArgumentException("timeliness must be ON_TIME or LATE");
        }
        requireText(command.tokenKeyId(), "tokenKeyId");
        String type = firstOf(command.serviceType(), serviceType);
        requireText(type, "serviceType");
        apply(new SurveyInvitedEvent(command.invitationId(), command.caseId(), type, firstOf(command.channel(), channel),
                firstOf(command.applicantReference(), applicantReference), firstOf(command.language(), language),
                firstOf(command.preferredChannel(), preferredChannel), command.trigger(), command.timeliness(), command.invitedAt(),
                command.expiresAt(), command.tokenKeyId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CancelSurveyInvitationCommand command) {
        if (invitationId != null && status != InvitationStatus.AWAITING_CASE_END) {
            return; // an invitation sent stands; a cancelled one stays cancelled
        }
        requireCase(command.invitationId(), command.caseId());
        if (command.reason() == null || command.cancelledAt() == null) {
            throw new IllegalArgumentException("reason and cancelledAt are required");
        }
        apply(new SurveyInvitationCancelledEvent(command.invitationId(), command.caseId(), firstOf(command.serviceType(), serviceType),
                command.reason(), command.cancelledAt()));
    }

    @CommandHandler
    void handle(MarkSurveyAnsweredCommand command) {
        if (status == InvitationStatus.ANSWERED) {
            return; // the first answer recorded stands
        }
        if (status != InvitationStatus.INVITED) {
            throw new IllegalStateException("survey invitation " + invitationId + " was not invited (" + status + ")");
        }
        requireText(command.feedbackId(), "feedbackId");
        if (command.answeredAt() == null) {
            throw new IllegalArgumentException("answeredAt is required");
        }
        apply(new SurveyAnsweredEvent(invitationId, caseId, command.feedbackId(), command.answeredAt()));
    }

    @EventSourcingHandler
    void on(SurveyInvitationPreparedEvent event) {
        invitationId = event.invitationId();
        caseId = event.caseId();
        status = InvitationStatus.AWAITING_CASE_END;
        serviceType = event.serviceType();
        channel = event.channel();
        language = event.language();
        applicantReference = event.applicantReference();
        preferredChannel = event.preferredChannel();
    }

    @EventSourcingHandler
    void on(SurveyInvitedEvent event) {
        invitationId = event.invitationId();
        caseId = event.caseId();
        status = InvitationStatus.INVITED;
    }

    @EventSourcingHandler
    void on(SurveyInvitationCancelledEvent event) {
        invitationId = event.invitationId();
        caseId = event.caseId();
        status = InvitationStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(SurveyAnsweredEvent event) {
        status = InvitationStatus.ANSWERED;
    }

    private static void requireCase(String invitationId, String caseId) {
        requireText(caseId, "caseId");
        if (!SurveyInvitationIds.forCase(caseId).equals(invitationId)) {
            throw new IllegalArgumentException("invitation " + invitationId + " is not the invitation of case " + caseId);
        }
    }

    private static String firstOf(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
