package org.pledge.cases.casefile.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.Money;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.springframework.stereotype.Component;

/** Maps the Case aggregate's internal events to the {@code pledge.case.v1} contract. */
@Component
class CaseIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        if (event.getPayload() instanceof CaseSubmittedEvent submitted) {
            return Optional.of(OutboundIntegrationEvent.of(EventTypes.CASE_SUBMITTED.topic(), EventTypes.CASE_SUBMITTED.name(),
                    submitted.caseId(), submitted(submitted)));
        }
        return Optional.empty();
    }

    static CaseSubmittedV1 submitted(CaseSubmittedEvent e) {
        var applicant = e.applicant();
        return new CaseSubmittedV1(e.caseId(), e.serviceTypeCode(), e.channel().name(), applicant.reference(),
                applicant.preferredLanguage(), applicant.preferredChannel() == null ? null : applicant.preferredChannel().name(),
                e.submittedAt(), e.receivedAt().equals(e.submittedAt()) ? null : e.receivedAt(), e.deadline(),
                new CaseSubmittedV1.Applicant(applicant.name(), applicant.email(), applicant.phone(), applicant.postalAddress()),
                e.feePaid() == null ? null : new Money(e.feePaid().amount().toPlainString(), e.feePaid().currency()));
    }
}
