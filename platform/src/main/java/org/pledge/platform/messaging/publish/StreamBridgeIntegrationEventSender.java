package org.pledge.platform.messaging.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.header.Headers;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.function.context.message.MessageUtils;
import org.springframework.cloud.stream.binder.ProducerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends through {@link StreamBridge} (dynamic destination per topic, so topic provisioning, header mapping and the
 * producer configuration stay the Kafka binder's) and hands back the producer's future for each record.
 *
 * <p>How the future comes back: spring-integration-kafka's {@link KafkaProducerMessageHandler}, which the binder
 * uses for every producer binding, sends the {@code CompletableFuture} of a record to its <em>futures channel</em>
 * when the outgoing message carries a {@link KafkaIntegrationHeaders#FUTURE_TOKEN} header; it does so in the sending
 * thread, right after handing the record to the producer, and strips that header from the record. The binder does not
 * set a futures channel itself, so {@link #handlerCustomizer()} (a {@link ProducerMessageHandlerCustomizer} bean the
 * binder applies to each producer handler it creates) sets one that files the future under its token, where
 * {@link #send} picks it up once {@code StreamBridge.send} returns. The same customiser keeps the token out of the
 * binder's header mapping, so the record's headers (including {@code spring_json_header_types}) are exactly what they
 * were before. Sends are asynchronous only when the binding is ({@code spring.cloud.stream.kafka.default.producer.sync}
 * unset or false); with {@code sync=true} each send would wait inside {@code StreamBridge.send}, still correct.
 *
 * <p>Only a topic's first record goes through {@code StreamBridge}: that send creates the producer binding (topic
 * provisioning, the binder's producer handler, which the customiser then keeps per destination). Every later record
 * is handed straight to that handler, with the two headers {@code StreamBridge} would have added to our already
 * converted CloudEvent ({@code target-protocol: kafka}, {@code message-type: cloudevent}). What that skips, per
 * record: the pass-through function with its observation wrapper and content-type conversion (our payload is
 * already {@code byte[]} with its content type), the CloudEvents post-processing (which rebuilds every header map),
 * the binder look-up, and {@code StreamBridge}'s one lock around all of it, which serialised every publishing
 * thread. A profile put about 70 % of the publisher's send time there, the producer's own {@code send} at a tenth.
 * The records on the wire carry the same headers with the same bytes ({@code DirectSendIT}); only the order of the
 * headers, and of the keys in {@code spring_json_header_types}, may differ, as both follow a hash map's iteration
 * order (consumers read headers by name). A topic keeps going through {@code StreamBridge} when its binding needs what
 * this path skips: a partitioned binding (a partition key expression or extractor), or a Kafka
 * {@code message-key-expression} (the binder evaluates it in an interceptor of the binding's channel). Channel
 * interceptors added to an output binding in other ways are skipped too. A handler that is no longer running (the
 * binding was stopped) is dropped, and sends go through {@code StreamBridge} again, which learns the binding's
 * current handler.
 */
public class StreamBridgeIntegrationEventSender implements IntegrationEventSender {

    private static final String FUTURE_TOKEN = KafkaIntegrationHeaders.FUTURE_TOKEN;
    /** The {@code target-protocol} StreamBridge sets for a Kafka binding (its binder type). */
    private static final String KAFKA = "kafka";

    private final StreamBridge streamBridge;
    private final BindingServiceProperties bindings;
    private final Binder properties;
    private final Map<String, CompletableFuture<?>> handedBack = new ConcurrentHashMap<>();
    private final MessageChannel futuresChannel = (message, timeout) -> fileFuture(message);
    /** The binder's producer handler per destination, as the customiser saw it created. */
    private final Map<String, MessageHandler> handlers = new ConcurrentHashMap<>();
    /** Per topic: the handler to send to directly, once its binding exists (absent: through StreamBridge). */
    private final Map<String, MessageHandler> direct = new ConcurrentHashMap<>();
    /** Topics whose binding needs what only the StreamBridge path does (decided once per topic). */
    private final Set<String> throughStreamBridgeOnly = ConcurrentHashMap.newKeySet();

    public StreamBridgeIntegrationEventSender(StreamBridge streamBridge, BindingServiceProperties bindings,
                                              Environment environment) {
        this.streamBridge = streamBridge;
        this.bindings = bindings;
        this.properties = Binder.get(environment);
    }

    @Override
    public CompletableFuture<?> send(String topic, Message<byte[]> message) {
        String token = UUID.randomUUID().toString();
        MessageHandler handler = direct.get(topic);
        if (handler instanceof Lifecycle lifecycle && !lifecycle.isRunning()) {
            direct.remove(topic, handler); // the binding was stopped: let StreamBridge decide, and learn again
            handler = null;
        }
        try {
            if (handler != null) {
                handler.handleMessage(MessageBuilder.fromMessage(message)
                        .setHeader(FUTURE_TOKEN, token)
                        .setHeaderIfAbsent(MessageUtils.TARGET_PROTOCOL, KAFKA)
                        .setHeaderIfAbsent(MessageUtils.MESSAGE_TYPE, CloudEventMessageUtils.CLOUDEVENT_VALUE)
                        .build());
            } else if (!streamBridge.send(topic,
                    MessageBuilder.fromMessage(message).setHeader(FUTURE_TOKEN, token).build())) {
                // the binding's state, not the record's: transient, the batch is retried (PublishFailures)
                return CompletableFuture.failedFuture(new IntegrationEventPublisher.TransientPublishingException(
                        "the output binding for " + topic + " did not accept the message"));
            }
            CompletableFuture<?> future = handedBack.get(token);
            if (future == null) {
                // a wiring fault, not the record's: transient, so it blocks instead of parking every event
                throw new IntegrationEventPublisher.TransientPublishingException("the Kafka binder handed back no send"
                        + " future for " + topic + " (is the platform's ProducerMessageHandlerCustomizer replaced?)");
            }
            if (handler == null) {
                learnHandler(topic);
            }
            return future;
        } finally {
            handedBack.remove(token);
        }
    }

    /**
     * For the Kafka binder: gives each producer handler the futures channel and keeps the future token out of the
     * record headers. Declared as the one {@code ProducerMessageHandlerCustomizer} bean of the application.
     */
    public ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> handlerCustomizer() {
        return (handler, destinationName) -> {
            handlers.put(destinationName, handler);
            handler.setFuturesChannel(futuresChannel);
            KafkaHeaderMapper mapper = handler.getHeaderMapper();
            if (mapper != null) {
                handler.setHeaderMapper(new WithoutFutureToken(mapper));
            }
        };
    }

    /** Whether records for {@code topic} now go straight to the binder's producer handler (for tests, diagnostics). */
    public boolean sendsPastStreamBridge(String topic) {
        return direct.containsKey(topic);
    }

    /** After a topic's first send through StreamBridge: its binding exists, so later sends may go to its handler. */
    private void learnHandler(String topic) {
        if (throughStreamBridgeOnly.contains(topic)) {
            return;
        }
        ProducerProperties producer = bindings.getProducerProperties(topic);
        if (producer.isPartitioned() || hasMessageKeyExpression(topic)) {
            throughStreamBridgeOnly.add(topic);
            return;
        }
        String destination = bindings.getBindingDestination(topic);
        MessageHandler handler = handlers.get(destination == null ? topic : destination);
        if (handler != null) {
            direct.putIfAbsent(topic, handler);
        }
    }

    /** A Kafka {@code message-key-expression} for the binding, or for every binding by default. */
    private boolean hasMessageKeyExpression(String topic) {
        String property = ".producer.message-key-expression";
        return properties.bind("spring.cloud.stream.kafka.bindings[" + topic + "]" + property, String.class).isBound()
                || properties.bind("spring.cloud.stream.kafka.default" + property, String.class).isBound();
    }

    private boolean fileFuture(Message<?> message) {
        Object token = message.getHeaders().get(FUTURE_TOKEN);
        if (token instanceof String key && message.getPayload() instanceof CompletableFuture<?> future) {
            handedBack.put(key, future);
            return true;
        }
        return false;
    }

    /** The binder's header mapper, minus the future token (which would otherwise land in the JSON types header). */
    private record WithoutFutureToken(KafkaHeaderMapper delegate) implements KafkaHeaderMapper {

        @Override
        public void fromHeaders(MessageHeaders headers, Headers target) {
            if (headers.containsKey(FUTURE_TOKEN)) {
                Map<String, Object> copy = new HashMap<>(headers);
                copy.remove(FUTURE_TOKEN);
                // new id and timestamp: neither is ever mapped to a Kafka header
                headers = new MessageHeaders(copy);
            }
            delegate.fromHeaders(headers, target);
        }

        @Override
        public void toHeaders(Headers source, Map<String, Object> target) {
            delegate.toHeaders(source, target);
        }
    }
}
