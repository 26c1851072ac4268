package org.pledge.platform.messaging.publish;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;

/**
 * The event store is the outbox: this handler runs in the service's one {@code integration-publisher} pooled
 * streaming processor, maps each event with the service's {@link IntegrationEventMapper}s and sends the result to
 * Kafka through {@link StreamBridge}. Sends are synchronous ({@code sync: true}, {@code acks=all}, idempotent
 * producer), so the processor's token only advances after the broker acknowledged; a failed send throws, the
 * group's {@code PropagatingErrorHandler} makes the processor retry the same event, nothing is skipped.
 *
 * <p>Replays are refused ({@link DisallowReplay}): resetting this processor must not re-publish history.
 */
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
@DisallowReplay
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventPublisher.class);

    private final List<IntegrationEventMapper> mappers;
    private final CloudEventMessageFactory messageFactory;
    private final StreamBridge streamBridge;

    public IntegrationEventPublisher(List<IntegrationEventMapper> mappers,
                                     CloudEventMessageFactory messageFactory,
                                     StreamBridge streamBridge) {
        this.mappers = List.copyOf(mappers);
        this.messageFactory = messageFactory;
        this.streamBridge = streamBridge;
    }

    @EventHandler
    @DisallowReplay
    public void on(Object payload, EventMessage<?> event) {
        List<OutboundIntegrationEvent> outbound = new ArrayList<>();
        for (IntegrationEventMapper mapper : mappers) {
            mapper.map(event).ifPresent(outbound::add);
        }
        for (int i = 0; i < outbound.size(); i++) {
            // the Axon event id is stable across retries; a second integration event from the same internal
            // event gets a suffix so the ids stay unique
            String id = i == 0 ? event.getIdentifier() : event.getIdentifier() + "-" + i;
            OutboundIntegrationEvent out = outbound.get(i);
            Message<byte[]> message = messageFactory.create(id, event.getTimestamp(), out);
            if (!streamBridge.send(out.topic(), message)) {
                throw new IntegrationEventPublishingException(
                        "Kafka did not accept " + out.type() + " " + id + " for " + out.topic());
            }
            log.debug("published {} {} to {}", out.type(), id, out.topic());
        }
    }

    /** Thrown when a send was not acknowledged; the processor retries the event. */
    public static class IntegrationEventPublishingException extends RuntimeException {
        public IntegrationEventPublishingException(String message) {
            super(message);
        }
    }
}
