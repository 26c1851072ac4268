package org.pledge.platform.messaging.publish;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CancellationException;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.MessageDeliveryException;

/**
 * Whether a failure to map or send an integration event is <em>transient</em>: about the broker, the database, the
 * producer, our credentials or this thread, not about the event. A transient failure blocks the publisher, which
 * retries the batch until it passes (nothing is parked, nothing lost). Every other failure is <em>permanent</em>: it
 * would fail the same way on every try (a mapper's {@code IllegalArgumentException} or {@code IllegalStateException},
 * a serialisation error, a record the broker refuses such as {@code RecordTooLargeException},
 * {@code InvalidTopicException}, Kafka's {@code SerializationException}), and the publisher parks the event after a
 * few tries ({@link IntegrationEventPublisher}).
 *
 * <p>Transient, when anywhere in the cause chain:
 * <ul>
 *   <li>Kafka: a {@link RetriableException} (time-outs, not enough replicas, leader changes, network errors); the
 *       producer's own state ({@link ProducerFencedException}, {@link OutOfOrderSequenceException},
 *       {@link InvalidProducerEpochException}); our credentials or ACLs ({@link AuthenticationException},
 *       {@link AuthorizationException}: an operator fixes those for every event at once); an {@link InterruptException};
 *       and a bare {@link KafkaException} at the root of the chain (no subtype, no cause: "producer closed", "part of a
 *       batch with an invalid record": about the producer or another record, not this one);</li>
 *   <li>Spring messaging: a {@link MessageDeliveryException} at the root of the chain ("Dispatcher has no
 *       subscribers": the output binding is stopped); one that wraps a cause is judged by the cause;</li>
 *   <li>our own acknowledgement time-out and a binding that does not take the record
 *       ({@link IntegrationEventPublisher.TransientPublishingException}), an
 *       {@link InterruptedException}, {@link InterruptedIOException} (socket time-outs), {@link SocketException},
 *       {@link CancellationException} (a send future cancelled as the producer closes);</li>
 *   <li>MongoDB (the event store a mapper reads, the dead-letter collection): {@link MongoSocketException},
 *       {@link MongoTimeoutException}, {@link MongoExecutionTimeoutException}, {@link MongoOperationTimeoutException},
 *       {@link MongoNotPrimaryException}, {@link MongoNodeIsRecoveringException},
 *       {@link MongoConnectionPoolClearedException}, {@link MongoInterruptedException}, and any
 *       {@link MongoException} labelled {@code RetryableWriteError} or {@code TransientTransactionError};</li>
 *   <li>Spring's {@link TransientDataAccessException} and {@link DataAccessResourceFailureException} (what Spring
 *       Data makes of an unreachable database), Axon's {@link AxonTransientException}.</li>
 * </ul>
 */
public final class PublishFailures {

    private PublishFailures() {
    }

    /** True when {@code failure} (or anything it was caused by) is transient; false for null. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof IntegrationEventPublisher.TransientPublishingException) {
            return true;
        }
        if (t instanceof RetriableException || t instanceof InterruptException
                || t instanceof AuthenticationException || t instanceof AuthorizationException
                || t instanceof ProducerFencedException || t instanceof OutOfOrderSequenceException
                || t instanceof InvalidProducerEpochException) {
            return true;
        }
        if ((t.getClass() == KafkaException.class || t instanceof MessageDeliveryException) && t.getCause() == null) {
            return true;
        }
        if (t instanceof InterruptedException || t instanceof InterruptedIOException || t instanceof SocketException
                || t instanceof CancellationException) {
            return true;
        }
        if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                || t instanceof MongoExecutionTimeoutException || t instanceof MongoOperationTimeoutException
                || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                || t instanceof MongoConnectionPoolClearedException || t instanceof MongoInterruptedException) {
            return true;
        }
        if (t instanceof MongoException mongo && (mongo.hasErrorLabel("RetryableWriteError")
                || mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))) {
            return true;
        }
        return t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                || t instanceof AxonTransientException;
    }

    /**
     * What a dead letter and the log say about a failure: the root cause's simple class name and message, then, when
     * the failure wraps it, the failure's own message in brackets; one line, at most {@code max} characters. Nothing
     * else of the event (exception messages follow the platform's rule: ids, never payload values or personal data).
     */
    public static String reason(Throwable failure, int max) {
        if (failure == null) {
            return null;
        }
        Throwable root = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String text = describe(root);
        if (root != failure) {
            text += " (" + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : cut(failure.getMessage())) + ")";
        }
        text = text.replaceAll("[\\r\\n\\t]+", " ");
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static String cut(String message) {
        // a million-digit number in a message is cut before anything copies it
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? null : cut(t.getMessage());
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + message;
    }
}
