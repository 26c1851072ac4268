package org.pledge.guarantee.claim.integration;

import java.util.Currency;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseReopenedV1;
import org.pledge.contracts.cases.CaseResolvedV1;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.contracts.cases.CaseWithdrawnV1;
import org.pledge.contracts.cases.DeadlineRecalculatedV1;
import org.pledge.contracts.cases.ServiceStandardBreachedV1;
import org.pledge.guarantee.claim.api.AppliedPolicy;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.OpenClaimCommand;
import org.pledge.guarantee.claim.api.RecordCaseReopenedCommand;
import org.pledge.guarantee.claim.api.RecordCaseResolvedCommand;
import org.pledge.guarantee.claim.api.RecordCaseWithdrawnCommand;
import org.pledge.guarantee.claim.api.RecordDeadlineRecalculatedCommand;
import org.pledge.guarantee.claim.api.RecordGuaranteedFeeCommand;
import org.pledge.guarantee.policy.api.GuaranteePolicies;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.springframework.stereotype.Component;

/**
 * Maps inbound {@code pledge.case.v1} events to commands on the cases' claims (contract types go no further than this
 * class), with the service type's policy as current now ({@link GuaranteePolicies}):
 * <ul>
 * <li>submitted → {@link RecordGuaranteedFeeCommand} (fee and payment reference);</li>
 * <li>service-standard-breached → {@link OpenClaimCommand};</li>
 * <li>resolved (outcome, reason code, lateness) → {@link RecordCaseResolvedCommand};</li>
 * <li>withdrawn → {@link RecordCaseWithdrawnCommand}; reopened → {@link RecordCaseReopenedCommand};</li>
 * <li>deadline-recalculated → {@link RecordDeadlineRecalculatedCommand}.</li>
 * </ul>
 * Other case events are not acted on. A service type with no policy guarantees nothing: its breach opens no claim, its
 * resolution and withdrawal are not recorded. A redelivered CloudEvent is dropped by the platform ({@code ce_id}); the
 * same event under another id reaches the same claim, which ignores it; events in another order are put right by the
 * claim.
 */
@Component
class CaseEventCommands {

    /** Applied when a service type has no policy: guarantees nothing. */
    private static final PolicyTerms NONE = new PolicyTerms(false, java.util.List.of(), java.util.Set.of(), "CAD",
            java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.util.List.of());

    private final CommandGateway commands;
    private final ObjectMapper objectMapper;
    private final GuaranteePolicies policies;

    CaseEventCommands(CommandGateway commands, ObjectMapper objectMapper, GuaranteePolicies policies) {
        this.commands = commands;
        this.objectMapper = objectMapper;
        this.policies = policies;
    }

    void on(InboundCloudEvent event) {
        String type = event.type();
        Object command = null;
        if (EventTypes.CASE_SUBMITTED.name().equals(type)) {
            CaseSubmittedV1 e = event.contractData(CaseSubmittedV1.class, objectMapper);
            command = RecordGuaranteedFeeCommand.forCase(e.caseId(), e.serviceType(), money(e.fee()), e.submittedAt(), e.paymentReference());
        } else if (EventTypes.CASE_SERVICE_STANDARD_BREACHED.name().equals(type)) {
            ServiceStandardBreachedV1 e = event.contractData(ServiceStandardBreachedV1.class, objectMapper);
            command = new OpenClaimCommand(claim(e.caseId()), e.caseId(), e.serviceType(), e.applicantReference(), e.language(),
                    e.deadline(), e.markedAt(), e.guaranteed(), money(e.fee()), policy(e.serviceType()));
        } else if (EventTypes.CASE_RESOLVED.name().equals(type)) {
            CaseResolvedV1 e = event.contractData(CaseResolvedV1.class, objectMapper);
            command = new RecordCaseResolvedCommand(claim(e.caseId()), e.caseId(), e.outcome(), e.reasonCode(), e.latenessBusinessDays(),
                    e.resolvedAt(), policy(e.serviceType()));
        } else if (EventTypes.CASE_WITHDRAWN.name().equals(type)) {
            CaseWithdrawnV1 e = event.contractData(CaseWithdrawnV1.class, objectMapper);
            command = new RecordCaseWithdrawnCommand(claim(e.caseId()), e.caseId(), e.withdrawnAt(), policy(e.serviceType()));
        } else if (EventTypes.CASE_REOPENED.name().equals(type)) {
            CaseReopenedV1 e = event.contractData(CaseReopenedV1.class, objectMapper);
            command = new RecordCaseReopenedCommand(claim(e.caseId()), e.caseId(), e.reopenedAt());
        } else if (EventTypes.CASE_DEADLINE_RECALCULATED.name().equals(type)) {
            DeadlineRecalculatedV1 e = event.contractData(DeadlineRecalculatedV1.class, objectMapper);
            command = new RecordDeadlineRecalculatedCommand(claim(e.caseId()), e.caseId(), e.deadline(), e.recalculatedAt());
        }
        if (command != null) {
            commands.sendAndWait(event.asCommand(command));
        }
    }

    private static String claim(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("a case event without a case id");
        }
        return GuaranteeClaimIds.forCase(caseId);
    }

    private AppliedPolicy policy(String serviceType) {
        Optional<AppliedPolicy> current = policies.current(serviceType)
                .map(p -> new AppliedPolicy(p.serviceType(), p.version(), p.terms()));
        return current.orElseGet(() -> new AppliedPolicy(serviceType, 0, NONE));
    }

    private static Money money(org.pledge.contracts.Money fee) {
        return fee == null ? null : new Money(fee.decimal(), Currency.getInstance(fee.currency()).getCurrencyCode());
    }
}
