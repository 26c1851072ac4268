package org.pledge.notification.channel.provider;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.pledge.notification.channel.api.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One provider behind Resilience4j, named after the provider (so actuator and metrics show it):
 * <ul>
 * <li>{@link #call}: one call to the provider (an HTTP request, an SMTP session) waits for a permit of the
 *     {@link RateLimiter} (the provider's limit; none in time: {@link ProviderFailure.Kind#THROTTLED}) and runs under
 *     the {@link TimeLimiter} on the guard's own threads (over time: {@link ProviderFailure.Kind#UNCERTAIN}
 *     {@code timeout}, the call interrupted);</li>
 * <li>{@link #attempt}: one send, which may make several calls, inside the {@link CircuitBreaker} (open: the send ends
 *     at once) and the {@link Retry}: exponential back-off with jitter, at least the provider's {@code Retry-After}, for
 *     the kinds of failure the channel says are worth retrying at once.</li>
 * </ul>
 * The circuit counts transient and uncertain failures (the provider's health) as failures, a refusal of one message as
 * a call the provider answered, and ignores a send our own rate limiter held back.
 */
public final class ProviderGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderGuard.class);

    private final String name;
    private final RateLimiter rateLimiter;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final ExecutorService calls;

    private ProviderGuard(String name, RateLimiter rateLimiter, TimeLimiter timeLimiter, Retry retry, CircuitBreaker circuitBreaker) {
        this.name = name;
        this.rateLimiter = rateLimiter;
        this.timeLimiter = timeLimiter;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A guard registered in the application's Resilience4j registries (or private ones when there are none).
     *
     * @param retried the kinds of failure retried within a send
     */
    public static ProviderGuard create(String name, ProviderLimits limits, Set<ProviderFailure.Kind> retried,
                                       ObjectProvider<RateLimiterRegistry> rateLimiters, ObjectProvider<TimeLimiterRegistry> timeLimiters,
                                       ObjectProvider<RetryRegistry> retries, ObjectProvider<CircuitBreakerRegistry> breakers) {
        RateLimiterConfig rate = RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, limits.rateLimit()))
                .limitRefreshPeriod(limits.ratePeriod())
                .timeoutDuration(limits.rateWait())
                .build();
        TimeLimiterConfig time = TimeLimiterConfig.custom()
                .timeoutDuration(limits.callTimeout())
                .cancelRunningFuture(true)
                .build();
        ProviderLimits.Retry r = limits.retry();
        IntervalFunction backOff = IntervalFunction.ofExponentialRandomBackoff(r.initialBackOff(), r.multiplier(), r.jitter());
        RetryConfig retryConfig = RetryConfig.<Object>custom()
                .maxAttempts(Math.max(1, r.maxAttempts()))
                .intervalBiFunction((attempt, either) -> {
                    long pause = backOff.apply(attempt);
                    if (either.isLeft() && either.getLeft() instanceof ProviderFailure failure && failure.retryAfter() != null) {
                        pause = Math.max(pause, failure.retryAfter().toMillis());
                    }
                    return pause;
                })
                .retryOnException(e -> e instanceof ProviderFailure failure && retried.contains(failure.kind())
                        && (failure.retryAfter() == null || failure.retryAfter().compareTo(r.maxRetryAfter()) <= 0))
                .build();
        ProviderLimits.CircuitBreaker b = limits.circuitBreaker();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRateThreshold())
                .slidingWindowSize(b.slidingWindowSize())
                .minimumNumberOfCalls(b.minimumCalls())
                .waitDurationInOpenState(b.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(e -> e instanceof ProviderFailure failure
                        && (failure.kind() == ProviderFailure.Kind.TRANSIENT || failure.kind() == ProviderFailure.Kind.UNCERTAIN))
                // no permit of our own rate limiter says nothing about the provider
                .ignoreException(e -> e instanceof ProviderFailure failure && failure.kind() == ProviderFailure.Kind.THROTTLED)
                .build();
        return new ProviderGuard(name,
                rateLimiters.getIfAvailable(RateLimiterRegistry::ofDefaults).rateLimiter(name, rate),
                timeLimiters.getIfAvailable(TimeLimiterRegistry::ofDefaults).timeLimiter(name, time),
                retries.getIfAvailable(RetryRegistry::ofDefaults).retry(name, retryConfig),
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker(name, breakerConfig));
    }

    /**
     * One call to the provider: a permit of the rate limiter, then {@code call} on the guard's threads under the time
     * limit. {@code call} throws a {@link ProviderFailure} for what it recognises; anything else is
     * {@link ProviderFailure.Kind#UNCERTAIN} {@code error}.
     */
    public <T> T call(Callable<T> call) {
        try {
            RateLimiter.waitForPermission(rateLimiter);
        } catch (RequestNotPermitted e) {
            throw ProviderFailure.throttled();
        }
        try {
            return timeLimiter.executeFutureSupplier(() -> calls.submit(call));
        } catch (TimeoutException e) {
            throw ProviderFailure.uncertain("timeout");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderFailure failure) {
                throw failure;
            }
            log.warn("{}: a call failed unexpectedly ({})", name, e.getCause() == null ? "?" : e.getCause().getClass().getName());
            throw ProviderFailure.uncertain("error");
        } catch (ProviderFailure failure) {
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderFailure.uncertain("interrupted");
        } catch (Exception e) {
            log.warn("{}: a call failed unexpectedly ({})", name, e.getClass().getName());
            throw ProviderFailure.uncertain("error");
        }
    }

    /** One send: {@code work} (which makes its calls through {@link #call}) inside the circuit breaker and the retry. */
    public <T> T attempt(Supplier<T> work) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, work)).get();
    }

    /** What a send that ended with {@code failure} comes to; the reason is a short code. */
    public SendOutcome outcomeOf(RuntimeException failure) {
        if (failure instanceof ProviderFailure provider) {
            return provider.kind() == ProviderFailure.Kind.PERMANENT
                    ? new SendOutcome.PermanentFailure(provider.reason())
                    : new SendOutcome.TemporaryFailure(provider.reason());
        }
        if (failure instanceof CallNotPermittedException) {
            return new SendOutcome.TemporaryFailure("circuit-open");
        }
        // a bug of ours, not the provider's: the class only (a message may name an address)
        log.error("{}: a send failed unexpectedly ({})", name, failure.getClass().getName());
        return new SendOutcome.TemporaryFailure("error");
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
