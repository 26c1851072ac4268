package org.pledge.platform.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledge.platform.messaging.publish.PublisherFixture.event;
import static org.pledge.platform.messaging.publish.PublisherFixture.processBatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoTimeoutException;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.platform.messaging.publish.IntegrationEventPublisher.IntegrationEventPublishingException;
import org.pledge.platform.messaging.publish.IntegrationEventPublisher.TransientPublishingException;
import org.pledge.platform.messaging.publish.PublisherDeadLetter.State;
import org.pledge.platform.messaging.publish.PublisherFixture.Outcome;
import org.pledge.platform.messaging.publish.PublisherFixture.Send;
import org.pledge.testsupport.infra.MemoryMongo;

class IntegrationEventPublisherTest {

    private final List<String> commands = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (!List.of("hello", "isMaster", "ismaster", "ping", "endSessions").contains(event.getCommandName())) {
                commands.add(event.getCommandName());
            }
        }
    });
    private PublisherFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PublisherFixture(mongo.database("publisher-test"));
        commands.clear();
    }

    private static List<TrackedEventMessage<?>> events(long firstIndex, String... caseIds) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < caseIds.length; i++) {
            events.add(event(firstIndex + i, caseIds[i], 0));
        }
        return events;
    }

    // --- one wait per batch, at-least-once (as before dead letters) ---

    @Test
    void batch_sendsEveryRecordFirst_thenWaitsOnce_beforeTheTokenIsStored() {
        int size = 50;
        // nothing is acknowledged before the whole batch was handed over: a handler that waited earlier would time out
        fixture.acks = send -> {
            if (fixture.sends.size() == size) {
                CompletableFuture.runAsync(() -> fixture.sends.forEach(s -> s.acknowledged().complete("ok")),
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            }
            return new CompletableFuture<>();
        };
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(event(i, "case-" + i, 0));
        }
        List<Boolean> allAcknowledgedAtTokenWrite = new ArrayList<>();
        IntegrationEventPublisher publisher = fixture.publisher(PublisherFixture.timeout(Duration.ofSeconds(10)),
                Clock.systemUTC());

        Outcome outcome = processBatchCheckingAcks(publisher, batch, allAcknowledgedAtTokenWrite, size);

        assertThat(outcome.failed()).as("%s", outcome.result().optionalExceptionResult()).isFalse();
        assertThat(allAcknowledgedAtTokenWrite).containsExactly(true);
        assertThat(fixture.sentSubjects()).containsExactlyElementsOf(
                batch.stream().map(e -> ((PublisherFixture.Happened) e.getPayload()).caseId()).toList());
    }

    private Outcome processBatchCheckingAcks(IntegrationEventPublisher publisher, List<TrackedEventMessage<?>> events,
                                             List<Boolean> allAcknowledged, int size) {
        var batch = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<EventMessage<?>>(
                new ArrayList<>(events));
        batch.onPrepareCommit(u -> allAcknowledged.add(fixture.sends.size() == size
                && fixture.sends.stream().allMatch(s -> s.acknowledged().isDone())));
        var result = batch.executeWithResult(() -> new org.pledge.platform.readmodel.BatchEndTasks().handle(batch, () -> {
            EventMessage<?> event = batch.getMessage();
            publisher.on(event.getPayload(), event);
            return null;
        }));
        return new Outcome(result, !allAcknowledged.isEmpty());
    }

    @Test
    void recordFailingAfterItWasHandedOver_failsTheWholeBatch_andTheTokenIsNotStored() {
        fixture.acks = send -> send.subject().equals("case-b")
                ? CompletableFuture.supplyAsync(() -> {
                    throw new RecordTooLargeException("too large for the topic");
                }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))
                : CompletableFuture.completedFuture("ok");

        Outcome outcome = processBatch(fixture.publisher(), events(0, "case-a", "case-b", "case-c"));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failure()).isInstanceOf(IntegrationEventPublishingException.class)
                .isNotInstanceOf(TransientPublishingException.class)
                .hasMessageContaining("failed attempt 1 of 3")
                .hasCauseInstanceOf(RecordTooLargeException.class);
        assertThat(fixture.sends).hasSize(3);
        assertThat(outcome.tokenStored()).isFalse();
    }

    @Test
    void recordRefusedAtOnce_failsTheBatch_beforeAnyLaterEventIsHandedOver() {
        fixture.acks = send -> send.subject().equals("case-b")
                ? CompletableFuture.failedFuture(new RecordTooLargeException("too large for the producer"))
                : CompletableFuture.completedFuture("ok");

        Outcome outcome = processBatch(fixture.publisher(), events(0, "case-a", "case-b", "case-c"));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failure()).hasCauseInstanceOf(RecordTooLargeException.class);
        assertThat(fixture.sentSubjects()).containsExactly("case-a", "case-b");
        assertThat(outcome.tokenStored()).isFalse();
    }

    @Test
    void recordNotAcknowledgedWithinTheTimeout_failsTheBatchAsTransient_andTheTokenIsNotStored() {
        fixture.acks = send -> send.subject().equals("case-a")
                ? CompletableFuture.completedFuture("ok") : new CompletableFuture<>();
        IntegrationEventPublisher publisher = fixture.publisher(PublisherFixture.timeout(Duration.ofMillis(300)),
                Clock.systemUTC());

        Outcome outcome = processBatch(publisher, events(0, "case-a", "case-b", "case-c"));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failure()).isInstanceOf(TransientPublishingException.class)
                .hasMessageContaining("did not acknowledge").hasMessageContaining("2 record(s)")
                .hasMessageContaining("PT0.3S");
        assertThat(outcome.tokenStored()).isFalse();
    }

    @Test
    void outsideAUnitOfWork_eachRecordIsSentAndWaitedFor() {
        fixture.acks = send -> send.subject().equals("case-a")
                ? CompletableFuture.supplyAsync(() -> "ok", CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                : CompletableFuture.failedFuture(new RecordTooLargeException("too large for the topic"));
        IntegrationEventPublisher publisher = fixture.publisher();
        EventMessage<?> first = event(0, "case-a", 0);

        publisher.on(first.getPayload(), first);

        assertThat(fixture.sends.get(0).acknowledged()).isCompleted();
        EventMessage<?> second = event(1, "case-b", 0);
        assertThatThrownBy(() -> publisher.on(second.getPayload(), second))
                .isInstanceOf(IntegrationEventPublishingException.class)
                .hasCauseInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void settings_mustBeSensible() {
        assertThatThrownBy(() -> PublisherFixture.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntegrationEventPublisher.Settings(Duration.ofSeconds(1), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- poison events: parked after max-attempts permanent failures ---

    @Test
    void eventThatCannotBeMapped_failsTheBatchThreeTimes_thenIsParkedBeforeItIsMapped_andTheStreamMovesOn() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.unmappable.add("case-k");
        List<TrackedEventMessage<?>> batch = events(10, "case-a", "case-k", "case-b");

        for (int attempt = 1; attempt <= 3; attempt++) {
            Outcome outcome = processBatch(publisher, batch);
            assertThat(outcome.failed()).as("attempt %d", attempt).isTrue();
            assertThat(outcome.tokenStored()).isFalse();
            assertThat(outcome.failure()).hasMessageContaining("failed attempt " + attempt + " of 3")
                    .hasCauseInstanceOf(IllegalStateException.class);
            fixture.clock.advance(Duration.ofSeconds(attempt));
        }
        assertThat(fixture.letters.oldestFirst((String) null, 10)).isEmpty();
        Outcome fourth = processBatch(publisher, batch);

        assertThat(fourth.failed()).as("%s", fourth.result().optionalExceptionResult()).isFalse();
        assertThat(fourth.tokenStored()).isTrue();
        assertThat(fixture.unmappableMapped.get()).as("not mapped at the attempt that parks it").isEqualTo(3);
        // case-b was never reached while case-k failed: the batch stopped at case-k each time
        assertThat(fixture.sentSubjects()).containsExactly("case-a", "case-a", "case-a", "case-a", "case-b");
        PublisherDeadLetter letter = fixture.letters.find(batch.get(1).getIdentifier());
        assertThat(letter).isNotNull();
        assertThat(letter.state()).isEqualTo(State.FAILED);
        assertThat(letter.reason()).isEqualTo("IllegalStateException: no submission for case case-k");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.sequenceKey()).isEqualTo("case-k");
        assertThat(letter.aggregateType()).isEqualTo("TestCase");
        assertThat(letter.sequenceNumber()).isZero();
        assertThat(letter.globalIndex()).isEqualTo(11L);
        assertThat(letter.payloadType()).isEqualTo(PublisherFixture.Happened.class.getName());
        // first failure at 10:00:00, the third one 1 + 2 s later; parked 3 s after that
        assertThat(letter.firstFailedAt()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(letter.lastFailedAt()).isEqualTo("2026-12-01T10:00:03Z");
        assertThat(letter.parkedAt()).isEqualTo("2026-12-01T10:00:06Z");
    }

    @Test
    void recordTheBrokerRefuses_isParkedAfterThreeAttempts_withTheBrokersReason() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.acks = send -> send.subject().equals("case-k")
                ? CompletableFuture.supplyAsync(() -> {
                    throw new RecordTooLargeException("The request included a message larger than the max message"
                            + " size the server will accept.");
                }, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS))
                : CompletableFuture.completedFuture("ok");
        List<TrackedEventMessage<?>> batch = events(0, "case-a", "case-k", "case-b");

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(processBatch(publisher, batch).failed()).isTrue();
        }
        Outcome fourth = processBatch(publisher, batch);

        assertThat(fourth.failed()).isFalse();
        assertThat(fixture.sends.stream().filter(s -> s.subject().equals("case-k"))).hasSize(3);
        PublisherDeadLetter letter = fixture.letters.find(batch.get(1).getIdentifier());
        assertThat(letter.state()).isEqualTo(State.FAILED);
        assertThat(letter.reason()).startsWith("RecordTooLargeException: The request included a message larger");
        assertThat(letter.attempts()).isEqualTo(3);
    }

    @Test
    void laterEventsOfAParkedKey_areParkedAsWaiting_notSent_whileOtherKeysFlow() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.unmappable.add("case-k");
        // case-k's first event fails; in the same batch its second event comes later
        List<TrackedEventMessage<?>> batch = List.of(event(0, "case-a", 0), event(1, "case-k", 0),
                event(2, "case-b", 0), event(3, "case-k", 1));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(processBatch(publisher, batch).failed()).isTrue();
        }
        assertThat(processBatch(publisher, batch).failed()).isFalse();
        fixture.unmappable.clear(); // case-k's later events would map fine: they wait all the same
        Outcome next = processBatch(publisher, List.of(event(4, "case-k", 2), event(5, "case-c", 0)));

        assertThat(next.failed()).isFalse();
        assertThat(fixture.sends).noneMatch(s -> s.subject().equals("case-k"));
        assertThat(fixture.sentSubjects()).endsWith("case-a", "case-b", "case-c");
        assertThat(fixture.letters.oldestFirst("case-k", 10))
                .extracting(PublisherDeadLetter::sequenceNumber, PublisherDeadLetter::state,
                        PublisherDeadLetter::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, State.FAILED,
                                "IllegalStateException: no submission for case case-k"),
                        org.assertj.core.groups.Tuple.tuple(1L, State.WAITING, null),
                        org.assertj.core.groups.Tuple.tuple(2L, State.WAITING, null));
        assertThat(fixture.letters.count(State.FAILED)).isEqualTo(1);
        assertThat(fixture.letters.count(State.WAITING)).isEqualTo(2);
    }

    @Test
    void aRetriedBatchAfterParking_parksNothingTwice_andSendsNothingOfTheParkedKey() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.unmappable.add("case-k");
        List<TrackedEventMessage<?>> batch = List.of(event(0, "case-k", 0), event(1, "case-k", 1),
                event(2, "case-z", 0));
        for (int attempt = 1; attempt <= 3; attempt++) {
            processBatch(publisher, batch);
        }
        // the parking attempt fails on something else (the broker times out on case-z): retried as a whole
        fixture.acks = send -> CompletableFuture.failedFuture(new TimeoutException("Expiring 1 record(s)"));
        assertThat(processBatch(publisher, batch).failure()).isInstanceOf(TransientPublishingException.class);
        fixture.acks = send -> CompletableFuture.completedFuture("ok");

        Outcome again = processBatch(publisher, batch);

        assertThat(again.failed()).isFalse();
        assertThat(fixture.letters.oldestFirst("case-k", 10)).extracting(PublisherDeadLetter::state)
                .containsExactly(State.FAILED, State.WAITING);
        assertThat(fixture.sends).noneMatch(s -> s.subject().equals("case-k"));
        assertThat(fixture.unmappableMapped.get()).isEqualTo(3);
    }

    // --- transient failures block, never park ---

    @Test
    void brokerTimingOut_neverParks_andFailsEveryAttempt_untilItAnswers() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.acks = send -> CompletableFuture.supplyAsync(() -> {
            throw new TimeoutException("Expiring 1 record(s) for pledge.test.v1-0: 120000 ms has passed");
        }, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS));
        List<TrackedEventMessage<?>> batch = events(0, "case-a", "case-b");

        for (int attempt = 1; attempt <= 6; attempt++) {
            Outcome outcome = processBatch(publisher, batch);
            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.tokenStored()).isFalse();
            assertThat(outcome.failure()).isInstanceOf(TransientPublishingException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        assertThat(fixture.letters.count((String) null)).isZero();
        fixture.acks = send -> CompletableFuture.completedFuture("ok");

        Outcome healed = processBatch(publisher, batch);

        assertThat(healed.failed()).isFalse();
        assertThat(fixture.sends).hasSize(14);
        assertThat(fixture.letters.count((String) null)).isZero();
    }

    @Test
    void acknowledgementTimeOuts_neverPark() {
        IntegrationEventPublisher publisher = fixture.publisher(PublisherFixture.timeout(Duration.ofMillis(50)),
                Clock.systemUTC());
        fixture.acks = send -> new CompletableFuture<>();
        List<TrackedEventMessage<?>> batch = events(0, "case-a");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(processBatch(publisher, batch).failure()).isInstanceOf(TransientPublishingException.class);
        }

        assertThat(fixture.letters.count((String) null)).isZero();
    }

    @Test
    void mapperFailingOnItsDatabase_neverParks() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.mapperFailure = new MongoTimeoutException("Timed out while waiting for a server");
        List<TrackedEventMessage<?>> batch = events(0, "case-a");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(processBatch(publisher, batch).failure()).isInstanceOf(TransientPublishingException.class)
                    .hasCauseInstanceOf(MongoTimeoutException.class);
        }
        fixture.mapperFailure = null;

        assertThat(processBatch(publisher, batch).failed()).isFalse();
        assertThat(fixture.letters.count((String) null)).isZero();
        assertThat(fixture.sentSubjects()).containsExactly("case-a");
    }

    // --- the parked keys in memory, and the protocol with replays ---

    @Test
    void eventsOfKeysThatAreNotParked_costNoMongoCommand_butAReadOfTheParkedKeysPerSecond_orAfterAJump() {
        IntegrationEventPublisher publisher = fixture.publisher();
        List<TrackedEventMessage<?>> first = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            first.add(event(i, "case-" + i, 0));
        }

        processBatch(publisher, first);
        assertThat(commands).as("the first event reads the parked keys once").containsExactly("distinct");

        commands.clear();
        fixture.clock.advance(Duration.ofMillis(999));
        processBatch(publisher, List.of(event(100, "case-100", 0), event(101, "case-101", 0)));
        assertThat(commands).as("successors within the second").isEmpty();

        fixture.clock.advance(Duration.ofMillis(1));
        processBatch(publisher, List.of(event(102, "case-102", 0), event(103, "case-103", 0)));
        assertThat(commands).as("a second later").containsExactly("distinct");

        commands.clear();
        processBatch(publisher, List.of(event(110, "case-110", 0)));
        assertThat(commands).as("not the successor: another instance may have parked events").containsExactly("distinct");
        assertThat(fixture.sends).hasSize(105);
    }

    @Test
    void keyDrainedByAReplay_butStillBelievedParked_isSettledWithOneLookUp_andItsEventIsPublished() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.unmappable.add("case-k");
        List<TrackedEventMessage<?>> batch = List.of(event(0, "case-k", 0));
        for (int attempt = 1; attempt <= 4; attempt++) {
            processBatch(publisher, batch);
        }
        assertThat(fixture.letters.count("case-k")).isOne();
        // the mapper was fixed, and a replay (on this or another instance) published case-k's letter and deleted it
        fixture.unmappable.clear();
        fixture.letters.delete(batch.get(0).getIdentifier());
        commands.clear();

        // the next events of case-k, successors within the second: the copy in memory still says "parked"
        List<TrackedEventMessage<?>> next = List.of(event(1, "case-k", 1), event(2, "case-k", 2));
        Outcome outcome = processBatch(publisher, next);

        assertThat(outcome.failed()).isFalse();
        assertThat(commands).as("store as waiting, look for an earlier letter, none: delete, publish; then no more")
                .containsExactly("insert", "find", "delete");
        assertThat(fixture.sends).extracting(Send::ceId)
                .containsExactly(next.get(0).getIdentifier(), next.get(1).getIdentifier());
        assertThat(fixture.sentSubjects()).containsExactly("case-k", "case-k");
        assertThat(fixture.letters.count("case-k")).isZero();
    }

    @Test
    void keyBelievedParked_withAnEarlierLetterStillThere_waits() {
        IntegrationEventPublisher publisher = fixture.publisher();
        fixture.unmappable.add("case-k");
        List<TrackedEventMessage<?>> poison = List.of(event(0, "case-k", 0));
        for (int attempt = 1; attempt <= 4; attempt++) {
            processBatch(publisher, poison);
        }
        commands.clear();

        Outcome outcome = processBatch(publisher, List.of(event(1, "case-k", 1)));

        assertThat(outcome.failed()).isFalse();
        assertThat(commands).containsExactly("insert", "find");
        assertThat(fixture.sends).isEmpty();
        assertThat(fixture.letters.oldestFirst("case-k", 10)).extracting(PublisherDeadLetter::state)
                .containsExactly(State.FAILED, State.WAITING);
    }

    @Test
    void eventParkedByAnotherInstance_staysParked_whenThisInstanceMeetsItAgain() {
        TrackedEventMessage<?> poison = event(7, "case-k", 0);
        // instance A parked it, then lost the segment before its batch was committed
        fixture.unmappable.add("case-k");
        IntegrationEventPublisher instanceA = fixture.publisher();
        for (int attempt = 1; attempt <= 3; attempt++) {
            processBatch(instanceA, List.of(poison));
        }
        fixture.acks = send -> CompletableFuture.failedFuture(new TimeoutException("broker gone"));
        assertThat(processBatch(instanceA, List.of(poison, event(8, "case-z", 0))).failed()).isTrue();
        fixture.acks = send -> CompletableFuture.completedFuture("ok");
        PublisherDeadLetter parked = fixture.letters.find(poison.getIdentifier());
        assertThat(parked.state()).isEqualTo(State.FAILED);
        int mapped = fixture.unmappableMapped.get();

        IntegrationEventPublisher instanceB = fixture.publisher();
        Outcome outcome = processBatch(instanceB, List.of(poison, event(8, "case-z", 0)));

        assertThat(outcome.failed()).isFalse();
        assertThat(fixture.unmappableMapped.get()).isEqualTo(mapped);
        assertThat(fixture.letters.find(poison.getIdentifier())).isEqualTo(parked);
        assertThat(fixture.sentSubjects()).endsWith("case-z");
    }

    @Test
    void eventWithoutAggregate_isItsOwnKey() {
        IntegrationEventPublisher publisher = fixture.publisher();
        EventMessage<?> plain = GenericEventMessage.asEventMessage(new PublisherFixture.Happened("case-x", 0));

        assertThat(IntegrationEventPublisher.sequenceKey(plain)).isEqualTo(plain.getIdentifier());
        assertThat(IntegrationEventPublisher.sequenceKey(event(0, "case-k", 0))).isEqualTo("case-k");
        assertThat(IntegrationEventPublisher.globalIndex(event(42, "case-k", 0))).isEqualTo(42L);
        assertThat(IntegrationEventPublisher.globalIndex(plain)).isNull();
        publisher.on(plain.getPayload(), plain);
        assertThat(fixture.sentSubjects()).containsExactly("case-x");
    }
}
