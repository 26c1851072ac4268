package org.pledge.cases.casefile.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.CaseIds;

class CaseEventsTest {

    @Test
    void caseIdOf_isTheCaseOfACasesOwnEvent_andNullForAnyOther() {
        assertThat(CaseEvents.caseIdOf(new GenericDomainEventMessage<>(CaseIds.AGGREGATE_TYPE, "case-1", 3, "x")))
                .isEqualTo("case-1");
        assertThat(CaseEvents.caseIdOf(new GenericDomainEventMessage<>("ServiceTypeAggregate", "PASSPORT", 0, "x"))).isNull();
        assertThat(CaseEvents.caseIdOf(GenericEventMessage.asEventMessage("not a domain event"))).isNull();
    }
}
