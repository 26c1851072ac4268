package org.pledge.guarantee.payout.command;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.payout.api.AttemptPlan;
import org.pledge.guarantee.payout.api.AttemptPlan.Action;
import org.pledge.guarantee.payout.api.ProviderRefundAcceptedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundAttemptStartedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundFailedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRequestedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRetryScheduledEvent;
import org.pledge.guarantee.payout.api.ProviderRefundSettledEvent;
import org.pledge.guarantee.payout.api.ProviderRefundStatus;
import org.pledge.guarantee.payout.api.RecordProviderRefundProblemCommand;
import org.pledge.guarantee.payout.api.RecordProviderRefundStatusCommand;
import org.pledge.guarantee.payout.api.RequestProviderRefundCommand;
import org.pledge.guarantee.payout.api.StartProviderRefundAttemptCommand;
import org.pledge.platform.axon.CommandTargets;

class ProviderRefundTest {

    private static final String REFUND = "R0123456789abcdef0123456789abcdef01";
    private static final String CLAIM = "01234567-89ab-cdef-0123-456789abcdef";
    private static final Money AMOUNT = new Money(new BigDecimal("30.00"), "CAD");
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(120);
    private static final ProviderRefundRequestedEvent REQUESTED =
            new ProviderRefundRequestedEvent(REFUND, CLAIM, "case-1", AMOUNT, "pay_abc", T0);
    private static final ProviderRefundAttemptStartedEvent FIRST_ATTEMPT =
            new ProviderRefundAttemptStartedEvent(REFUND, 1, Action.CALL, T0, LEASE);

