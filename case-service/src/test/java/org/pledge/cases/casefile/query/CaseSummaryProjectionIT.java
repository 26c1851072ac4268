package org.pledge.cases.casefile.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.testsupport.PledgeInfrastructure;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** The projection on the Mongo-wire test server (no Spring): every case event, in order, and replay-safe. */
class CaseSummaryProjectionIT {

    private static final Instant T0 = Instant.parse("2025-06-02T14:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2025-06-17T04:00:00Z");

    private MongoClient client;
    private CaseSummaries summaries;
    private CaseSummaryProjection projection;

    @BeforeEach
    void freshDatabase() {
        client = MongoClients.create(PledgeInfrastructure.get().mongoConnectionString());
        summaries = new CaseSummaries(new SimpleMongoClientDatabaseFactory(client, "projection-" + UUID.randomUUID()));
        projection = new CaseSummaryProjection(summaries);
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** The lifecycle as handler calls, in sequence order. */
    private List<Consumer<CaseSummaryProjection>> lifecycle(String caseId) {
        List<Consumer<CaseSummaryProjection>> events = new ArrayList<>();
        events.add(p -> p.on(submitted(caseId, null), 0, "web-portal"));
        events.add(p -> p.on(new CaseAssignedEvent(caseId, "cw-1", T0.plusSeconds(60)), 1));
        events.add(p -> p.on(new CaseWorkStartedEvent(caseId, T0.plusSeconds(120)), 2));
        events.add(p -> p.on(new InformationRequestedEvent(caseId, "missing-photo", T0.plusSeconds(180)), 3));
        events.add(p -> p.on(new InformationReceivedEvent(caseId, T0.plusSeconds(180), Instant.parse("2025-06-04T14:00:00Z"),
                Instant.parse("2025-06-19T04:00:00Z"), Instant.parse("2025-06-16T04:00:00Z")), 4));
        events.add(p -> p.on(new DeadlineRecalculatedEvent(caseId, "CA-ON", 2, Instant.parse("2025-06-20T04:00:00Z"),
                Instant.parse("2025-06-17T04:00:00Z"), Instant.parse("2025-06-05T14:00:00Z")), 5));
        events.add(p -> p.on(new CaseMarkedAtRiskEvent(caseId, Instant.parse("2025-06-17T04:00:00Z"), Instant.parse("2025-06-20T04:00:00Z"),
                Instant.parse("2025-06-17T05:00:00Z")), 6));
        events.add(p -> p.on(new ServiceStandardBreachedEvent(caseId, Instant.parse("2025-06-20T04:00:00Z"),
                Instant.parse("2025-06-20T05:00:00Z")), 7));
        events.add(p -> p.on(new InformationRequestedEvent(caseId, "missing-form", Instant.parse("2025-06-21T05:00:00Z")), 8));
        events.add(p -> p.on(new CaseResolvedEvent(caseId, Outcome.APPROVED, "note", Instant.parse("2025-06-23T15:00:00Z"), false, 2,
                Instant.parse("2025-06-20T04:00:00Z")), 9));
        events.add(p -> p.on(new CaseReopenedEvent(caseId, "appeal", Instant.parse("2025-06-23T15:00:00Z"),
                Instant.parse("2025-06-24T15:00:00Z"), Instant.parse("2025-06-20T04:00:00Z"), Instant.parse("2025-06-17T04:00:00Z")), 10));
        return events;
    }

    @Test
    void theCompareAndSetIndex_isUniqueOnIdAndLastSequence_soMongoJavaServerLooksWritesUp() {
        assertThat(summaries.collection().listIndexes()).anySatisfy(index -> {
            assertThat(index.get("key", org.bson.Document.class)).isEqualTo(new org.bson.Document("_id", 1).append("lastSequence", 1));
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void everyEvent_isReflected() {
        lifecycle("c-1").forEach(e -> e.accept(projection));

        CaseSummary s = summaries.find("c-1").orElseThrow();
        assertThat(s.status()).isEqualTo("IN_PROGRESS");
        assertThat(s.assignee()).isEqualTo("cw-1");
        assertThat(s.calendarVersion()).isEqualTo(2);
        assertThat(s.atRisk()).isTrue();
        assertThat(s.breached()).isTrue();
        assertThat(s.deadline()).isEqualTo(Instant.parse("2025-06-20T04:00:00Z"));
        assertThat(s.pausedSince()).isNull();
        // the information pause, the pause closed by the resolution, and the closed time before reopening
        assertThat(s.pauses()).hasSize(3);
        assertThat(s.pauses().get(1).to()).isEqualTo(Instant.parse("2025-06-23T15:00:00Z"));
        assertThat(s.resolvedAt()).isNull();
        assertThat(s.reopenedAt()).isEqualTo(Instant.parse("2025-06-24T15:00:00Z"));
        assertThat(s.submittedBy()).isEqualTo("web-portal");
        assertThat(s.owner()).isEqualTo("web-portal");
    }

    @Test
    void redeliveredEvents_changeNothing() {
        List<Consumer<CaseSummaryProjection>> events = lifecycle("c-2");
        lifecycle("c-1").forEach(e -> e.accept(projection));
        Document once = raw("c-1");

        for (int i = 0; i < events.size(); i++) {
            events.get(i).accept(projection);
            events.get(i).accept(projection);            // redelivered at once
            events.get(i / 2).accept(projection);        // an older event again
        }
        events.forEach(e -> e.accept(projection));      // the whole stream again

        Document twice = raw("c-2");
        once.remove("_id");
        twice.remove("_id");
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void followUp_isLinked_evenWhenItsSubmissionIsProjectedBeforeTheEarlierCase() {
        projection.on(submitted("follow-up", "earlier"), 0, "feedback-service");
        projection.on(submitted("earlier", null), 0, "web-portal");
        projection.on(submitted("follow-up", "earlier"), 0, "feedback-service"); // redelivered

        assertThat(summaries.find("earlier").orElseThrow().followUpCaseIds()).containsExactly("follow-up");
        assertThat(summaries.find("earlier").orElseThrow().status()).isEqualTo("SUBMITTED");
        assertThat(summaries.find("follow-up").orElseThrow().previousCaseId()).isEqualTo("earlier");
    }

    @Test
    void followUp_belongsToTheEarlierCasesOwner_whileItsSubmitterStaysTheRequestingService() {
        projection.on(submitted("earlier", null), 0, "web-portal");
        projection.on(submitted("follow-up", "earlier", "web-portal"), 0, "feedback-service");
        projection.on(submitted("other", null), 0, "partner-x");

        CaseSummary followUp = summaries.find("follow-up").orElseThrow();
        assertThat(followUp.owner()).isEqualTo("web-portal");
        assertThat(followUp.submittedBy()).isEqualTo("feedback-service");
        assertThat(summaries.find("earlier").orElseThrow().owner()).isEqualTo("web-portal");
        assertThat(ids(new CaseSummaries.Filter(null, null, null, null, "web-portal"))).containsExactlyInAnyOrder("earlier", "follow-up");
        assertThat(ids(new CaseSummaries.Filter(null, null, null, null, "partner-x"))).containsExactly("other");
        assertThat(ids(new CaseSummaries.Filter(null, null, null, null, "feedback-service"))).isEmpty();
    }

    @Test
    void summaryProjectedBeforeOwnersWereRecorded_belongsToItsSubmitter() {
        projection.on(submitted("c-old", null), 0, "web-portal");
        summaries.collection().updateOne(new Document("_id", "c-old"), new Document("$unset", new Document("owner", "")));
        assertThat(raw("c-old")).doesNotContainKey("owner");

        assertThat(summaries.find("c-old").orElseThrow().owner()).isEqualTo("web-portal");
        assertThat(ids(new CaseSummaries.Filter(null, null, null, null, "web-portal"))).containsExactly("c-old");
        assertThat(ids(new CaseSummaries.Filter(null, null, null, null, "partner-x"))).isEmpty();
    }

    @Test
    void withdrawal_whilePaused_closesThePause() {
        projection.on(submitted("c-3", null), 0, "web-portal");
        projection.on(new CaseAssignedEvent("c-3", "cw-1", T0.plusSeconds(60)), 1);
        projection.on(new CaseWorkStartedEvent("c-3", T0.plusSeconds(120)), 2);
        projection.on(new InformationRequestedEvent("c-3", "missing-photo", T0.plusSeconds(180)), 3);
        projection.on(new org.pledge.cases.casefile.api.CaseWithdrawnEvent("c-3", org.pledge.cases.casefile.api.WithdrawnBy.CHANNEL,
                "moved away", T0.plusSeconds(240)), 4);

        CaseSummary s = summaries.find("c-3").orElseThrow();
        assertThat(s.status()).isEqualTo("WITHDRAWN");
        assertThat(s.withdrawnBy()).isEqualTo("CHANNEL");
        assertThat(s.pausedSince()).isNull();
        assertThat(s.pauses()).hasSize(1);
        assertThat(s.pauses().get(0).to()).isEqualTo(T0.plusSeconds(240));
    }

    @Test
    void reset_emptiesTheReadModel_forAReplay() {
        lifecycle("c-1").forEach(e -> e.accept(projection));
        projection.reset();
        assertThat(summaries.find("c-1")).isEmpty();
        lifecycle("c-1").forEach(e -> e.accept(projection));
        assertThat(summaries.find("c-1").orElseThrow().status()).isEqualTo("IN_PROGRESS");
    }

    private List<String> ids(CaseSummaries.Filter filter) {
        return summaries.page(filter, 0, 50).stream().map(CaseSummary::caseId).toList();
    }

    private Document raw(String caseId) {
        return summaries.collection().withDocumentClass(Document.class).find(new Document("_id", caseId)).first();
    }

    private static CaseSubmittedEvent submitted(String caseId, String previousCaseId) {
        return submitted(caseId, previousCaseId, previousCaseId == null ? null : "web-portal");
    }

    private static CaseSubmittedEvent submitted(String caseId, String previousCaseId, String owner) {
        Applicant applicant = new Applicant("ref-42", "Marie Tremblay", "marie@example.org", null, null, "fr-CA", PreferredChannel.EMAIL);
        return new CaseSubmittedEvent(caseId, "PASSPORT", previousCaseId == null ? SubmissionChannel.WEB : SubmissionChannel.FOLLOW_UP,
                T0, T0, null, applicant, Money.of("120.00", "CAD"), "10 business days", new BigDecimal("0.8"), true, "CA-ON", 1,
                DEADLINE, Instant.parse("2025-06-13T04:00:00Z"), previousCaseId, previousCaseId == null ? null : "fu-1",
                previousCaseId == null ? null : "low-score", owner);
    }
}
