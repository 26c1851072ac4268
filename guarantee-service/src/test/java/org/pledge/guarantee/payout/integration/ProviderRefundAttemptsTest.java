package org.pledge.guarantee.payout.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.payout.api.AttemptPlan;
import org.pledge.guarantee.payout.api.AttemptPlan.Action;
import org.pledge.guarantee.payout.api.ProviderRefundStatus;
import org.pledge.guarantee.payout.api.RecordProviderRefundProblemCommand;
import org.pledge.guarantee.payout.api.RecordProviderRefundStatusCommand;
import org.pledge.guarantee.payout.api.StartProviderRefundAttemptCommand;

/** The order of things in one attempt, with the provider and the command bus mocked. */
class ProviderRefundAttemptsTest {

    private static final String REFUND = "R0123456789abcdef0123456789abcdef01";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Money AMOUNT = new Money(new BigDecimal("30.00"), "CAD");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final PaymentProvider provider = mock(PaymentProvider.class);
    private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("test");
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final PaymentProperties properties = new PaymentProperties(URI.create("http://provider"), "http://us/callbacks/payments",
            "s", Duration.ofMinutes(5), Duration.ofMinutes(1), 65536, Duration.ofSeconds(1),
            new PaymentProperties.Retry(3, Duration.ofMillis(1), 2.0, 0.5),
            new PaymentProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30)),
            new PaymentProperties.Attempts(8, Duration.ofMinutes(1), Duration.ofHours(1)), Duration.ofMinutes(2), Duration.ofSeconds(5));
    private final ProviderRefundAttempts attempts = new ProviderRefundAttempts(commands, provider,
            Retry.of("test", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(1))
                    .retryOnException(e -> e instanceof PaymentProvider.Unavailable).build()),
            breaker, properties, workers, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void firstCall_recordsTheIntentFirst_thenSends_thenRecordsTheAnswer() {
        plan(new AttemptPlan(Action.CALL, 1, AMOUNT, "pay_1"));
        when(provider.send(REFUND, AMOUNT, "pay_1", "http://us/callbacks/payments"))
                .thenReturn(new PaymentProvider.Answer("ref_1", ProviderRefundStatus.PENDING, null));

        attempts.due(REFUND);

        List<Object> sent = sentCommands(2);
        assertThat(sent.get(0)).isEqualTo(new StartProviderRefundAttemptCommand(REFUND, NOW, NOW.plus(Duration.ofMinutes(2))));
        assertThat(sent.get(1)).isEqualTo(new RecordProviderRefundStatusCommand(REFUND, "ref_1", ProviderRefundStatus.PENDING,
                null, "answer", null, NOW));
        verify(provider, never()).lookUp(anyString());
    }

    @Test
    void timeOut_thenTheRetryLooksUpFirst_andFindsIt_withoutSendingAgain() {
        plan(new AttemptPlan(Action.CALL, 1, AMOUNT, "pay_1"));
        when(provider.send(REFUND, AMOUNT, "pay_1", "http://us/callbacks/payments"))
                .thenThrow(new PaymentProvider.Unavailable("TIMEOUT", null));
        when(provider.lookUp(REFUND)).thenReturn(Optional.of(new PaymentProvider.Answer("ref_1", ProviderRefundStatus.SETTLED, null)));

        attempts.due(REFUND);

        verify(provider, times(1)).send(any(), any(), any(), any());
        assertThat(sentCommands(2).get(1)).isEqualTo(new RecordProviderRefundStatusCommand(REFUND, "ref_1",
                ProviderRefundStatus.SETTLED, null, "look-up", null, NOW));
    }

    @Test
    void attemptedBefore_looksUpBeforeTheFirstCall() {
        plan(new AttemptPlan(Action.LOOK_UP_THEN_CALL, 2, AMOUNT, "pay_1"));
        when(provider.lookUp(REFUND)).thenReturn(Optional.empty());
        when(provider.send(REFUND, AMOUNT, "pay_1", "http://us/callbacks/payments"))
                .thenReturn(new PaymentProvider.Answer("ref_1", ProviderRefundStatus.PENDING, null));

        attempts.due(REFUND);

        var order = org.mockito.Mockito.inOrder(provider);
        order.verify(provider).lookUp(REFUND);
        order.verify(provider).send(REFUND, AMOUNT, "pay_1", "http://us/callbacks/payments");
    }

    @Test
    void noAnswerAtAll_schedulesTheNextAttempt_afterTheBackOff() {
        plan(new AttemptPlan(Action.LOOK_UP_THEN_CALL, 2, AMOUNT, "pay_1"));
        when(provider.lookUp(REFUND)).thenThrow(new PaymentProvider.Unavailable("HTTP_503", null));

        attempts.due(REFUND);

        // attempt 2 failed: the pause is 1 min doubled once = 2 min
        assertThat(sentCommands(2).get(1)).isEqualTo(new RecordProviderRefundProblemCommand(REFUND, 2, "HTTP_503",
                NOW.plus(Duration.ofMinutes(2)), 8, NOW));
        verify(provider, never()).send(any(), any(), any(), any());
    }

    @Test
    void refused_recordsTheRejectionWithTheReason() {
        plan(new AttemptPlan(Action.CALL, 1, AMOUNT, "pay_1"));
        when(provider.send(REFUND, AMOUNT, "pay_1", "http://us/callbacks/payments")).thenThrow(new PaymentProvider.Refused("HTTP_422"));

        attempts.due(REFUND);

        assertThat(sentCommands(2).get(1)).isEqualTo(new RecordProviderRefundStatusCommand(REFUND, null,
                ProviderRefundStatus.REJECTED, "HTTP_422", "answer", null, NOW));
    }

    @Test
    void openCircuit_startsNoAttempt() {
        breaker.transitionToOpenState();

        attempts.due(REFUND);

        verifyNoInteractions(commands, provider);
    }

    private void plan(AttemptPlan plan) {
        when(commands.sendAndWait(any(StartProviderRefundAttemptCommand.class))).thenReturn(plan);
    }

    private List<Object> sentCommands(int count) {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(count)).sendAndWait(captor.capture());
        return captor.getAllValues();
    }
}