    private FixtureConfiguration<ProviderRefund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProviderRefund.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    @Test
    void request_recordsTheRefundOnce() {
        fixture.givenNoPriorActivity()
                .when(new RequestProviderRefundCommand(REFUND, CLAIM, "case-1", AMOUNT, "pay_abc", T0))
                .expectEvents(REQUESTED);
        fixture.given(REQUESTED)
                .when(new RequestProviderRefundCommand(REFUND, CLAIM, "case-1", AMOUNT, "pay_other", T0.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void request_isRejected_withoutAPaymentReference() {
        fixture.givenNoPriorActivity()
                .when(new RequestProviderRefundCommand(REFUND, CLAIM, "case-1", AMOUNT, " ", T0))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void firstAttempt_recordsTheIntent_andSaysCall() {
        fixture.given(REQUESTED)
                .when(new StartProviderRefundAttemptCommand(REFUND, T0, LEASE))
                .expectEvents(FIRST_ATTEMPT)
                .expectResultMessagePayload(new AttemptPlan(Action.CALL, 1, AMOUNT, "pay_abc"));
    }

    @Test
    void attempt_isRefused_whileAnotherHoldsTheLease() {
        fixture.given(REQUESTED, FIRST_ATTEMPT)
                .when(new StartProviderRefundAttemptCommand(REFUND, LEASE.minusSeconds(1), LEASE.plusSeconds(119)))
                .expectNoEvents()
                .expectResultMessagePayload(AttemptPlan.none());
    }

    @Test
    void attemptAfterAnExpiredLease_looksUpFirst() {
        // the service died during attempt 1: nobody knows whether the provider has the refund
        Instant later = LEASE.plusSeconds(1);
        fixture.given(REQUESTED, FIRST_ATTEMPT)
                .when(new StartProviderRefundAttemptCommand(REFUND, later, later.plusSeconds(120)))
                .expectEvents(new ProviderRefundAttemptStartedEvent(REFUND, 2, Action.LOOK_UP_THEN_CALL, later, later.plusSeconds(120)))
                .expectResultMessagePayload(new AttemptPlan(Action.LOOK_UP_THEN_CALL, 2, AMOUNT, "pay_abc"));
    }

    @Test
    void problem_schedulesTheNextAttempt_thenTheRetryLooksUpFirst() {
        Instant retryAt = T0.plusSeconds(60);
        fixture.given(REQUESTED, FIRST_ATTEMPT)
                .when(new RecordProviderRefundProblemCommand(REFUND, 1, "TIMEOUT", retryAt, 3, T0.plusSeconds(10)))
                .expectEvents(new ProviderRefundRetryScheduledEvent(REFUND, 1, "TIMEOUT", retryAt, T0.plusSeconds(10)));
        ProviderRefundRetryScheduledEvent scheduled = new ProviderRefundRetryScheduledEvent(REFUND, 1, "TIMEOUT", retryAt, T0.plusSeconds(10));
        fixture.given(REQUESTED, FIRST_ATTEMPT, scheduled)
                .when(new StartProviderRefundAttemptCommand(REFUND, retryAt.minusSeconds(1), retryAt.plusSeconds(100)))
                .expectNoEvents()
                .expectResultMessagePayload(AttemptPlan.none());
        fixture.given(REQUESTED, FIRST_ATTEMPT, scheduled)
                .when(new StartProviderRefundAttemptCommand(REFUND, retryAt, retryAt.plusSeconds(120)))
                .expectResultMessagePayload(new AttemptPlan(Action.LOOK_UP_THEN_CALL, 2, AMOUNT, "pay_abc"));
    }

    @Test
    void problemOfTheLastAttempt_failsTheRefund() {
        Instant at = T0.plusSeconds(10);
        fixture.given(REQUESTED, FIRST_ATTEMPT)
                .when(new RecordProviderRefundProblemCommand(REFUND, 1, "HTTP_503", at.plusSeconds(60), 1, at))
                .expectEvents(new ProviderRefundFailedEvent(REFUND, CLAIM, null, "RETRIES_EXHAUSTED:HTTP_503", at));
    }

    @Test
    void problemOfAnOlderAttempt_changesNothing() {
        fixture.given(REQUESTED, FIRST_ATTEMPT, new ProviderRefundAttemptStartedEvent(REFUND, 2, Action.LOOK_UP_THEN_CALL,
                        LEASE.plusSeconds(1), LEASE.plusSeconds(121)))
                .when(new RecordProviderRefundProblemCommand(REFUND, 1, "TIMEOUT", LEASE, 3, LEASE))
                .expectNoEvents();
    }

    @Test
    void pending_thenSettled_thenSettledAgain_settlesOnce() {
        Instant at = T0.plusSeconds(1);
        fixture.given(REQUESTED, FIRST_ATTEMPT)
                .when(status("ref_1", ProviderRefundStatus.PENDING, "answer", at))
                .expectEvents(new ProviderRefundAcceptedEvent(REFUND, "ref_1", "answer", at));
        ProviderRefundAcceptedEvent accepted = new ProviderRefundAcceptedEvent(REFUND, "ref_1", "answer", at);
        ProviderRefundSettledEvent settled = new ProviderRefundSettledEvent(REFUND, CLAIM, "ref_1", "callback", at.plusSeconds(2));
        fixture.given(REQUESTED, FIRST_ATTEMPT, accepted)
                .when(status("ref_1", ProviderRefundStatus.SETTLED, "callback", at.plusSeconds(2)))
                .expectEvents(settled);
        fixture.given(REQUESTED, FIRST_ATTEMPT, accepted, settled)
                .when(status("ref_1", ProviderRefundStatus.SETTLED, "callback", at.plusSeconds(3)))
                .expectNoEvents();
    }

    @Test
    void settledBeforeAccepted_staysSettled() {
        // the callback overtook the answer: the late "pending" changes nothing
        ProviderRefundSettledEvent settled = new ProviderRefundSettledEvent(REFUND, CLAIM, "ref_1", "callback", T0.plusSeconds(1));
        fixture.given(REQUESTED, FIRST_ATTEMPT, settled)
                .when(status("ref_1", ProviderRefundStatus.PENDING, "answer", T0.plusSeconds(2)))
                .expectNoEvents();
        fixture.given(REQUESTED, FIRST_ATTEMPT, settled)
                .when(new StartProviderRefundAttemptCommand(REFUND, LEASE.plusSeconds(5), LEASE.plusSeconds(125)))
                .expectNoEvents()
                .expectResultMessagePayload(AttemptPlan.none());
    }

    @Test
    void rejected_failsTheRefundWithTheProvidersReason_andASettledAfterItChangesNothing() {
        Instant at = T0.plusSeconds(1);
        fixture.given(REQUESTED, FIRST_ATTEMPT)
                .when(new RecordProviderRefundStatusCommand(REFUND, "ref_1", ProviderRefundStatus.REJECTED, "PAYMENT_NOT_REFUNDABLE",
                        "callback", "ev-1", at))
                .expectEvents(new ProviderRefundFailedEvent(REFUND, CLAIM, "ref_1", "PROVIDER_REJECTED:PAYMENT_NOT_REFUNDABLE", at));
        fixture.given(REQUESTED, FIRST_ATTEMPT, new ProviderRefundFailedEvent(REFUND, CLAIM, "ref_1", "PROVIDER_REJECTED:X", at))
                .when(status("ref_1", ProviderRefundStatus.SETTLED, "callback", at.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void acceptedRefund_isPolled_andAProblemDoesNotCountAsAnAttempt() {
        Instant at = T0.plusSeconds(1);
        ProviderRefundAcceptedEvent accepted = new ProviderRefundAcceptedEvent(REFUND, "ref_1", "answer", at);
        fixture.given(REQUESTED, FIRST_ATTEMPT, accepted)
                .when(new StartProviderRefundAttemptCommand(REFUND, at.plusSeconds(200), at.plusSeconds(320)))
                .expectEvents(new ProviderRefundAttemptStartedEvent(REFUND, 1, Action.POLL, at.plusSeconds(200), at.plusSeconds(320)))
                .expectResultMessagePayload(new AttemptPlan(Action.POLL, 1, AMOUNT, "pay_abc"));
        fixture.given(REQUESTED, FIRST_ATTEMPT, accepted)
                .when(new RecordProviderRefundProblemCommand(REFUND, 1, "TIMEOUT", at.plusSeconds(60), 1, at))
                .expectNoEvents();
    }

    private static RecordProviderRefundStatusCommand status(String providerId, ProviderRefundStatus status, String source, Instant at) {
        return new RecordProviderRefundStatusCommand(REFUND, providerId, status, null, source, null, at);
    }
}
