package org.pledge.platform.eventstore;

import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.await.Eventually;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@link PooledStreamingEventProcessor} (Axon configuration, no Spring) on the sequenced engine: resetting its
 * tokens replays every event to normal handlers and to no {@link DisallowReplay} handler, the rebuilt read model
 * equals the original, and events appended after the replay reach both again.
 */
class SequencedEventStoreReplayTest {

    @ProcessingGroup("read-model")
    public static class ReadModel {
        final Map<String, Long> sumOfSequences = new ConcurrentHashMap<>();
        final AtomicInteger handled = new AtomicInteger();
        final AtomicInteger handledAsReplay = new AtomicInteger();

        @EventHandler
        public void on(TestEvent event, ReplayStatus status) {
            sumOfSequences.merge(event.aggregateId(), event.sequence() + 1, Long::sum);
            handled.incrementAndGet();
            if (status.isReplay()) {
                handledAsReplay.incrementAndGet();
            }
        }

        @ResetHandler
        public void reset() {
            sumOfSequences.clear();
            handled.set(0);
        }
    }

    @ProcessingGroup("read-model")
    public static class Notifier {
        final AtomicInteger sent = new AtomicInteger();

        @EventHandler
        @DisallowReplay
        public void on(TestEvent event) {
            sent.incrementAndGet(); // e.g. a refund paid or a text sent: must never run twice
        }
    }

    @Test
    void reset_replaysToNormalHandlersOnly_andRebuildsTheSameReadModel() throws Exception {
        try (MongoFixture mongo = new MongoFixture()) {
            MongoSequencedEventStorageEngine engine =
                    mongo.engineBuilder(mongo.newDatabaseConnection("pledge")).gapTimeout(Duration.ofSeconds(10))
                         .build();
            ReadModel readModel = new ReadModel();
            Notifier notifier = new Notifier();
            Configuration config = DefaultConfigurer.defaultConfiguration()
                                                    .configureEmbeddedEventStore(c -> engine)
                                                    .eventProcessing(ep -> ep
                                                            .usingPooledStreamingEventProcessors()
                                                            .registerTokenStore(c -> new InMemoryTokenStore())
                                                            .registerEventHandler(c -> readModel)
                                                            .registerEventHandler(c -> notifier))
                                                    .buildConfiguration();
            state.set(() -> "handled=" + readModel.handled + " replayed=" + readModel.handledAsReplay + " sent="
                    + notifier.sent);
            config.start();
            try {
                // appended while the processor runs: live events (a processor started on an existing store treats
                // the history up to its first head token as a replay, which is Axon's own behaviour)
                for (int i = 0; i < 300; i++) {
                    engine.appendEvents(MongoSequencedEventStorageEngineTest.event("agg-" + (i % 10), i / 10));
                }
                awaitTrue(() -> readModel.handled.get() == 300 && notifier.sent.get() == 300);
                Map<String, Long> original = new TreeMap<>(readModel.sumOfSequences);
                assertThat(readModel.handledAsReplay.get()).isZero();

                PooledStreamingEventProcessor processor = config.eventProcessingConfiguration()
                                                                .eventProcessor("read-model",
                                                                                PooledStreamingEventProcessor.class)
                                                                .orElseThrow();
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                awaitTrue(() -> readModel.handledAsReplay.get() == 300 && readModel.handled.get() == 300);
                awaitTrue(() -> !processor.isReplaying());
                assertThat(notifier.sent.get()).as("@DisallowReplay handler during replay").isEqualTo(300);
                assertThat(new TreeMap<>(readModel.sumOfSequences)).isEqualTo(original);

                for (int i = 300; i < 320; i++) {
                    engine.appendEvents(MongoSequencedEventStorageEngineTest.event("agg-" + (i % 10), i / 10));
                }
                awaitTrue(() -> readModel.handled.get() == 320 && notifier.sent.get() == 320);
                Thread.sleep(500);
                assertThat(notifier.sent.get()).isEqualTo(320);
                assertThat(readModel.handled.get()).isEqualTo(320);
                assertThat(readModel.handledAsReplay.get()).isEqualTo(300);
            } finally {
                config.shutdown();
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicReference<java.util.function.Supplier<String>> state =
            new java.util.concurrent.atomic.AtomicReference<>(() -> "");

    private static void awaitTrue(BooleanSupplier condition) {
        try {
            Eventually.await("the replay's condition").pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("condition not met in " + Eventually.TIMEOUT.toSeconds() + " s: " + state.get().get(), e);
        }
    }
}
