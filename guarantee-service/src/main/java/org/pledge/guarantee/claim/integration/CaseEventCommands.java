package org.pledge.guarantee.claim.integration;

import java.util.Currency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.RecordGuaranteedFeeCommand;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.springframework.stereotype.Component;

/**
 * Maps inbound {@code pledge.case.v1} events to commands on guarantee-service's claims; contract types go no
 * further than this class. So far {@code pledge.case.submitted.v1} → {@link RecordGuaranteedFeeCommand}; other case
 * events are not acted on yet. A redelivered CloudEvent is dropped by the platform ({@code ce_id}); the same
 * submission under another id reaches the same claim, which ignores it.
 */
@Component
class CaseEventCommands {

    private final CommandGateway commands;
    private final ObjectMapper objectMapper;

    CaseEventCommands(CommandGateway commands, ObjectMapper objectMapper) {
        this.commands = commands;
        this.objectMapper = objectMapper;
    }

    void on(InboundCloudEvent event) {
        if (!EventTypes.CASE_SUBMITTED.name().equals(event.type())) {
            return;
        }
        CaseSubmittedV1 submitted = event.contractData(CaseSubmittedV1.class, objectMapper);
        RecordGuaranteedFeeCommand command = RecordGuaranteedFeeCommand.forCase(submitted.caseId(), submitted.serviceType(),
                money(submitted.fee()), submitted.submittedAt());
        commands.sendAndWait(event.asCommand(command));
    }

    private static Money money(org.pledge.contracts.Money fee) {
        return fee == null ? null : new Money(fee.decimal(), Currency.getInstance(fee.currency()).getCurrencyCode());
    }
}
