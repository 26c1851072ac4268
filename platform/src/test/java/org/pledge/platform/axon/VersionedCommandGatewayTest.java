package org.pledge.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The version a command left its aggregate at reaches its sender, through Axon's own command bus and gateway. */
class VersionedCommandGatewayTest {

    record Open(String id) {
    }

    record Tick(@TargetAggregateIdentifier String id, int times) {
    }

    record Opened(String id) {
    }

    record Ticked(String id) {
    }

    static class Counter {
        @AggregateIdentifier
        private String id;

        Counter() {
        }

        @CommandHandler
        Counter(Open command) {
            apply(new Opened(command.id()));
        }

        @CommandHandler
        String handle(Tick command) {
            if (command.times() < 0) {
                throw new IllegalArgumentException("cannot tick backwards");
            }
            for (int i = 0; i < command.times(); i++) {
                apply(new Ticked(id));
            }
            return "ticked " + command.times();
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }
    }

    private Configuration axon;
    private VersionedCommandGateway gateway;
    private final java.util.concurrent.atomic.AtomicInteger wakes = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> StageRecordingEventStore.eventStore(
                        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())))
                .configureAggregate(Counter.class)
                .buildConfiguration();
        axon.start();
        axon.commandBus().registerHandlerInterceptor(new AggregateVersionOnResult());
        gateway = new VersionedCommandGateway(axon.commandGateway(), wakes::incrementAndGet);
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aCommandThatStoresEvents_returnsItsResult_andTheVersionOfItsLastEvent() {
        VersionedCommandGateway.Outcome<Object> opened = gateway.sendAndWait(new Open("c-1"));
        assertThat(opened.result()).isEqualTo("c-1");
        assertThat(opened.version()).contains(new AggregateVersion("c-1", 0));

        VersionedCommandGateway.Outcome<String> ticked = gateway.sendAndWait(new Tick("c-1", 3));
        assertThat(ticked.result()).isEqualTo("ticked 3");
        assertThat(ticked.version()).contains(new AggregateVersion("c-1", 3)); // events 1, 2 and 3
        assertThat(wakes).hasValue(2); // its sender waits for the processors next: they are woken at once
    }

    @Test
    void aCommandThatStoresNothing_hasNoVersion() {
        gateway.sendAndWait(new Open("c-2"));

        VersionedCommandGateway.Outcome<String> none = gateway.sendAndWait(new Tick("c-2", 0));
        assertThat(none.result()).isEqualTo("ticked 0");
        assertThat(none.version()).isEmpty();
        assertThat(wakes).hasValue(1); // the opening only: nothing to wake the processors for
    }

    @Test
    void aRejectedCommand_throwsWhatSendAndWaitThrows() {
        gateway.sendAndWait(new Open("c-3"));

        assertThatThrownBy(() -> gateway.sendAndWait(new Tick("c-3", -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot tick backwards");
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new Tick("c-3", -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot tick backwards");
    }

    @Test
    void sendAndWait_stillReturnsThePlainResult() {
        axon.commandGateway().sendAndWait(new Open("c-4"));
        String result = axon.commandGateway().sendAndWait(new Tick("c-4", 2));
        assertThat(result).isEqualTo("ticked 2");
    }
}
