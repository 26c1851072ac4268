package org.pledge.notification.channel.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.SendOutcome;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** {@link ProviderGuard}: which failures are retried, what the circuit counts, the time limit, the outcomes. */
class ProviderGuardTest {

    private ProviderGuard guard;

    @AfterEach
    void close() {
        guard.close();
    }

    @Test
    void transientFailures_openTheCircuit_andThenNoCallIsMade() {
        // a window of 4 calls, all needed, half failing opens it; no retries, so one call per send
        guard = guard(1, EnumSet.of(ProviderFailure.Kind.TRANSIENT), Duration.ofSeconds(5));
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> failing = () -> {
            calls.incrementAndGet();
            throw ProviderFailure.transientFailure("http-503");
        };
        for (int i = 0; i < 4; i++) {
            assertThat(send(failing)).isEqualTo(new SendOutcome.TemporaryFailure("http-503"));
        }

        assertThat(send(failing)).isEqualTo(new SendOutcome.TemporaryFailure("circuit-open"));
        assertThat(calls.get()).isEqualTo(4);
        assertThat(guard.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void refusalsAndOurOwnRateLimit_leaveTheCircuitClosed() {
        guard = guard(1, EnumSet.of(ProviderFailure.Kind.TRANSIENT), Duration.ofSeconds(5));
        for (int i = 0; i < 6; i++) {
            assertThat(send(() -> {
                throw ProviderFailure.permanent("smtp-550");
            })).isEqualTo(new SendOutcome.PermanentFailure("smtp-550"));
            assertThat(send(() -> {
                throw ProviderFailure.throttled();
            })).isEqualTo(new SendOutcome.TemporaryFailure("rate-limited"));
        }

        assertThat(guard.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void onlyTheKindsAChannelNames_areRetried() {
        guard = guard(3, EnumSet.of(ProviderFailure.Kind.TRANSIENT), Duration.ofSeconds(5));
        AtomicInteger transientCalls = new AtomicInteger();
        AtomicInteger uncertainCalls = new AtomicInteger();

        send(() -> {
            transientCalls.incrementAndGet();
            throw ProviderFailure.transientFailure("smtp-451");
        });
        send(() -> {
            uncertainCalls.incrementAndGet();
            throw ProviderFailure.uncertain("timeout");
        });

        assertThat(transientCalls.get()).isEqualTo(3);
        assertThat(uncertainCalls.get()).as("email: a time-out is not resent at once").isEqualTo(1);
    }

    @Test
    void retryAfterBeyondItsBound_isNotWaitedFor() {
        guard = guard(3, EnumSet.of(ProviderFailure.Kind.TRANSIENT), Duration.ofSeconds(5));
        AtomicInteger calls = new AtomicInteger();

        SendOutcome outcome = send(() -> {
            calls.incrementAndGet();
            throw ProviderFailure.transientFailure("http-429", Duration.ofMinutes(10));
        });

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("http-429"));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void callOverTheTimeLimit_isUncertain_andIsInterrupted() throws InterruptedException {
        guard = guard(1, EnumSet.noneOf(ProviderFailure.Kind.class), Duration.ofMillis(200));
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> guard.call(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        })).isInstanceOfSatisfying(ProviderFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.UNCERTAIN);
            assertThat(failure.reason()).isEqualTo("timeout");
        });
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the call's thread is interrupted").isTrue();
    }

    @Test
    void anythingButAProviderFailure_isATemporaryFailureNamedError() {
        guard = guard(1, EnumSet.noneOf(ProviderFailure.Kind.class), Duration.ofSeconds(5));

        assertThat(send(() -> {
            throw new IllegalStateException("a bug, maybe naming client@example.org");
        })).isEqualTo(new SendOutcome.TemporaryFailure("error"));
    }

    private SendOutcome send(Supplier<String> work) {
        try {
            guard.attempt(work);
            return new SendOutcome.Delivered("x", null);
        } catch (RuntimeException failure) {
            return guard.outcomeOf(failure);
        }
    }

    private static ProviderGuard guard(int attempts, Set<ProviderFailure.Kind> retried, Duration callTimeout) {
        ProviderLimits limits = new ProviderLimits(1_000, Duration.ofSeconds(1), Duration.ZERO, callTimeout,
                new ProviderLimits.Retry(attempts, Duration.ofMillis(1), 2.0, 0.5, Duration.ofSeconds(1)),
                new ProviderLimits.CircuitBreaker(50, 4, 4, Duration.ofMinutes(1)));
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        return ProviderGuard.create("test", limits, retried, none.getBeanProvider(RateLimiterRegistry.class),
                none.getBeanProvider(TimeLimiterRegistry.class), none.getBeanProvider(RetryRegistry.class),
                none.getBeanProvider(CircuitBreakerRegistry.class));
    }
}
