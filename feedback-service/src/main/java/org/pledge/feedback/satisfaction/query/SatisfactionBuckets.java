package org.pledge.feedback.satisfaction.query;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;

/**
 * The bucketed counters of the live figures: one {@link FigureBucket} per minute, hour and day, in a collection per
 * {@link BucketSize}. An answer changes three documents (its minute, its hour, its day), each through
 * {@link SequencedDocuments} with the answer's <em>position in the event stream</em> as sequence number: a bucket
 * remembers the last position it counted, and the projection sees the stream in order (one segment, sequential
 * policy), so a redelivered or replayed answer at or below it is not counted again. A batch of answers costs one read
 * and one bulk write per collection.
 */
public class SatisfactionBuckets {

    private final ZoneId zone;
    private final Map<BucketSize, MongoCollection<FigureBucket>> collections = new EnumMap<>(BucketSize.class);
    private final Map<BucketSize, SequencedDocuments<FigureBucket>> sequenced = new EnumMap<>(BucketSize.class);

    public SatisfactionBuckets(MongoDatabase database, ZoneId zone) {
        this.zone = zone;
        for (BucketSize size : BucketSize.values()) {
            MongoCollection<Document> raw = database.getCollection(size.collection());
            // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
            raw.createIndex(Indexes.ascending("_id", FigureBucket.SEQ), new IndexOptions().unique(true));
            // the purge of old buckets (a scan on mongo-java-server, which ignores it; rare)
            raw.createIndex(Indexes.ascending(FigureBucket.START));
            MongoCollection<FigureBucket> typed = ReadModelCodecs.collection(raw, FigureBucket.class);
            collections.put(size, typed);
            sequenced.put(size, new SequencedDocuments<>(typed, FigureBucket.SEQ, event -> bucketOf(size, event)));
        }
    }

    public ZoneId zone() {
        return zone;
    }

    private String bucketOf(BucketSize size, EventMessage<?> event) {
        return event.getPayload() instanceof FeedbackReceivedEvent received && received.receivedAt() != null
                ? size.id(received.receivedAt(), zone) : null;
    }

    /** Counts {@code answer} at stream position {@code position} in its three buckets, unless they counted it already. */
    public void count(Answer answer, long position) {
        for (BucketSize size : BucketSize.values()) {
            String id = size.id(answer.receivedAt(), zone);
            Instant start = size.start(answer.receivedAt(), zone);
            sequenced.get(size).apply(id, position,
                    current -> (current == null ? FigureBucket.empty(id, start) : current).plus(answer, position));
        }
    }

    /** The buckets of {@code size} with these ids that exist (one {@code _id $in} query). */
    public Map<String, FigureBucket> find(BucketSize size, Collection<String> ids) {
        Map<String, FigureBucket> found = new HashMap<>();
        collections.get(size).find(Filters.in("_id", ids)).forEach(b -> found.put(b.id(), b));
        return found;
    }

    /** Drops the buckets of {@code size} that start before {@code before}. */
    public void purge(BucketSize size, Instant before) {
        collections.get(size).deleteMany(Filters.lt(FigureBucket.START, before));
    }

    public void deleteAll() {
        collections.values().forEach(c -> c.deleteMany(new Document()));
    }
}
