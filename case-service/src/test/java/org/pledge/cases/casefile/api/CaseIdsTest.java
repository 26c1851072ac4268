package org.pledge.cases.casefile.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.command.CaseAggregate;

class CaseIdsTest {

    @Test
    void aggregateType_isTheOneTheEventStoreRecordsForCases() {
        // Axon's event-sourcing repository stores the aggregate class's simple name as the type
        assertThat(CaseIds.AGGREGATE_TYPE).isEqualTo(CaseAggregate.class.getSimpleName());
    }
}
