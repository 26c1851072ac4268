package org.pledge.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.pledge.testsupport.infra.MemoryMongo;

/**
 * Two instances, each with its own aggregate cache, on one event store: no answer rests on a cached copy the other
 * instance has overtaken, and a current cached copy is used without reading the store.
 */
class CachedRejectionGuardTest {

    private final AtomicInteger eventReads = new AtomicInteger();
    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("find")
                    && "events".equals(event.getCommand().getString("find").getValue())) {
                eventReads.incrementAndGet();
            }
        }
    });
    private Instance a;
    private Instance b;

    @BeforeEach
    void setUp() {
        MongoDatabase db = mongo.database("pledge");
        a = new Instance(db);
        b = new Instance(db);
    }

    @AfterEach
    void tearDown() {
        a.close();
        b.close();
    }

    @Test
    void command_doesNotReadTheStore_whenTheCachedCopyIsCurrent() {
        a.gateway.sendAndWait(new CreateDoor("d1"));
        int before = eventReads.get();
        a.gateway.sendAndWait(new OpenDoor("d1"));
        a.gateway.sendAndWait(new CloseDoor("d1"));

        assertThat(eventReads.get() - before).isZero();
        assertThat(a.handled).hasValue(3);
        assertThat(a.stored("d1")).containsExactly("DoorCreated", "DoorOpened", "DoorClosed");
    }

    @Test
    void command_isDecidedOnTheStoredAggregate_whenTheStaleCopyWouldReject() {
        a.gateway.sendAndWait(new CreateDoor("d1"));
        b.gateway.sendAndWait(new OpenDoor("d1"));
        a.handled.set(0);

        // a's cached copy says "closed", so it would refuse to close the door; the store says "open"
        a.gateway.sendAndWait(new CloseDoor("d1", true));

        assertThat(a.handled).hasValue(2); // on the cached copy (refused), then on the stored aggregate
        assertThat(a.stored("d1")).containsExactly("DoorCreated", "DoorOpened", "DoorClosed");
    }

    @Test
    void command_isDecidedOnTheStoredAggregate_whenTheStaleCopyWouldChangeNothing() {
        a.gateway.sendAndWait(new CreateDoor("d1"));
        b.gateway.sendAndWait(new OpenDoor("d1"));

        // a's cached copy says "closed": closing would change nothing there; the store says "open"
        a.gateway.sendAndWait(new CloseDoor("d1"));

        assertThat(a.stored("d1")).containsExactly("DoorCreated", "DoorOpened", "DoorClosed");
    }

    @Test
    void command_endsInTheRealRejection_whenTheStaleCopyWouldAcceptButTheStoreRefutes() {
        a.gateway.sendAndWait(new CreateDoor("d1"));
        b.gateway.sendAndWait(new OpenDoor("d1"));

        // a's copy would open the door again, but the append collides, and the retry on the stored aggregate refuses
        assertThatThrownBy(() -> a.gateway.sendAndWait(new OpenDoor("d1")))
                .isInstanceOf(IllegalStateException.class).hasMessage("d1 is open already");
        assertThat(a.stored("d1")).containsExactly("DoorCreated", "DoorOpened");
    }

    @Test
    void commandsSentFromOneEventHandlersBatch_areEachCheckedOnTheirOwn() {
        a.gateway.sendAndWait(new CreateDoor("d1"));
        a.gateway.sendAndWait(new CreateDoor("d2"));
        b.gateway.sendAndWait(new OpenDoor("d2")); // a's copy of d2 still says "closed"

        // as an event processor's handler sends commands: nested in the batch's unit of work
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        try {
            a.gateway.sendAndWait(new OpenDoor("d1"));  // on a current cached copy: appends
            a.gateway.sendAndWait(new CloseDoor("d2")); // on a stale one: "no change" must not stand
        } finally {
            batch.commit();
        }

        assertThat(a.stored("d1")).containsExactly("DoorCreated", "DoorOpened");
        assertThat(a.stored("d2")).containsExactly("DoorCreated", "DoorOpened", "DoorClosed");
    }

    @Test
    void realRejection_isTheAnswerAfterOneCheck_whenTheCachedCopyIsCurrent() {
        a.gateway.sendAndWait(new CreateDoor("d1"));
        a.gateway.sendAndWait(new OpenDoor("d1"));
        a.handled.set(0);

        assertThatThrownBy(() -> a.gateway.sendAndWait(new OpenDoor("d1")))
                .isInstanceOf(IllegalStateException.class).hasMessage("d1 is open already");
        assertThat(a.handled).hasValue(2);
        assertThat(a.stored("d1")).containsExactly("DoorCreated", "DoorOpened");
    }

    // ------------------------------------------------------------------------------------------ an instance

    private final class Instance {
        final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
        final MongoSequencedEventStorageEngine engine;
        final EmbeddedEventStore eventStore;
        final CommandGateway gateway;
        final AtomicInteger handled = new AtomicInteger();

        Instance(MongoDatabase db) {
            JacksonSerializer serializer = JacksonSerializer.builder()
                    .objectMapper(AxonMongoAutoConfiguration.axonObjectMapper()).build();
            engine = MongoSequencedEventStorageEngine.builder().mongoDatabase(db).clock(Clock.systemUTC())
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            eventStore = StageRecordingEventStore.eventStore(EmbeddedEventStore.builder().storageEngine(engine));
            SimpleCommandBus bus = SimpleCommandBus.builder().build();
            bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                handled.incrementAndGet();
                return chain.proceed();
            });
            bus.registerHandlerInterceptor(new CachedRejectionGuard());
            CachingEventSourcingRepository<Door> repository = CachingEventSourcingRepository.builder(Door.class)
                    .eventStore(eventStore).cache(new HitRecordingAggregateCache(new WeakReferenceCache())).build();
            AggregateAnnotationCommandHandler.<Door>builder().aggregateType(Door.class).repository(repository)
                    .build().subscribe(bus);
            gateway = DefaultCommandGateway.builder().commandBus(bus)
                    .retryScheduler(ConflictRetryScheduler.of(retries, 3, 1)).build();
        }

        List<String> stored(String door) {
            return engine.readEvents(door).asStream().map(DomainEventMessage::getPayloadType)
                    .map(Class::getSimpleName).toList();
        }

        void close() {
            eventStore.shutDown();
            retries.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ the aggregate

    record CreateDoor(@TargetAggregateIdentifier String id) {
    }

    record OpenDoor(@TargetAggregateIdentifier String id) {
    }

    /** {@code strict}: refuse when closed already, instead of changing nothing. */
    record CloseDoor(@TargetAggregateIdentifier String id, boolean strict) {
        CloseDoor(String id) {
            this(id, false);
        }
    }

    record DoorCreated(String id) {
    }

    record DoorOpened(String id) {
    }

    record DoorClosed(String id) {
    }

    static class Door {
        @AggregateIdentifier
        private String id;
        private boolean open;

        Door() {
        }

        @CommandHandler
        Door(CreateDoor command) {
            apply(new DoorCreated(command.id()));
        }

        @CommandHandler
        void handle(OpenDoor command) {
            if (open) {
                throw new IllegalStateException(id + " is open already");
            }
            apply(new DoorOpened(id));
        }

        @CommandHandler
        void handle(CloseDoor command) {
            if (!open) {
                if (command.strict()) {
                    throw new IllegalStateException(id + " is closed already");
                }
                return;
            }
            apply(new DoorClosed(id));
        }

        @EventSourcingHandler
        void on(DoorCreated event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(DoorOpened event) {
            open = true;
        }

        @EventSourcingHandler
        void on(DoorClosed event) {
            open = false;
        }
    }
}
