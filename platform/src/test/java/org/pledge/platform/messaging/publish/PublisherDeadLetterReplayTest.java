package org.pledge.platform.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.platform.messaging.publish.PublisherFixture.processBatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.platform.messaging.publish.PublisherDeadLetter.State;
import org.pledge.platform.messaging.publish.PublisherDeadLetterReplay.ReplayResult;
import org.pledge.platform.messaging.publish.PublisherFixture.Happened;
import org.pledge.platform.messaging.publish.PublisherFixture.Send;
import org.pledge.testsupport.infra.MemoryMongo;

/** Replays of parked events: read again from a real (in-memory) Axon event store, published with the current mappers. */
class PublisherDeadLetterReplayTest {

    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo();
    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    private PublisherFixture fixture;
    private IntegrationEventPublisher publisher;
    private PublisherDeadLetterReplay replay;

    @BeforeEach
    void setUp() {
        fixture = new PublisherFixture(mongo.database("replay-test"));
        publisher = fixture.publisher();
        replay = new PublisherDeadLetterReplay(fixture.letters, publisher, () -> eventStore, fixture.clock, 500);
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    /** Appends events of the given cases (each its next sequence number) and returns them as the processor sees them. */
    private List<TrackedEventMessage<?>> store(String... caseIds) {
        long before = engine.readEvents(null, false).count();
        for (String caseId : caseIds) {
            long sequence = eventStore.lastSequenceNumberFor(caseId).map(n -> n + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>("TestCase", caseId, sequence,
                    new Happened(caseId, (int) sequence)));
        }
        return engine.readEvents(null, false).skip(before).<TrackedEventMessage<?>>map(e -> e).toList();
    }

    /** case-k's first event fails for good and is parked, its second waits behind it; case-a flows. */
    private List<TrackedEventMessage<?>> parkCaseK() {
        fixture.unmappable.add("case-k");
        List<TrackedEventMessage<?>> events = store("case-k", "case-a", "case-k");
        for (int attempt = 1; attempt <= 4; attempt++) {
            processBatch(publisher, events);
        }
        assertThat(fixture.letters.oldestFirst("case-k", 10)).extracting(PublisherDeadLetter::state)
                .containsExactly(State.FAILED, State.WAITING);
        fixture.sends.clear();
        return events;
    }

    @Test
    void replayWhileStillBroken_keepsEverythingParked_withTheNewReason_andOneAttemptMore() {
        parkCaseK();
        fixture.clock.advance(Duration.ofMinutes(5));

        ReplayResult result = replay.replay(null);

        assertThat(result).isEqualTo(new ReplayResult(0, 1, 2));
        assertThat(fixture.sends).isEmpty();
        List<PublisherDeadLetter> letters = replay.list("case-k");
        assertThat(letters).extracting(PublisherDeadLetter::state).containsExactly(State.FAILED, State.WAITING);
        assertThat(letters.get(0).attempts()).isEqualTo(4);
        assertThat(letters.get(0).reason()).isEqualTo("IllegalStateException: no submission for case case-k");
        assertThat(letters.get(0).lastFailedAt()).isEqualTo(fixture.clock.instant());
        assertThat(letters.get(1).attempts()).isZero();
    }

    @Test
    void replayAfterTheFix_publishesTheKeysEventsInOrder_withTheirOriginalIds_andDeletesTheLetters() {
        List<TrackedEventMessage<?>> events = parkCaseK();
        fixture.unmappable.clear();

        ReplayResult result = replay.replay("case-k");

        assertThat(result).isEqualTo(new ReplayResult(2, 0, 0));
        assertThat(fixture.sends).extracting(Send::ceId)
                .containsExactly(events.get(0).getIdentifier(), events.get(2).getIdentifier());
        assertThat(replay.list(null)).isEmpty();
        assertThat(replay.replay("case-k")).as("again: nothing to do").isEqualTo(new ReplayResult(0, 0, 0));
    }

    @Test
    void letterTheRestOfItsKeyWaitsFor_failingInReplay_keepsTheRestParked_whileOtherKeysAreReplayed() {
        parkCaseK();
        fixture.unmappable.add("case-m");
        List<TrackedEventMessage<?>> others = store("case-m", "case-m");
        for (int attempt = 1; attempt <= 4; attempt++) {
            processBatch(publisher, others);
        }
        fixture.unmappable.remove("case-m");

        ReplayResult result = replay.replay(null);

        assertThat(result).isEqualTo(new ReplayResult(2, 1, 2));
        assertThat(fixture.sentSubjects()).containsExactly("case-m", "case-m");
        assertThat(replay.list(null)).extracting(PublisherDeadLetter::sequenceKey).containsExactly("case-k", "case-k");
    }

    @Test
    void waitingLetterStoredDuringAReplay_isReplayedByIt_beforeItEnds() {
        List<TrackedEventMessage<?>> events = parkCaseK();
        fixture.unmappable.clear();
        List<TrackedEventMessage<?>> later = store("case-k");
        // while the replay publishes case-k's first letter, the publisher (still believing case-k parked) stores the
        // next event of case-k as waiting and sees an earlier letter: it leaves the event to the replay
        fixture.acks = send -> {
            if (send.ceId().equals(events.get(0).getIdentifier())) {
                fixture.letters.insert(new PublisherDeadLetter(later.get(0).getIdentifier(), "case-k", "TestCase", 2L,
                        IntegrationEventPublisher.globalIndex(later.get(0)), Happened.class.getName(), State.WAITING,
                        null, 0, null, null, fixture.clock.instant()));
            }
            return CompletableFuture.completedFuture("ok");
        };

        ReplayResult result = replay.replay("case-k");

        assertThat(result).isEqualTo(new ReplayResult(3, 0, 0));
        assertThat(fixture.sends).extracting(Send::ceId).containsExactly(events.get(0).getIdentifier(),
                events.get(2).getIdentifier(), later.get(0).getIdentifier());
    }

    @Test
    void brokerDownDuringAReplay_endsIt_andLeavesTheRestAsItWas() {
        parkCaseK();
        fixture.unmappable.add("case-m");
        List<TrackedEventMessage<?>> others = store("case-m");
        for (int attempt = 1; attempt <= 4; attempt++) {
            processBatch(publisher, others);
        }
        fixture.unmappable.clear();
        fixture.acks = send -> CompletableFuture.failedFuture(new TimeoutException("Topic not present in metadata"));

        ReplayResult result = replay.replay(null);

        assertThat(result).isEqualTo(new ReplayResult(0, 1, 3));
        assertThat(fixture.sends).hasSize(1);
        assertThat(replay.list("case-m").get(0).attempts()).as("not tried").isEqualTo(3);
        assertThat(replay.list("case-k").get(0).reason())
                .startsWith("TimeoutException: Topic not present in metadata (Kafka did not accept");
    }

    @Test
    void replayOfAKeyWithNothingParked_doesNothing() {
        parkCaseK();

        assertThat(replay.replay("case-unknown")).isEqualTo(new ReplayResult(0, 0, 0));
        assertThat(replay.list("case-unknown")).isEmpty();
        assertThat(fixture.letters.count((String) null)).isEqualTo(2);
    }
}
