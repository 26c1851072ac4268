package org.pledge.cases.casefile.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledge.platform.readmodel.SequencedDocuments;

/**
 * The {@code sla_clocks} collection: one document per case, written by {@link MarkerScheduleProjection} and claimed by
 * {@link MarkerSweeper}.
 *
 * <pre>
 * { _id: caseId, seq: last applied event's aggregate sequence number,
 *   atRiskAt, deadline, paused, closed, atRiskFired, breachFired,     (the clock, see {@link MarkerSchedule})
 *   nextDueAt: Date | null, kind: "AT_RISK" | "BREACH" | null,        (derived: what fires next, and when)
 *   claimedBy, claimedUntil }                                          (the sweep's claim, absent when free)
 * </pre>
 *
 * <p>Only single-document operations on {@code _id} decide anything, so it behaves the same on MongoDB and on
 * mongo-java-server, without transactions. The index on {@code nextDueAt} serves the due-query on MongoDB;
 * mongo-java-server ignores non-unique indexes and scans (fine for local and CI volumes).
 */
public class MarkerSchedules {

    public static final String COLLECTION = "sla_clocks";

    static final String SEQ = "seq";
    static final String AT_RISK_AT = "atRiskAt";
    static final String DEADLINE = "deadline";
    static final String PAUSED = "paused";
    static final String CLOSED = "closed";
    static final String AT_RISK_FIRED = "atRiskFired";
    static final String BREACH_FIRED = "breachFired";
    static final String NEXT_DUE_AT = "nextDueAt";
    static final String KIND = "kind";
    static final String CLAIMED_BY = "claimedBy";
    static final String CLAIMED_UNTIL = "claimedUntil";

    private final MongoCollection<Document> collection;
    private final SequencedDocuments documents;

    public MarkerSchedules(MongoCollection<Document> collection) {
        this.collection = collection;
        // the clocks a batch of case events may change: one per case (the CaseAggregate's id)
        this.documents = new SequencedDocuments(collection, SEQ, CaseEvents::caseIdOf);
    }

