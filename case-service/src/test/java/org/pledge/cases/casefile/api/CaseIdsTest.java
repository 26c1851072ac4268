package org.pledge.cases.casefile.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.command.CaseAggregate;

class CaseIdsTest {

    @Test
    void theAggregateTypeIsTheOneTheEventStoreRecordsForCases() {
        // Axon's event-sourcing repository stores the aggregate class's simple name as the type
        assertThat(CaseIds.AGGREGATE_TYPE).isEqualTo(CaseAggregate.class.getSimpleName());
    }

    @Test
    void ofEvent_isTheCaseOfACasesOwnEvent_andNullForAnyOther() {
        assertThat(CaseIds.ofEvent(new GenericDomainEventMessage<>(CaseIds.AGGREGATE_TYPE, "case-1", 3, "x")))
                .isEqualTo("case-1");
        assertThat(CaseIds.ofEvent(new GenericDomainEventMessage<>("ServiceTypeAggregate", "PASSPORT", 0, "x"))).isNull();
        assertThat(CaseIds.ofEvent(GenericEventMessage.asEventMessage("not a domain event"))).isNull();
    }
}
