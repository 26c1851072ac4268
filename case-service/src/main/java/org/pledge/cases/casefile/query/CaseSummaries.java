package org.pledge.cases.casefile.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

import static org.pledge.cases.casefile.query.CaseSummaryDocument.*;

/** The {@code case_summaries} read model. */
@Repository
public class CaseSummaries {

    /** The processing group that keeps it ({@code CaseSummaryProjection}). */
    public static final String PROCESSING_GROUP = "case-summaries";

    private static final List<String> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList();

    private final MongoCollection<CaseSummaryDocument> collection;
    private final SequencedDocuments<CaseSummaryDocument> documents;

    public CaseSummaries(MongoDatabaseFactory databases) {
        this.collection = ReadModelCodecs.collection(databases.getMongoDatabase(), "case_summaries", CaseSummaryDocument.class);
        // follow-up links are written at once by the follow-up's event (another aggregate, maybe another segment), so
        // the batch writes of a case's own events leave them as stored
        this.documents = new SequencedDocuments<>(collection, LAST_SEQUENCE, CaseEvents::caseIdOf,
                Set.of(FOLLOW_UP_CASE_IDS));
        // real MongoDB: equality on calendar and status, then the range on the version, so "open cases behind the newest
        // version" reads only those cases, however many closed cases stay on old versions (mongo-java-server ignores it)
        collection.createIndex(Indexes.ascending(CALENDAR_ID, STATUS, CALENDAR_VERSION));
        // the projection's compare-and-set writes match {_id, lastSequence}: mongo-java-server answers a query from an
        // index only when the query's fields are exactly the index's, so without this each write scans the whole
        // collection (measured: most of the CPU of the case lifecycle benchmark). Unique because _id is; real MongoDB
        // would use _id alone and pays one more index entry per write.
        collection.createIndex(Indexes.ascending(ID, LAST_SEQUENCE), new IndexOptions().unique(true));
        // real MongoDB: the retention sweep reads closed cases per service type in closing order, and a subject's cases
        // (mongo-java-server ignores non-unique indexes and scans; the sweep runs every few minutes)
        collection.createIndex(Indexes.ascending(SERVICE_TYPE, STATUS, RESOLVED_AT, ID));
        collection.createIndex(Indexes.ascending(SERVICE_TYPE, STATUS, WITHDRAWN_AT, ID));
        collection.createIndex(Indexes.ascending(APPLICANT_REFERENCE));
    }

    MongoCollection<CaseSummaryDocument> collection() {
        return collection;
    }

    /** The documents as the projection writes them: per batch of events, compare-and-set on {@code lastSequence}. */
    SequencedDocuments<CaseSummaryDocument> documents() {
        return documents;
    }

    /**
     * Waits, at most {@code timeout}, until the summary of {@code caseId} includes the case's event {@code version}
     * (for a response to a write, so that the client's next read shows it); whether it does.
     */
    public boolean awaitVersion(String caseId, long version, Duration timeout, Duration pollInterval) {
        return documents.awaitSequence(caseId, version, timeout, pollInterval);
    }

