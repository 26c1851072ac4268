package org.pledge.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.platform.messaging.consume.InboundMessageStore;
import org.pledge.platform.messaging.consume.InboundMessageStore.Outcome;
import org.pledge.testsupport.infra.MemoryMongo;
import org.pledge.testsupport.time.MutableClock;

class InboundMessageStoreTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private MongoCollection<Document> collection;
    private InboundMessageStore store;

    @BeforeEach
    void freshCollection() {
        collection = MONGO.database("dedup").getCollection("inbound_messages");
        collection.drop();
        store = new InboundMessageStore(collection, clock, Duration.ofMinutes(5));
        store.ensureIndexes(); // as the platform does: completing a claim goes through the {_id, claimToken} index
    }

    @Test
    void theCompleteIndex_isUniqueOnIdAndClaimToken_soMongoJavaServerLooksItUp() {
        assertThat(collection.listIndexes()).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(new Document("_id", 1).append("claimToken", 1));
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void completedMessage_isADuplicateOnRedelivery() {
        InboundMessageStore.Claim first = store.claim("caseEvents", "evt-1");
        first.complete();

        assertThat(first.outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(store.claim("caseEvents", "evt-1").outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void sameId_forAnotherConsumer_isNotADuplicate() {
        store.claim("caseEvents", "evt-1").complete();

        assertThat(store.claim("auditEvents", "evt-1").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void liveClaim_blocksConcurrentDelivery() {
        store.claim("caseEvents", "evt-1");

        assertThat(store.claim("caseEvents", "evt-1").outcome()).isEqualTo(Outcome.IN_PROGRESS);
    }

    @Test
    void expiredLease_isTakenOver_andOnlyTheNewOwnerCompletes() {
        InboundMessageStore.Claim stale = store.claim("caseEvents", "evt-1");
        clock.advance(Duration.ofMinutes(6));

        InboundMessageStore.Claim fresh = store.claim("caseEvents", "evt-1");
        stale.release(); // the old owner wakes up and fails: must not drop the new owner's claim

        assertThat(fresh.outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(store.claim("caseEvents", "evt-1").outcome()).isEqualTo(Outcome.IN_PROGRESS);
        fresh.complete();
        assertThat(store.claim("caseEvents", "evt-1").outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void releasedClaim_letsTheRetryRun() {
        store.claim("caseEvents", "evt-1").release();

        assertThat(store.claim("caseEvents", "evt-1").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void purge_deletesOnlyRecordsOlderThanRetention() {
        store.claim("caseEvents", "old").complete();
        clock.advance(Duration.ofDays(6));
        store.claim("caseEvents", "recent").complete();
        clock.advance(Duration.ofDays(2));

        long deleted = store.purge(Duration.ofDays(7));

        assertThat(deleted).isEqualTo(1);
        assertThat(store.claim("caseEvents", "recent").outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.claim("caseEvents", "old").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void concurrentDeliveries_ofTheSameId_yieldExactlyOneClaim() throws Exception {
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Outcome>> results = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return store.claim("caseEvents", "evt-race").outcome();
            }));
        }
        start.countDown();
        java.util.List<Outcome> outcomes = new java.util.ArrayList<>();
        for (var result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o == Outcome.CLAIMED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.IN_PROGRESS).hasSize(threads - 1);
    }
}
