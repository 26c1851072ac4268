package org.pledge.feedback.survey.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.feedback.survey.api.InvitationStatus;
import org.pledge.feedback.survey.api.PrepareSurveyInvitationCommand;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;

/**
 * The survey invitation of one case (one per case: its id is {@link SurveyInvitationIds#forCase}). So far it is
 * prepared when the case is submitted and waits for the case to end ({@link InvitationStatus#AWAITING_CASE_END});
 * the signed single-use link, sending it and the answer build on it (issue 14).
 *
 * <p>Created by the first {@link PrepareSurveyInvitationCommand} ({@code CREATE_IF_MISSING}); a repeat finds it and
 * changes nothing.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class SurveyInvitation {

    @AggregateIdentifier
    private String invitationId;
    private String caseId;
    private InvitationStatus status;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected SurveyInvitation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PrepareSurveyInvitationCommand command) {
        if (invitationId != null) {
            return; // prepared already: the facts recorded first stand
        }
        requireText(command.caseId(), "caseId");
        requireText(command.serviceType(), "serviceType");
        if (command.submittedAt() == null) {
            throw new IllegalArgumentException("submittedAt is required");
        }
        if (!SurveyInvitationIds.forCase(command.caseId()).equals(command.invitationId())) {
            throw new IllegalArgumentException("invitation " + command.invitationId() + " is not the invitation of case " + command.caseId());
        }
        apply(new SurveyInvitationPreparedEvent(command.invitationId(), command.caseId(), command.serviceType(), command.channel(),
                command.language(), command.submittedAt()));
    }

    @EventSourcingHandler
    void on(SurveyInvitationPreparedEvent event) {
        invitationId = event.invitationId();
        caseId = event.caseId();
        status = InvitationStatus.AWAITING_CASE_END;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
