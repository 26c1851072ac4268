package org.pledge.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.audit.Checkpoint;
import org.pledge.testsupport.infra.MemoryMongo;

class CheckpointOutboxTest {

    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo();

    private AuditFixture audit;
    private final List<Checkpoint> sent = new ArrayList<>();
    private CheckpointPublisher broker;
    private CheckpointOutbox outbox;

    @BeforeEach
    void setUp() {
        audit = new AuditFixture(mongo.database("audit"), AuditFixture.newSigner(), 3, 100);
        broker = checkpoint -> {
            sent.add(checkpoint);
            return CompletableFuture.completedFuture(null);
        };
        outbox = new CheckpointOutbox(audit.chainer, audit.checkpoints, () -> broker, audit.clock,
                Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void tick_sendsWhatIsUnpublished_oldestFirst_andMarksIt() {
        audit.append(7);
        audit.chainer.chainUpTo(7); // checkpoints at 3 and 6

        assertThat(outbox.tick()).isEqualTo(2);

        assertThat(sent).extracting(Checkpoint::sequence).containsExactly(3L, 6L);
        assertThat(audit.checkpoints.unpublished(10)).isEmpty();
        assertThat(audit.checkpoints.latest()).get().satisfies(latest -> {
            assertThat(latest.published()).isTrue();
            assertThat(latest.publishedAt()).isEqualTo(AuditFixture.T0);
        });
        assertThat(outbox.tick()).isZero();
        assertThat(sent).hasSize(2);
    }

    @Test
    void tick_signsTheTimeBasedCheckpoint_andPublishesIt() {
        audit.append(2);
        audit.chainer.chainUpTo(2);
        audit.clock.advance(Duration.ofSeconds(61));

        outbox.tick();

        assertThat(sent).extracting(Checkpoint::sequence).containsExactly(2L);
    }

    @Test
    void aRefusedSend_marksNothing_backsOff_andIsSentAgainLater() {
        audit.append(3);
        audit.chainer.chainUpTo(3);
        broker = checkpoint -> CompletableFuture.failedFuture(new IllegalStateException("broker down (simulated)"));

        assertThat(outbox.tick()).isZero();
        assertThat(audit.checkpoints.unpublished(10)).hasSize(1);

        broker = checkpoint -> {
            sent.add(checkpoint);
            return CompletableFuture.completedFuture(null);
        };
        assertThat(outbox.tick()).as("within the back-off").isZero();
        audit.clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.tick()).isEqualTo(1);
        assertThat(sent).extracting(Checkpoint::sequence).containsExactly(3L);
    }

    @Test
    void anUnacknowledgedSend_timesOut_andStaysUnpublished() {
        audit.append(3);
        audit.chainer.chainUpTo(3);
        broker = checkpoint -> new CompletableFuture<>();
        outbox = new CheckpointOutbox(audit.chainer, audit.checkpoints, () -> broker, audit.clock,
                Duration.ofSeconds(1), Duration.ofMillis(50));

        assertThat(outbox.tick()).isZero();

        assertThat(audit.checkpoints.unpublished(10)).hasSize(1);
    }

    @Test
    void withoutAPublisher_checkpointsWaitUnpublished() {
        outbox = new CheckpointOutbox(audit.chainer, audit.checkpoints, () -> null, audit.clock,
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        audit.append(3);
        audit.chainer.chainUpTo(3);

        assertThat(outbox.tick()).isZero();
        assertThat(audit.checkpoints.unpublished(10)).hasSize(1);
    }

    @Test
    void lifecycle_startsAndStopsItsThread() {
        outbox.start();
        assertThat(outbox.isRunning()).isTrue();
        outbox.stop();
        assertThat(outbox.isRunning()).isFalse();
    }
}
