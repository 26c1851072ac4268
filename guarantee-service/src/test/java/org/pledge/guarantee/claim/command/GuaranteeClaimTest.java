package org.pledge.guarantee.claim.command;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.GuaranteedFeeRecordedEvent;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.RecordGuaranteedFeeCommand;
import org.pledge.platform.axon.CommandTargets;

class GuaranteeClaimTest {

    private static final String CASE = "case-1";
    private static final String CLAIM = GuaranteeClaimIds.forCase(CASE);
    private static final Instant SUBMITTED = Instant.parse("2025-03-03T14:00:00Z");
    private static final Money FEE = new Money(new BigDecimal("120.00"), "CAD");

    private FixtureConfiguration<GuaranteeClaim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuaranteeClaim.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    @Test
    void recordFee_opensTheCasesClaimWatching_whenTheCaseIsNew() {
        fixture.givenNoPriorActivity()
                .when(RecordGuaranteedFeeCommand.forCase(CASE, "PASSPORT", FEE, SUBMITTED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GuaranteedFeeRecordedEvent(CLAIM, CASE, "PASSPORT", FEE, SUBMITTED));
    }

    @Test
    void recordFee_changesNothing_whenTheFeeIsRecordedAlready() {
        // the same submission again, or another one with a different fee: the fee recorded first stands
        fixture.given(new GuaranteedFeeRecordedEvent(CLAIM, CASE, "PASSPORT", FEE, SUBMITTED))
                .when(RecordGuaranteedFeeCommand.forCase(CASE, "PASSPORT", new Money(new BigDecimal("999.00"), "CAD"), SUBMITTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordFee_recordsNoFee_whenTheSubmissionCarriedNone() {
        fixture.givenNoPriorActivity()
                .when(RecordGuaranteedFeeCommand.forCase(CASE, "PASSPORT", null, SUBMITTED))
                .expectEvents(new GuaranteedFeeRecordedEvent(CLAIM, CASE, "PASSPORT", null, SUBMITTED));
    }

    @Test
    void recordFee_isRejected_whenTheClaimIsNotTheCasesClaim() {
        fixture.givenNoPriorActivity()
                .when(new RecordGuaranteedFeeCommand(GuaranteeClaimIds.forCase("another-case"), CASE, "PASSPORT", FEE, SUBMITTED, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void recordFee_isRejected_whenTheFeeIsNegative() {
        fixture.givenNoPriorActivity()
                .when(RecordGuaranteedFeeCommand.forCase(CASE, "PASSPORT", new Money(new BigDecimal("-0.01"), "CAD"), SUBMITTED))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void recordFee_isRejected_whenTheServiceTypeIsMissing() {
        fixture.givenNoPriorActivity()
                .when(RecordGuaranteedFeeCommand.forCase(CASE, " ", FEE, SUBMITTED))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
