package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.pledge.platform.messaging.publish.IntegrationEventPublisher.IntegrationEventPublishingException;
import org.pledge.platform.messaging.publish.IntegrationEventPublisher.TransientPublishingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one batch (or one event) and their records in the order they were handed to the producer, and the one
 * wait for Kafka's acknowledgements: at most the publish timeout in all. A record that failed, or was not acknowledged
 * in time, fails the batch (the processor retries it); a permanent failure is first counted against its event
 * ({@link FailedAttempts}, {@link PublishFailures#isTransient}).
 */
final class SentRecords {

    /** The publisher's logger: operators configure one logger for the publisher. */
    private static final Logger log = LoggerFactory.getLogger(IntegrationEventPublisher.class);

    /** A record handed to the producer: its type, id ({@code ce_id}) and topic, its event, its acknowledgement. */
    record Sent(String type, String id, String topic, String eventId, CompletableFuture<?> acknowledged) {

        String describe() {
            return type + " " + id + " for " + topic;
        }
    }

    /** A record that failed ({@code cause}), or was not acknowledged in time ({@code cause} null). */
    private record Failure(Sent record, Throwable cause) {
    }

    private final FailedAttempts attempts;
    private final Clock clock;
    private final Duration publishTimeout;
    private final int maxAttempts;
    private final Set<String> handled = new LinkedHashSet<>();
    private final List<Sent> sent = new ArrayList<>();

    SentRecords(FailedAttempts attempts, Clock clock, Duration publishTimeout, int maxAttempts) {
        this.attempts = attempts;
        this.clock = clock;
        this.publishTimeout = publishTimeout;
        this.maxAttempts = maxAttempts;
    }

    /** Notes an event of the batch (sent, parked or skipped): its failure count is forgotten when the batch passes. */
    void handled(String eventId) {
        handled.add(eventId);
    }

    void sent(List<Sent> records) {
        sent.addAll(records);
    }

    /** Returns when every record was acknowledged; else counts permanent failures per event and throws. */
    void awaitAll() {
        List<Failure> failures = await();
        if (failures.isEmpty()) {
            attempts.forget(handled);
            if (!sent.isEmpty()) {
                log.debug("Kafka acknowledged {} record(s)", sent.size());
            }
            return;
        }
        Set<String> counted = new LinkedHashSet<>();
        Map<String, Integer> times = new LinkedHashMap<>();
        for (Failure failure : failures) {
            if (failure.cause() != null && !PublishFailures.isTransient(failure.cause())
                    && counted.add(failure.record().eventId())) {
                times.put(failure.record().eventId(), attempts.failed(failure.record().eventId(),
                        PublishFailures.reason(failure.cause(), IntegrationEventPublisher.REASON_LENGTH),
                        clock.instant()));
            }
        }
        throw exception(failures.get(0), failures, times);
    }

    /** For a replay: nothing is counted. */
    void awaitOrThrow() {
        List<Failure> failures = await();
        if (!failures.isEmpty()) {
            throw exception(failures.get(0), failures, Map.of());
        }
    }

    /** Waits for every record, at most the publish timeout in all; the ones that failed or are still unanswered. */
    private List<Failure> await() {
        Instant deadline = clock.instant().plus(publishTimeout);
        List<Failure> failures = new ArrayList<>();
        for (Sent record : sent) {
            long remaining = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
            try {
                record.acknowledged().get(remaining, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failures.add(new Failure(record, e.getCause() == null ? e : e.getCause()));
            } catch (TimeoutException e) {
                failures.add(new Failure(record, null));
            } catch (CancellationException e) {
                failures.add(new Failure(record, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientPublishingException(
                        "interrupted waiting for Kafka to acknowledge " + record.describe(), e);
            }
        }
        return failures;
    }

    private IntegrationEventPublishingException exception(Failure first, Collection<Failure> all,
                                                          Map<String, Integer> times) {
        if (first.cause() == null) {
            long unanswered = all.stream().filter(f -> f.cause() == null).count();
            return new TransientPublishingException("Kafka did not acknowledge " + first.record().describe()
                    + " (and " + unanswered + " record(s) of this batch in all) within " + publishTimeout);
        }
        String message = "Kafka did not accept " + first.record().describe();
        if (PublishFailures.isTransient(first.cause())) {
            return new TransientPublishingException(message + " (transient: retried until it passes)",
                    first.cause());
        }
        Integer count = times.get(first.record().eventId());
        return new IntegrationEventPublishingException(count == null ? message : message + " (failed attempt "
                + count + " of " + maxAttempts
                + (count >= maxAttempts ? "; parked at its next attempt)" : ")"), first.cause());
    }
}
