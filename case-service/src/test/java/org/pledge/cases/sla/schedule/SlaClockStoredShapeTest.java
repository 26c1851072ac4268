package org.pledge.cases.sla.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.testsupport.infra.MemoryMongo;

/**
 * {@code sla_clocks} keeps the shape the earlier code wrote with raw documents (written out by hand below): a clock
 * stored by it is read, claimed and changed; a new clock is stored with the same fields and BSON types, its nulls
 * left out instead of stored as BSON null.
 */
class SlaClockStoredShapeTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instant AT_RISK = T0.plus(Duration.ofMinutes(48));
    private static final Instant DEADLINE = T0.plus(Duration.ofHours(1));

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private MongoCollection<Document> raw;
    private SlaClocks clocks;

    @BeforeEach
    void fresh() {
        raw = MONGO.database("sla-shape").getCollection(SlaClocks.COLLECTION);
        raw.drop();
        clocks = new SlaClocks(raw);
        clocks.ensureIndexes();
    }

    private static Document earlierShape(String caseId, boolean paused) {
        return new Document("_id", caseId).append("atRiskAt", Date.from(AT_RISK)).append("deadline", Date.from(DEADLINE))
                .append("paused", paused).append("closed", false).append("atRiskFired", false).append("breachFired", false)
                .append("nextDueAt", paused ? null : Date.from(AT_RISK)).append("kind", paused ? null : "AT_RISK")
                .append("seq", 0L);
    }

    @Test
    void aClockTheEarlierCodeStored_isRead_claimed_andChanged() {
        raw.insertOne(earlierShape("due", false).append("claimedBy", "old-instance").append("claimedUntil", Date.from(T0)));
        raw.insertOne(earlierShape("paused", true));

        assertThat(clocks.find("due")).contains(SlaClock.started(AT_RISK, DEADLINE));
        assertThat(clocks.find("paused").orElseThrow().paused()).isTrue();
        assertThat(clocks.due(AT_RISK, 10)).containsExactly("due"); // the old claim expired; the paused clock has no due
        SlaClocks.Claim claim = clocks.claim("due", AT_RISK, "new-instance", Duration.ofSeconds(30)).orElseThrow();
        assertThat(claim.kind()).isEqualTo(SlaClock.Kind.AT_RISK);
        assertThat(claim.dueAt()).isEqualTo(AT_RISK);

        assertThat(clocks.apply("due", 1, SlaClock::markedAtRisk)).isTrue();
        assertThat(raw.find(new Document("_id", "due")).first()).isEqualTo(earlierShape("due", false)
                .append("atRiskFired", true).append("nextDueAt", Date.from(DEADLINE)).append("kind", "BREACH").append("seq", 1L));
    }

    @Test
    void aNewClock_isStoredInTheEarlierShape_withoutItsNulls() {
        clocks.start("due", 0, SlaClock.started(AT_RISK, DEADLINE));
        clocks.start("paused", 0, SlaClock.started(AT_RISK, DEADLINE).pause());

        assertThat(raw.find(new Document("_id", "due")).first()).isEqualTo(earlierShape("due", false));
        Document paused = earlierShape("paused", true);
        paused.remove("nextDueAt");
        paused.remove("kind");
        assertThat(raw.find(new Document("_id", "paused")).first()).isEqualTo(paused);
    }
}
