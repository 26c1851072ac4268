package org.pledge.platform.messaging.consume;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Builds the {@code Consumer<Message<byte[]>>} beans a service binds with Spring Cloud Stream: each parses the
 * binary-mode CloudEvent, deduplicates by {@code ce_id} in {@link InboundMessageStore}, and calls the handler.
 *
 * <pre>
 * &#64;Bean
 * Consumer&lt;Message&lt;byte[]&gt;&gt; caseEvents(CloudEventConsumers consumers, CaseEventsHandler handler) {
 *     return consumers.deduplicating("caseEvents", handler::on);
 * }
 * </pre>
 * The name must be the bean name and the key under {@code pledge.messaging.consumers}.
 */
public class CloudEventConsumers {

    private static final Logger log = LoggerFactory.getLogger(CloudEventConsumers.class);

    private final InboundMessageStore store;
    private final ObjectMapper objectMapper;

    public CloudEventConsumers(InboundMessageStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    public Consumer<Message<byte[]>> deduplicating(String consumerName, InboundEventHandler handler) {
        return message -> accept(consumerName, handler, message);
    }

    private void accept(String consumerName, InboundEventHandler handler, Message<byte[]> message) {
        InboundCloudEvent event = InboundCloudEvent.from(message, objectMapper);
        InboundMessageStore.Claim claim = store.claim(consumerName, event.id());
        switch (claim.outcome()) {
            case DUPLICATE -> log.debug("{} skips duplicate {} {}", consumerName, event.type(), event.id());
            case IN_PROGRESS -> throw new MessageInProgressException(
                    consumerName + " is already processing " + event.id() + " elsewhere; retry later");
            case CLAIMED -> {
                try {
                    handler.handle(event);
                } catch (Exception | Error e) {
                    claim.release();
                    if (e instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e instanceof Error err) {
                        throw err;
                    }
                    throw new InboundHandlingException(consumerName + " failed on " + event.type() + " " + event.id(), e);
                }
                claim.complete();
            }
        }
    }

    /** Another instance holds a live claim on the same message; the binder retries. */
    public static class MessageInProgressException extends RuntimeException {
        public MessageInProgressException(String message) {
            super(message);
        }
    }

    /** Wraps a checked exception from a handler. */
    public static class InboundHandlingException extends RuntimeException {
        public InboundHandlingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
