package org.pledge.cases.sla.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.pledge.cases.casefile.api.CaseIds;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;

import static org.pledge.cases.sla.schedule.SlaClockDocument.CLAIMED_BY;
import static org.pledge.cases.sla.schedule.SlaClockDocument.CLAIMED_UNTIL;
import static org.pledge.cases.sla.schedule.SlaClockDocument.ID;
import static org.pledge.cases.sla.schedule.SlaClockDocument.NEXT_DUE_AT;
import static org.pledge.cases.sla.schedule.SlaClockDocument.SEQ;

/**
 * The {@code sla_clocks} collection ({@link SlaClockDocument}): one document per case, written by
 * {@link SlaClockProjection} and claimed by {@link SlaSweeper}.
 *
 * <p>Only single-document operations on {@code _id} decide anything, so it behaves the same on MongoDB and on
 * mongo-java-server, without transactions. The index on {@code nextDueAt} serves the due-query on MongoDB;
 * mongo-java-server ignores non-unique indexes and scans (fine for local and CI volumes).
 */
public class SlaClocks {

    public static final String COLLECTION = "sla_clocks";

    private final MongoCollection<SlaClockDocument> collection;
    private final SequencedDocuments<SlaClockDocument> documents;

    public SlaClocks(MongoCollection<?> collection) {
        this.collection = ReadModelCodecs.collection(collection, SlaClockDocument.class);
        // the clocks a batch of case events may change: one per case (the CaseAggregate's id)
        this.documents = new SequencedDocuments<>(this.collection, SEQ, CaseIds::ofEvent);
    }

    /**
     * Creates the index the due-query needs on MongoDB (mongo-java-server accepts and ignores it), and a unique
     * {@code {_id, seq}} index for the compare-and-set in {@link #apply}: mongo-java-server answers a query from an index
     * only when the query's fields are exactly the index's, so without it every change scans the collection.
     */
    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending(NEXT_DUE_AT));
        collection.createIndex(Indexes.ascending(ID, SEQ), new IndexOptions().unique(true));
    }

    /** A clock claimed by one sweep: what to fire, and the claim to release if firing fails. */
    public record Claim(String caseId, SlaClock clock, SlaClock.Kind kind, Instant dueAt, String claimedBy,
                        Instant claimedUntil) {
    }

    /**
     * Starts the clock of a case (its first event); nothing when the case is already known (a replay). In an event
     * processor's batch the write happens at the end of the batch ({@link SequencedDocuments}).
     *
     * @return true when this call created the clock
     */
    public boolean start(String caseId, long seq, SlaClock clock) {
        return documents.apply(caseId, seq, current -> current != null ? null : SlaClockDocument.of(caseId, seq, clock));
    }

    /**
     * Applies the change an event of the case (with aggregate sequence number {@code seq}) makes to its clock, once:
     * an event at or below the last applied sequence number is a replay and changes nothing. Any change clears
     * the sweep's claim, so the clock's next marker can be claimed at once. Written as a compare-and-set on
     * {@code {_id, seq}}; a clock changed meanwhile is read again and changed again (see {@link SequencedDocuments}).
     *
     * @return true when the change was applied now; false for a replay or an unknown case
     */
    public boolean apply(String caseId, long seq, UnaryOperator<SlaClock> change) {
        return documents.apply(caseId, seq, current -> current == null ? null
                : SlaClockDocument.of(caseId, seq, change.apply(current.clock())));
    }

    public Optional<SlaClock> find(String caseId) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, caseId)).first()).map(SlaClockDocument::clock);
    }

    /**
     * Up to {@code limit} ids of clocks due at {@code now} and not claimed (or whose claim expired), earliest first.
     * A range query: indexed on MongoDB, a scan on mongo-java-server.
     */
    public List<String> due(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        collection.find(claimable(now))
                .projection(Projections.include(ID))
                .sort(Sorts.ascending(NEXT_DUE_AT))
                .limit(limit)
                .forEach(d -> ids.add(d.caseId()));
        return ids;
    }

    /**
     * Claims one due clock for {@code owner} until {@code now + lease}, atomically: empty when it is not due any
     * more, or another sweep holds a live claim.
     */
    public Optional<Claim> claim(String caseId, Instant now, String owner, Duration lease) {
        Instant until = now.plus(lease);
        SlaClockDocument claimed = collection.findOneAndUpdate(
                Filters.and(Filters.eq(ID, caseId), claimable(now)),
                Updates.combine(Updates.set(CLAIMED_BY, owner), Updates.set(CLAIMED_UNTIL, until)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        return Optional.of(new Claim(caseId, claimed.clock(), claimed.kind(), claimed.nextDueAt(), owner, until));
    }

    /** Gives a claim back (firing failed), unless the clock changed or was claimed anew since. */
    public boolean release(Claim claim) {
        return collection.updateOne(
                Filters.and(Filters.eq(ID, claim.caseId()), Filters.eq(CLAIMED_BY, claim.claimedBy()),
                        Filters.eq(CLAIMED_UNTIL, claim.claimedUntil())),
                Updates.combine(Updates.unset(CLAIMED_BY), Updates.unset(CLAIMED_UNTIL))).getModifiedCount() == 1;
    }

    /** Deletes every clock (the projection's reset, before a replay). */
    public void deleteAll() {
        collection.deleteMany(new BsonDocument());
    }

    private static Bson claimable(Instant now) {
        return Filters.and(Filters.lte(NEXT_DUE_AT, now),
                Filters.or(Filters.eq(CLAIMED_UNTIL, null), Filters.lte(CLAIMED_UNTIL, now)));
    }
}
