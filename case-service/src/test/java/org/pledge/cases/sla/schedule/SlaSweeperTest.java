package org.pledge.cases.sla.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoCollection;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.cases.casefile.api.MarkCaseAtRiskCommand;
import org.pledge.cases.casefile.api.MarkServiceStandardBreachedCommand;
import org.pledge.testsupport.infra.MemoryMongo;
import org.pledge.testsupport.time.MutableClock;

/** The sweep's claims on mongo-java-server, with a clock the test moves and a real (local) Axon command bus. */
class SlaSweeperTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instant AT_RISK = T0.plus(Duration.ofMinutes(48));
    private static final Instant DEADLINE = T0.plus(Duration.ofHours(1));
    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private final MutableClock clock = new MutableClock(T0);
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private MongoCollection<Document> collection;
    private SlaClocks clocks;
    private CommandGateway gateway;

    @BeforeEach
    void fresh() {
        collection = MONGO.database("sla").getCollection(SlaClocks.COLLECTION);
        collection.drop();
        clocks = new SlaClocks(collection);
        clocks.ensureIndexes();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(MarkCaseAtRiskCommand.class.getName(), m -> {
            actors.add(String.valueOf(m.getMetaData().get("actor")));
            return record(m.getPayload());
        });
        bus.subscribe(MarkServiceStandardBreachedCommand.class.getName(), m -> record(m.getPayload()));
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private final List<String> actors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Object record(Object command) {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        sent.add(command);
        return null;
    }

    private SlaSweeper sweeper(String instance, int batchSize) {
        return new SlaSweeper(clocks, gateway, clock, instance, batchSize, LEASE);
    }

    private void started(String caseId) {
        clocks.start(caseId, 0, SlaClock.started(AT_RISK, DEADLINE));
    }

    @Test
    void sweep_sendsNothing_beforeAtRisk() {
        started("c1");
        clock.set(AT_RISK.minusMillis(1));

        assertThat(sweeper("a", 10).sweep()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void sweep_sendsAtRisk_whenAtRiskIsDue() {
        started("c1");
        clock.set(AT_RISK);

        sweeper("a", 10).sweep();

        assertThat(sent).containsExactly(new MarkCaseAtRiskCommand("c1", AT_RISK, AT_RISK));
        assertThat(actors).containsExactly(SlaSweeper.SWEEP_ACTOR);
    }

    @Test
    void sweep_sendsBreachOnly_whenDeadlinePassedBeforeAtRiskFired() {
        started("c1");
        clock.set(DEADLINE.plusSeconds(5));

        sweeper("a", 10).sweep();

        assertThat(sent).containsExactly(new MarkServiceStandardBreachedCommand("c1", DEADLINE, DEADLINE.plusSeconds(5)));
    }

    @Test
    void sweep_sendsBreach_afterAtRiskWasRecorded() {
        started("c1");
        clocks.apply("c1", 1, SlaClock::markedAtRisk);
        clock.set(DEADLINE);

        sweeper("a", 10).sweep();

        assertThat(sent).containsExactly(new MarkServiceStandardBreachedCommand("c1", DEADLINE, DEADLINE));
    }

    @Test
    void claimedClock_isNotSentByAnotherInstance_untilTheLeaseExpires() {
        started("c1");
        clock.set(AT_RISK);
        sweeper("a", 10).sweep();

        SlaSweeper other = sweeper("b", 10);
        other.sweep();
        clock.advance(LEASE.minusMillis(1));
        other.sweep();
        assertThat(sent).hasSize(1);

        clock.advance(Duration.ofMillis(1)); // the first instance died with the claim: taken over
        other.sweep();
        assertThat(sent).hasSize(2);
        assertThat(collection.find().first()).containsEntry(SlaClockDocument.CLAIMED_BY, "b");
    }

    @Test
    void claim_succeedsOnce_forTwoInstancesAtTheSameInstant() {
        started("c1");

        assertThat(clocks.claim("c1", AT_RISK, "a", LEASE)).isPresent();
        assertThat(clocks.claim("c1", AT_RISK, "b", LEASE)).isEmpty();
    }

    @Test
    void clockChange_clearsTheClaim_soTheNextMarkerIsSweptAtOnce() {
        started("c1");
        clock.set(DEADLINE);
        clocks.claim("c1", AT_RISK, "a", LEASE);

        clocks.apply("c1", 1, SlaClock::markedAtRisk); // the at-risk event arrives
        sweeper("b", 10).sweep();

        assertThat(sent).containsExactly(new MarkServiceStandardBreachedCommand("c1", DEADLINE, DEADLINE));
    }

    @Test
    void failedSend_releasesTheClaim_andTheNextSweepRetries() {
        started("c1");
        clock.set(AT_RISK);
        failure.set(new IllegalStateException("command bus down"));
        SlaSweeper sweeper = sweeper("a", 10);

        assertThat(sweeper.sweep()).isZero();
        assertThat(collection.find().first()).doesNotContainKey(SlaClockDocument.CLAIMED_BY);

        failure.set(null);
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(sent).containsExactly(new MarkCaseAtRiskCommand("c1", AT_RISK, AT_RISK));
    }

    @Test
    void concurrencyConflict_releasesTheClaim_withoutBreakingTheSweep() {
        started("c1");
        started("c2");
        clock.set(AT_RISK);
        failure.set(new ConcurrencyException("another instance appended first"));

        assertThat(sweeper("a", 10).sweep()).isZero();
        assertThat(clocks.due(AT_RISK, 10)).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void pausedOrClosedOrFiredClock_isNeverDue() {
        started("paused");
        clocks.apply("paused", 3, SlaClock::pause);
        started("closed");
        clocks.apply("closed", 3, c -> c.close(null));
        started("done");
        clocks.apply("done", 3, SlaClock::markedAtRisk);
        clocks.apply("done", 4, SlaClock::breached);
        clock.set(DEADLINE.plus(Duration.ofDays(30)));

        sweeper("a", 10).sweep();

        assertThat(sent).isEmpty();
        assertThat(collection.find(new Document("_id", "paused")).first().get(SlaClockDocument.NEXT_DUE_AT)).isNull();
    }

    @Test
    void sweep_isBoundedByTheBatchSize_earliestFirst() {
        for (int i = 0; i < 5; i++) {
            clocks.start("c" + i, 0, SlaClock.started(AT_RISK.minusSeconds(i), DEADLINE));
        }
        clock.set(AT_RISK);
        SlaSweeper sweeper = sweeper("a", 2);

        assertThat(sweeper.sweep()).isEqualTo(2);
        assertThat(sent).extracting(c -> ((MarkCaseAtRiskCommand) c).caseId()).containsExactly("c4", "c3");
        sweeper.sweep();
        sweeper.sweep();
        assertThat(sent).hasSize(5);
    }

    @Test
    void dueInstant_isRoundedUpToTheMillisecond_soTheSweepIsNeverEarly() {
        Instant atRiskWithNanos = AT_RISK.plusNanos(1_500);
        clocks.start("c1", 0, SlaClock.started(atRiskWithNanos, DEADLINE));

        clock.set(AT_RISK);
        sweeper("a", 10).sweep();
        assertThat(sent).isEmpty();

        clock.set(AT_RISK.plusMillis(1));
        sweeper("a", 10).sweep();
        assertThat(sent).hasSize(1);
    }
}