    public Optional<CaseSummary> find(String caseId) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, caseId)).first())
                .filter(d -> d.status() != null) // not a bare follow-up link written before its case
                .map(CaseSummaryDocument::toSummary);
    }

    /**
     * The open cases (neither resolved nor withdrawn) counting in {@code calendarId} on a version older than
     * {@code version}, as far as this read model knows.
     *
     * @param limit at most this many ids; 0 or less: all of them
     */
    public List<String> openOnOlderCalendarVersion(String calendarId, int version, int limit) {
        List<String> ids = new ArrayList<>();
        collection.find(Filters.and(Filters.eq(CALENDAR_ID, calendarId), Filters.in(STATUS, OPEN),
                        Filters.lt(CALENDAR_VERSION, version)))
                .projection(Projections.include(ID))
                .limit(Math.max(limit, 0))
                .forEach(d -> ids.add(d.caseId()));
        return ids;
    }

    /**
     * For the retention: the cases of {@code serviceType} closed in {@code status} (resolved or withdrawn) at or before
     * {@code cutoff}, after {@code after} in (closing instant, case id) order, oldest first, at most {@code limit}.
     */
    public List<CaseClosure> closedUpTo(String serviceType, CaseStatus status, Instant cutoff, Instant afterClosedAt,
                                        String afterCaseId, int limit) {
        String closedAt = closedAtField(status);
        Bson range = afterClosedAt == null ? Filters.lte(closedAt, cutoff)
                : Filters.or(Filters.and(Filters.gt(closedAt, afterClosedAt), Filters.lte(closedAt, cutoff)),
                        Filters.and(Filters.eq(closedAt, afterClosedAt), Filters.gt(ID, afterCaseId)));
        List<CaseClosure> result = new ArrayList<>();
        collection.find(Filters.and(Filters.eq(SERVICE_TYPE, serviceType), Filters.eq(STATUS, status.name()), range))
                .sort(Sorts.ascending(closedAt, ID)).limit(limit)
                .forEach(d -> result.add(closureOf(d)));
        return result;
    }

    /** For the retention: every case of the data subject {@code subjectRef} (the applicant's reference), open or closed. */
    public List<CaseClosure> casesOf(String subjectRef) {
        List<CaseClosure> result = new ArrayList<>();
        collection.find(Filters.eq(APPLICANT_REFERENCE, subjectRef)).forEach(d -> result.add(closureOf(d)));
        return result;
    }

    private static String closedAtField(CaseStatus status) {
        return switch (status) {
            case RESOLVED -> RESOLVED_AT;
            case WITHDRAWN -> WITHDRAWN_AT;
            default -> throw new IllegalArgumentException("not a closing status: " + status);
        };
    }

    private static CaseClosure closureOf(CaseSummaryDocument d) {
        Instant closedAt = d.status() == CaseStatus.RESOLVED ? d.resolvedAt() : d.status() == CaseStatus.WITHDRAWN ? d.withdrawnAt() : null;
        return new CaseClosure(d.caseId(), d.serviceType(), d.applicantReference(), d.status(), closedAt);
    }

    /** The filters of a case list; null means "any". {@code owner}: the channel client the cases belong to. */
    public record Filter(String status, String serviceType, Boolean atRisk, Boolean breached, String owner) {
    }

    /** The earlier signature, kept for callers written against it. */
    public List<CaseSummary> page(String status, String serviceType, String owner, int page, int size) {
        return page(new Filter(status, serviceType, null, null, owner), page, size);
    }

    /** A page of cases, newest first; {@code filter.owner} narrows to one channel's own cases when not null. */
    public List<CaseSummary> page(Filter filter, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.exists(STATUS)); // not a bare follow-up link written before its case
        if (filter.status() != null) {
            filters.add(Filters.eq(STATUS, filter.status()));
        }
        if (filter.serviceType() != null) {
            filters.add(Filters.eq(SERVICE_TYPE, filter.serviceType()));
        }
        if (filter.atRisk() != null) {
            filters.add(Filters.eq(AT_RISK, filter.atRisk()));
        }
        if (filter.breached() != null) {
            filters.add(Filters.eq(BREACHED, filter.breached()));
        }
        if (filter.owner() != null) {
            filters.add(ownedBy(filter.owner()));
        }
        List<CaseSummary> result = new ArrayList<>();
        collection.find(Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending(SUBMITTED_AT), Sorts.ascending(ID))).skip(page * size).limit(size)
                .forEach(d -> result.add(d.toSummary()));
        return result;
    }

    /**
     * Documents projected before {@code owner} was recorded have only {@code submittedBy}, the owner of every case
     * then. (Follow-ups opened then were stored without an owner: their owner stays their requester, replay or not.)
     */
    private static Bson ownedBy(String owner) {
        return Filters.or(Filters.eq(OWNER, owner), Filters.and(Filters.exists(OWNER, false), Filters.eq(SUBMITTED_BY, owner)));
    }
}
