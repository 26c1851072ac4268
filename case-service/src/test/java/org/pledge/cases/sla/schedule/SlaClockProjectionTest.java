package org.pledge.cases.sla.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.testsupport.infra.MemoryMongo;

/** The {@code sla-clocks} projection as a plain object over mongo-java-server. */
class SlaClockProjectionTest {

    private static final String CASE = "case-1";
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instant AT_RISK = T0.plus(Duration.ofMinutes(48));
    private static final Instant DEADLINE = T0.plus(Duration.ofHours(1));

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private MongoCollection<Document> collection;
    private SlaClocks clocks;
    private SlaClockProjection projection;

    @BeforeEach
    void fresh() {
        collection = MONGO.database("sla").getCollection(SlaClocks.COLLECTION);
        collection.drop();
        clocks = new SlaClocks(collection);
        clocks.ensureIndexes(); // as the service does: every change below goes through the {_id, seq} index
        projection = new SlaClockProjection(clocks);
    }

    @Test
    void theCompareAndSetIndex_isUniqueOnIdAndSeq_soMongoJavaServerLooksChangesUp() {
        assertThat(collection.listIndexes()).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(new Document("_id", 1).append(SlaClockDocument.SEQ, 1));
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    static CaseSubmittedEvent submitted(Instant atRiskAt, Instant deadline) {
        return new CaseSubmittedEvent(CASE, "DEMO", SubmissionChannel.WEB, T0, T0, null,
                new Applicant("ref-1", "A. Client", "a@example.org", null, null, "en-CA", PreferredChannel.EMAIL),
                new Money(new BigDecimal("25.00"), "CAD"), "PT1H", new BigDecimal("0.8"), true, "CA-ON", 1, deadline, atRiskAt,
                null, null, null, null);
    }

    private Document doc() {
        return collection.find(new Document("_id", CASE)).first();
    }

    private static Date date(Instant at) {
        return Date.from(at);
    }

    @Test
    void submitted_isDueAtRisk_thenBreach_thenNothing() {
        projection.on(submitted(AT_RISK, DEADLINE), 0);
        assertThat(doc()).containsEntry("nextDueAt", date(AT_RISK)).containsEntry("kind", "AT_RISK");

        projection.on(new CaseMarkedAtRiskEvent(CASE, AT_RISK, DEADLINE, AT_RISK), 3);
        assertThat(doc()).containsEntry("nextDueAt", date(DEADLINE)).containsEntry("kind", "BREACH");

        projection.on(new ServiceStandardBreachedEvent(CASE, DEADLINE, DEADLINE), 4);
        assertThat(doc()).doesNotContainKeys("nextDueAt", "kind")
                .containsEntry("atRiskFired", true).containsEntry("breachFired", true);
    }

    @Test
    void replayedEvents_changeNothing() {
        projection.on(submitted(AT_RISK, DEADLINE), 0);
        projection.on(new InformationRequestedEvent(CASE, "missing-photo", T0.plusSeconds(60)), 3);
        Document before = doc();

        projection.on(submitted(AT_RISK, DEADLINE), 0);
        projection.on(new CaseMarkedAtRiskEvent(CASE, AT_RISK, DEADLINE, AT_RISK), 2); // older than what was applied
        projection.on(new InformationRequestedEvent(CASE, "missing-photo", T0.plusSeconds(60)), 3);

        assertThat(doc()).isEqualTo(before);
        assertThat(doc()).containsEntry("seq", 3L).containsEntry("paused", true).containsEntry("atRiskFired", false);
    }

    @Test
    void pause_hasNoDue_andResumeTakesTheEventsNewInstants() {
        projection.on(submitted(AT_RISK, DEADLINE), 0);
        projection.on(new InformationRequestedEvent(CASE, "missing-photo", T0.plusSeconds(600)), 3);
        assertThat(doc()).doesNotContainKey("nextDueAt").containsEntry("paused", true);

        Instant resumedAt = T0.plus(Duration.ofHours(2));
        Instant newAtRisk = resumedAt.plus(Duration.ofMinutes(38));
        Instant newDeadline = resumedAt.plus(Duration.ofMinutes(50));
        projection.on(new InformationReceivedEvent(CASE, T0.plusSeconds(600), resumedAt, newDeadline, newAtRisk), 4);

        assertThat(doc()).containsEntry("nextDueAt", date(newAtRisk)).containsEntry("deadline", date(newDeadline))
                .containsEntry("paused", false);
    }

    @Test
    void recalculation_movesTheDue() {
        projection.on(submitted(AT_RISK, DEADLINE), 0);
        projection.on(new DeadlineRecalculatedEvent(CASE, "CA-ON", 2, DEADLINE.plusSeconds(3600), AT_RISK.plusSeconds(3600),
                T0.plusSeconds(5)), 1);

        assertThat(doc()).containsEntry("nextDueAt", date(AT_RISK.plusSeconds(3600)));
    }

    @Test
    void resolvedOrWithdrawn_hasNoDue_andReopeningResumes() {
        projection.on(submitted(AT_RISK, DEADLINE), 0);
        projection.on(new CaseResolvedEvent(CASE, Outcome.APPROVED, "done", T0.plusSeconds(60), true, 0, DEADLINE), 3);
        assertThat(doc()).doesNotContainKey("nextDueAt").containsEntry("closed", true);

        Instant reopenedAt = T0.plusSeconds(600);
        projection.on(new CaseReopenedEvent(CASE, "appeal", T0.plusSeconds(60), reopenedAt, DEADLINE.plusSeconds(540),
                AT_RISK.plusSeconds(540)), 4);
        assertThat(doc()).containsEntry("nextDueAt", date(AT_RISK.plusSeconds(540))).containsEntry("closed", false);

        projection.on(new CaseWithdrawnEvent(CASE, WithdrawnBy.CHANNEL, "no longer needed", reopenedAt.plusSeconds(1)), 5);
        assertThat(doc()).doesNotContainKey("nextDueAt").containsEntry("closed", true);
    }

    @Test
    void anyClockChange_clearsTheSweepsClaim() {
        projection.on(submitted(AT_RISK, DEADLINE), 0);
        assertThat(clocks.claim(CASE, AT_RISK, "instance-a", Duration.ofSeconds(30))).isPresent();
        assertThat(doc()).containsEntry("claimedBy", "instance-a");

        projection.on(new CaseMarkedAtRiskEvent(CASE, AT_RISK, DEADLINE, AT_RISK), 3);

        assertThat(doc()).doesNotContainKeys("claimedBy", "claimedUntil");
    }

    @Test
    void reset_deletesEveryClock() {
        projection.on(submitted(AT_RISK, DEADLINE), 0);

        projection.reset();

        assertThat(collection.countDocuments()).isZero();
    }
}
