package org.pledge.cases.casefile.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.sla.Pause;
import org.pledge.testsupport.infra.MemoryMongo;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * {@code case_summaries} keeps the shape the projection wrote when it built raw documents: same field names, same BSON
 * types (dates, int32, int64 sequence, strings for enums and the at-risk share). A document stored by that code reads
 * into the record and takes further events; a null is now left out instead of stored as BSON null (every query treats
 * both alike). The expected documents are written out by hand, field by field, as the earlier code appended them.
 */
class CaseSummaryStoredShapeTest {

    private static final Instant T0 = Instant.parse("2025-06-02T14:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2025-06-17T04:00:00Z");
    private static final Instant AT_RISK = Instant.parse("2025-06-13T04:00:00Z");

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private CaseSummaries summaries;
    private CaseSummaryProjection projection;
    private MongoCollection<Document> raw;

    @BeforeEach
    void fresh() {
        summaries = new CaseSummaries(new SimpleMongoClientDatabaseFactory(MONGO.client(), "shape-" + UUID.randomUUID()));
        projection = new CaseSummaryProjection(summaries);
        raw = summaries.collection().withDocumentClass(Document.class);
    }

    /** What the earlier code stored for {@link #submitted} with actor web-portal, then a request for information (#1). */
    private static Document earlierShapeAwaitingInformation() {
        return new Document("_id", "c-1").append("serviceType", "PASSPORT").append("channel", "WEB").append("status", "AWAITING_INFORMATION")
                .append("applicantReference", "ref-42").append("submittedAt", Date.from(T0)).append("receivedAt", Date.from(T0))
                .append("deadline", Date.from(DEADLINE)).append("atRiskAt", Date.from(AT_RISK)).append("submittedBy", "web-portal")
                .append("owner", "web-portal").append("serviceStandard", "10 business days").append("atRiskShare", "0.8")
                .append("calendarId", "CA-ON").append("calendarVersion", 1).append("guaranteed", true)
                .append("pauses", new ArrayList<Document>()).append("atRisk", false).append("breached", false)
                .append("previousCaseId", null).append("followUpRequestId", null).append("lastSequence", 1L)
                .append("pausedSince", Date.from(T0.plusSeconds(60))).append("pauseReason", "missing-photo");
    }

    @Test
    void aSummaryTheEarlierCodeStored_readsIntoTheRecord_andTakesTheNextEvent() {
        raw.insertOne(earlierShapeAwaitingInformation());

        CaseSummary read = summaries.find("c-1").orElseThrow();
        assertThat(read.status()).isEqualTo("AWAITING_INFORMATION");
        assertThat(read.channel()).isEqualTo("WEB");
        assertThat(read.pausedSince()).isEqualTo(T0.plusSeconds(60));
        assertThat(read.atRiskShare()).isEqualTo("0.8");
        assertThat(read.calendarVersion()).isEqualTo(1);
        assertThat(read.guaranteed()).isTrue();
        assertThat(read.previousCaseId()).isNull();
        assertThat(read.followUpCaseIds()).isEmpty();
        assertThat(read.version()).isEqualTo(1L);

        Instant received = T0.plusSeconds(120);
        projection.on(new InformationReceivedEvent("c-1", T0.plusSeconds(60), received, DEADLINE.plusSeconds(60),
                AT_RISK.plusSeconds(60)), 2);

        // the earlier code: pause closed, pausedSince/pauseReason set to null, new deadline and at-risk instant
        Document expected = earlierShapeAwaitingInformation().append("status", "IN_PROGRESS")
                .append("pauses", List.of(new Document("from", Date.from(T0.plusSeconds(60))).append("to", Date.from(received))))
                .append("pausedSince", null).append("pauseReason", null).append("deadline", Date.from(DEADLINE.plusSeconds(60)))
                .append("atRiskAt", Date.from(AT_RISK.plusSeconds(60))).append("lastSequence", 2L);
        assertThat(raw.find().first()).isEqualTo(withoutNulls(expected));
        assertThat(summaries.find("c-1").orElseThrow().pauses()).containsExactly(new Pause(T0.plusSeconds(60), received));
    }

    @Test
    void aNewSubmission_isStoredInTheEarlierShape_withoutItsNulls() {
        projection.on(submitted(), 0, "web-portal");

        Document expected = earlierShapeAwaitingInformation().append("status", "SUBMITTED").append("lastSequence", 0L);
        expected.remove("pausedSince");
        expected.remove("pauseReason");
        assertThat(raw.find().first()).isEqualTo(withoutNulls(expected));
    }

    @Test
    void aFollowUpLinkStoredBeforeItsCase_isKept_whenTheCaseArrives() {
        raw.insertOne(new Document("_id", "c-1").append("followUpCaseIds", List.of("f-1")));

        projection.on(submitted(), 0, "web-portal");

        assertThat(raw.find().first().getList("followUpCaseIds", String.class)).containsExactly("f-1");
        assertThat(summaries.find("c-1").orElseThrow().followUpCaseIds()).containsExactly("f-1");
    }

    private static Document withoutNulls(Document doc) {
        Document copy = new Document();
        doc.forEach((field, value) -> {
            if (value != null) {
                copy.append(field, value);
            }
        });
        return copy;
    }

    private static CaseSubmittedEvent submitted() {
        Applicant applicant = new Applicant("ref-42", "Marie Tremblay", "marie@example.org", null, null, "fr-CA", PreferredChannel.EMAIL);
        return new CaseSubmittedEvent("c-1", "PASSPORT", SubmissionChannel.WEB, T0, T0, null, applicant, Money.of("120.00", "CAD"),
                "10 business days", new BigDecimal("0.8"), true, "CA-ON", 1, DEADLINE, AT_RISK, null, null, null, null);
    }
}
