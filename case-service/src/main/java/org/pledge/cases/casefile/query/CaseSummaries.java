package org.pledge.cases.casefile.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.sla.Pause;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/** The {@code case_summaries} read model. */
@Repository
public class CaseSummaries {

    /** The sequence number of the case's last event the document includes. */
    static final String LAST_SEQUENCE = "lastSequence";
    /** The ids of the follow-up cases opened for a case: written at once by each follow-up's submission. */
    static final String FOLLOW_UP_CASE_IDS = "followUpCaseIds";

    private static final List<String> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList();

    private final MongoCollection<Document> collection;
    private final SequencedDocuments documents;

    public CaseSummaries(MongoDatabaseFactory databases) {
        this.collection = databases.getMongoDatabase().getCollection("case_summaries");
        // follow-up links are written at once by the follow-up's event (another aggregate, maybe another segment), so
        // the batch writes of a case's own events leave them as stored
        this.documents = new SequencedDocuments(collection, LAST_SEQUENCE, CaseEvents::caseIdOf,
                Set.of(FOLLOW_UP_CASE_IDS));
        // real MongoDB: equality on calendar and status, then the range on the version, so "open cases behind the newest
        // version" reads only those cases, however many closed cases stay on old versions (mongo-java-server ignores it)
        collection.createIndex(Indexes.ascending("calendarId", "status", "calendarVersion"));
        // the projection's compare-and-set writes match {_id, lastSequence}: mongo-java-server answers a query from an
        // index only when the query's fields are exactly the index's, so without this each write scans the whole
        // collection (measured: most of the CPU of the case lifecycle benchmark). Unique because _id is; real MongoDB
        // would use _id alone and pays one more index entry per write.
        collection.createIndex(Indexes.ascending("_id", "lastSequence"), new IndexOptions().unique(true));
    }

    MongoCollection<Document> collection() {
        return collection;
    }

    /** The documents as the projection writes them: per batch of events, compare-and-set on {@code lastSequence}. */
    SequencedDocuments documents() {
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
        return Optional.ofNullable(collection.find(Filters.eq("_id", caseId)).first())
                .filter(d -> d.containsKey("status"))
                .map(CaseSummaries::summary);
    }

    /**
     * The open cases (neither resolved nor withdrawn) counting in {@code calendarId} on a version older than
     * {@code version}, as far as this read model knows.
     *
     * @param limit at most this many ids; 0 or less: all of them
     */
    public List<String> openOnOlderCalendarVersion(String calendarId, int version, int limit) {
        List<String> ids = new ArrayList<>();
        collection.find(Filters.and(Filters.eq("calendarId", calendarId), Filters.in("status", OPEN),
                        Filters.lt("calendarVersion", version)))
                .projection(Projections.include("_id"))
                .limit(Math.max(limit, 0))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
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
        filters.add(Filters.exists("status")); // not a bare follow-up link written before its case
        if (filter.status() != null) {
            filters.add(Filters.eq("status", filter.status()));
        }
        if (filter.serviceType() != null) {
            filters.add(Filters.eq("serviceType", filter.serviceType()));
        }
        if (filter.atRisk() != null) {
            filters.add(Filters.eq("atRisk", filter.atRisk()));
        }
        if (filter.breached() != null) {
            filters.add(Filters.eq("breached", filter.breached()));
        }
        if (filter.owner() != null) {
            filters.add(ownedBy(filter.owner()));
        }
        List<CaseSummary> result = new ArrayList<>();
        collection.find(Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("submittedAt"), Sorts.ascending("_id"))).skip(page * size).limit(size)
                .forEach(d -> result.add(summary(d)));
        return result;
    }

    /**
     * Documents projected before {@code owner} was recorded have only {@code submittedBy}, the owner of every case
     * then. (Follow-ups opened then were stored without an owner: their owner stays their requester, replay or not.)
     */
    private static Bson ownedBy(String owner) {
        return Filters.or(Filters.eq("owner", owner), Filters.and(Filters.exists("owner", false), Filters.eq("submittedBy", owner)));
    }

    static CaseSummary summary(Document d) {
        List<Pause> pauses = new ArrayList<>();
        for (Document p : d.getList("pauses", Document.class, List.of())) {
            pauses.add(new Pause(p.getDate("from").toInstant(), p.getDate("to").toInstant()));
        }
        return new CaseSummary(d.getString("_id"), d.getString("serviceType"), d.getString("channel"), d.getString("status"),
                d.getString("applicantReference"), instant(d, "submittedAt"), instant(d, "receivedAt"), instant(d, "deadline"),
                instant(d, "atRiskAt"), d.getString("submittedBy"), d.getString(d.containsKey("owner") ? "owner" : "submittedBy"),
                d.getString("assignee"), d.getString("serviceStandard"), d.getString("atRiskShare"), d.getString("calendarId"),
                d.getInteger("calendarVersion", 0),
                d.getBoolean("guaranteed", false), List.copyOf(pauses), instant(d, "pausedSince"), d.getString("pauseReason"),
                d.getBoolean("atRisk", false), instant(d, "markedAtRiskAt"), d.getBoolean("breached", false),
                instant(d, "breachedAt"), instant(d, "resolvedAt"), d.getString("outcome"), d.getBoolean("onTime"),
                d.getInteger("latenessBusinessDays"), instant(d, "withdrawnAt"), d.getString("withdrawnBy"),
                instant(d, "reopenedAt"), d.getString("previousCaseId"), d.getString("followUpRequestId"),
                List.copyOf(d.getList(FOLLOW_UP_CASE_IDS, String.class, List.of())),
                d.get(LAST_SEQUENCE, Number.class) == null ? -1 : d.get(LAST_SEQUENCE, Number.class).longValue());
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
