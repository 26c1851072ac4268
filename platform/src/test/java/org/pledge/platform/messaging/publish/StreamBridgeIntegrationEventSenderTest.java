package org.pledge.platform.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ProducerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * When the sender goes past {@code StreamBridge} and when it must not. The binder is played by mocks: {@code
 * StreamBridge.send} hands the message to the binding's producer handler, which files its future on the futures
 * channel, as the Kafka binder does.
 */
class StreamBridgeIntegrationEventSenderTest {

    private static final String TOPIC = "pledge.test.v1";

    private final StreamBridge streamBridge = mock(StreamBridge.class);
    private final BindingServiceProperties bindings = mock(BindingServiceProperties.class);
    private final MockEnvironment environment = new MockEnvironment();
    private final ProducerProperties producer = new ProducerProperties();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Message<?>> handled = new ArrayList<>();
    private StreamBridgeIntegrationEventSender sender;

    @BeforeEach
    void setUp() {
        when(bindings.getProducerProperties(TOPIC)).thenReturn(producer);
    }

    @Test
    void afterTheFirstRecord_recordsGoStraightToTheHandler_withTheHeadersStreamBridgeWouldAdd() {
        start();

        sender.send(TOPIC, message("1"));
        sender.send(TOPIC, message("2"));
        sender.send(TOPIC, message("3"));

        verify(streamBridge, times(1)).send(eq(TOPIC), any(Message.class));
        assertThat(handled).hasSize(3);
        assertThat(sender.sendsPastStreamBridge(TOPIC)).isTrue();
        assertThat(handled.get(2).getHeaders())
                .containsEntry("target-protocol", "kafka")
                .containsEntry("message-type", "cloudevent");
    }

    @Test
    void aPartitionedBinding_staysOnStreamBridge() {
        producer.setPartitionKeyExpression(new SpelExpressionParser().parseExpression("headers['caseId']"));
        producer.setPartitionCount(3);
        start();

        sendThree();

        verify(streamBridge, times(3)).send(eq(TOPIC), any(Message.class));
        assertThat(sender.sendsPastStreamBridge(TOPIC)).isFalse();
    }

    @Test
    void aBindingWithAKafkaMessageKeyExpression_staysOnStreamBridge() {
        environment.setProperty("spring.cloud.stream.kafka.bindings.[" + TOPIC + "].producer.message-key-expression",
                "headers['caseId']");
        start();

        sendThree();

        verify(streamBridge, times(3)).send(eq(TOPIC), any(Message.class));
    }

    @Test
    void aDefaultKafkaMessageKeyExpression_keepsEveryBindingOnStreamBridge() {
        environment.setProperty("spring.cloud.stream.kafka.default.producer.messageKeyExpression", "payload.id");
        start();

        sendThree();

        verify(streamBridge, times(3)).send(eq(TOPIC), any(Message.class));
    }

    @Test
    void stoppedBinding_sendsThroughStreamBridgeAgain_andItsHandlerIsLearnedAgain_whenRunning() {
        start();
        sender.send(TOPIC, message("1"));
        sender.send(TOPIC, message("2"));
        verify(streamBridge, times(1)).send(eq(TOPIC), any(Message.class));

        running.set(false);
        sender.send(TOPIC, message("3"));
        verify(streamBridge, times(2)).send(eq(TOPIC), any(Message.class));

        running.set(true);
        sender.send(TOPIC, message("4"));
        verify(streamBridge, times(2)).send(eq(TOPIC), any(Message.class));
        assertThat(handled).hasSize(4);
    }

    @Test
    void withoutAProducerHandler_nothingGoesPastStreamBridge() {
        sender = new StreamBridgeIntegrationEventSender(streamBridge, bindings, environment);
        when(streamBridge.send(eq(TOPIC), any(Message.class))).thenReturn(true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sender.send(TOPIC, message("1")))
                .isInstanceOf(IntegrationEventPublisher.TransientPublishingException.class) // a wiring fault: blocks, never parks
                .hasMessageContaining("handed back no send future");
        assertThat(sender.sendsPastStreamBridge(TOPIC)).isFalse();
        verify(bindings, never()).getBindingDestination(TOPIC);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The sender, and a binding whose handler the customiser sees when StreamBridge first sends to it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void start() {
        sender = new StreamBridgeIntegrationEventSender(streamBridge, bindings, environment);
        MessageChannel[] futures = new MessageChannel[1];
        KafkaTemplate template = mock(KafkaTemplate.class);
        ProducerFactory producerFactory = mock(ProducerFactory.class);
        when(producerFactory.getConfigurationProperties()).thenReturn(Map.of());
        when(template.getProducerFactory()).thenReturn(producerFactory);
        KafkaProducerMessageHandler handler = new KafkaProducerMessageHandler(template) {
            @Override
            public void setFuturesChannel(MessageChannel futuresChannel) {
                futures[0] = futuresChannel;
            }

            @Override
            public boolean isRunning() {
                return running.get();
            }

            @Override
            public void handleMessage(Message<?> message) {
                handled.add(message);
                futures[0].send(MessageBuilder.withPayload(new CompletableFuture<>())
                        .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN,
                                message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN))
                        .build());
            }
        };
        boolean[] bound = {false};
        when(streamBridge.send(eq(TOPIC), any(Message.class))).thenAnswer(call -> {
            if (!bound[0]) {
                sender.handlerCustomizer().configure(handler, TOPIC);
                bound[0] = true;
            }
            handler.handleMessage(call.getArgument(1));
            return true;
        });
    }

    private void sendThree() {
        sender.send(TOPIC, message("1"));
        sender.send(TOPIC, message("2"));
        sender.send(TOPIC, message("3"));
    }

    private static Message<byte[]> message(String id) {
        return MessageBuilder.withPayload("{}".getBytes()).setHeader("ce_id", id).build();
    }
}
