package org.pledge.guarantee.claim.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.guarantee.claim.api.ClaimStatus;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.GuaranteedFeeRecordedEvent;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.RecordGuaranteedFeeCommand;

/**
 * The guarantee claim of one case (one claim per case: its id is {@link GuaranteeClaimIds#forCase}). So far it
 * holds the fee paid at submission, which a refund would pay back; opening on a breach, the amount under the
 * policy, approvals and payout build on it (issue 12).
 *
 * <p>Created by the first {@link RecordGuaranteedFeeCommand} ({@code CREATE_IF_MISSING}); a repeat (the same
 * submission published again under another CloudEvent id) finds the claim and changes nothing.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class GuaranteeClaim {

    @AggregateIdentifier
    private String claimId;
    private String caseId;
    private Money feePaid;
    private ClaimStatus status;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected GuaranteeClaim() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordGuaranteedFeeCommand command) {
        if (claimId != null) {
            return; // recorded already: the fee recorded first stands
        }
        requireText(command.caseId(), "caseId");
        requireText(command.serviceType(), "serviceType");
        if (!GuaranteeClaimIds.forCase(command.caseId()).equals(command.claimId())) {
            throw new IllegalArgumentException("claim " + command.claimId() + " is not the claim of case " + command.caseId());
        }
        if (command.feePaid() != null && command.feePaid().amount().signum() < 0) {
            throw new IllegalArgumentException("a fee paid is never negative");
        }
        apply(new GuaranteedFeeRecordedEvent(command.claimId(), command.caseId(), command.serviceType(), command.feePaid(),
                command.submittedAt()));
    }

    @EventSourcingHandler
    void on(GuaranteedFeeRecordedEvent event) {
        claimId = event.claimId();
        caseId = event.caseId();
        feePaid = event.feePaid();
        status = ClaimStatus.WATCHING;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