    /**
     * Creates the index the due-query needs on MongoDB (mongo-java-server accepts and ignores it), and a unique
     * {@code {_id, seq}} index for the compare-and-set in {@link #apply}: mongo-java-server answers a query from an index
     * only when the query's fields are exactly the index's, so without it every change scans the collection.
     */
    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending(NEXT_DUE_AT));
        collection.createIndex(Indexes.ascending("_id", SEQ), new IndexOptions().unique(true));
    }

    /** A clock claimed by one sweep: what to fire, and the claim to release if firing fails. */
    public record Claim(String caseId, MarkerSchedule clock, MarkerSchedule.Kind kind, Instant dueAt, String claimedBy,
                        Instant claimedUntil) {
    }

    /**
     * Starts the clock of a case (its first event); nothing when the case is already known (a replay). In an event
     * processor's batch the write happens at the end of the batch ({@link SequencedDocuments}).
     *
     * @return true when this call created the clock
     */
    public boolean start(String caseId, long seq, MarkerSchedule clock) {
        return documents.apply(caseId, seq, current -> current != null ? null : document(caseId, clock));
    }

    /**
     * Applies the change an event of the case (with aggregate sequence number {@code seq}) makes to its clock, once:
     * an event at or below the last applied sequence number is a replay and changes nothing. Any change clears
     * the sweep's claim, so the clock's next marker can be claimed at once. Written as a compare-and-set on
     * {@code {_id, seq}}; a clock changed meanwhile is read again and changed again (see {@link SequencedDocuments}).
     *
     * @return true when the change was applied now; false for a replay or an unknown case
     */
    public boolean apply(String caseId, long seq, UnaryOperator<MarkerSchedule> change) {
        return documents.apply(caseId, seq, current -> current == null ? null : document(caseId, change.apply(clock(current))));
    }

    /** The whole document of a clock: no claim (a change clears it), the sequence number is set by the caller. */
    private static Document document(String caseId, MarkerSchedule clock) {
        Document document = new Document("_id", caseId);
        fields(clock).forEach(document::append);
        return document;
    }

    private static Map<String, Object> fields(MarkerSchedule clock) {
        Instant nextDueAt = clock.nextDueAt();
        MarkerSchedule.Kind kind = clock.nextKind();
        Map<String, Object> fields = new LinkedHashMap<>();
        // rounded up: a millisecond-truncated instant could make the sweep fire before the case agrees it is due
        fields.put(AT_RISK_AT, Date.from(MarkerSchedule.ceilMillis(clock.atRiskAt())));
        fields.put(DEADLINE, Date.from(MarkerSchedule.ceilMillis(clock.deadline())));
        fields.put(PAUSED, clock.paused());
        fields.put(CLOSED, clock.closed());
        fields.put(AT_RISK_FIRED, clock.atRiskFired());
        fields.put(BREACH_FIRED, clock.breachFired());
        fields.put(NEXT_DUE_AT, nextDueAt == null ? null : Date.from(nextDueAt));
        fields.put(KIND, kind == null ? null : kind.name());
        return fields;
    }

    public Optional<MarkerSchedule> find(String caseId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", caseId)).first()).map(MarkerSchedules::clock);
    }

    /**
     * Up to {@code limit} ids of clocks due at {@code now} and not claimed (or whose claim expired), earliest first.
     * A range query: indexed on MongoDB, a scan on mongo-java-server.
     */
    public List<String> due(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        collection.find(claimable(now))
                .projection(Projections.include("_id"))
                .sort(Sorts.ascending(NEXT_DUE_AT))
                .limit(limit)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /**
     * Claims one due clock for {@code owner} until {@code now + lease}, atomically: empty when it is not due any
     * more, or another sweep holds a live claim.
     */
    public Optional<Claim> claim(String caseId, Instant now, String owner, Duration lease) {
        Instant until = now.plus(lease);
        Document claimed = collection.findOneAndUpdate(
                Filters.and(Filters.eq("_id", caseId), claimable(now)),
                Updates.combine(Updates.set(CLAIMED_BY, owner), Updates.set(CLAIMED_UNTIL, Date.from(until))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        MarkerSchedule clock = clock(claimed);
        return Optional.of(new Claim(caseId, clock, MarkerSchedule.Kind.valueOf(claimed.getString(KIND)),
                claimed.getDate(NEXT_DUE_AT).toInstant(), owner, until));
    }

    /** Gives a claim back (firing failed), unless the clock changed or was claimed anew since. */
    public boolean release(Claim claim) {
        return collection.updateOne(
                Filters.and(Filters.eq("_id", claim.caseId()), Filters.eq(CLAIMED_BY, claim.claimedBy()),
                        Filters.eq(CLAIMED_UNTIL, Date.from(claim.claimedUntil()))),
                Updates.combine(Updates.unset(CLAIMED_BY), Updates.unset(CLAIMED_UNTIL))).getModifiedCount() == 1;
    }

    /** Deletes every clock (the projection's reset, before a replay). */
    public void deleteAll() {
        collection.deleteMany(new Document());
    }

    private static Bson claimable(Instant now) {
        Date at = Date.from(now);
        return Filters.and(Filters.lte(NEXT_DUE_AT, at),
                Filters.or(Filters.eq(CLAIMED_UNTIL, null), Filters.lte(CLAIMED_UNTIL, at)));
    }

    private static MarkerSchedule clock(Document d) {
        return new MarkerSchedule(d.getDate(AT_RISK_AT).toInstant(), d.getDate(DEADLINE).toInstant(),
                d.getBoolean(PAUSED, false), d.getBoolean(CLOSED, false),
                d.getBoolean(AT_RISK_FIRED, false), d.getBoolean(BREACH_FIRED, false));
    }
}
