package org.pledge.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.pledge.platform.eventstore.EventDocuments.AGGREGATE_KEY;
import static org.pledge.platform.eventstore.EventDocuments.SEQUENCE_NUMBER;
import static org.pledge.platform.eventstore.EventDocuments.aggregateKey;

/**
 * Reads one aggregate's events, for loading it and for its last sequence number: exact-value look-ups of the next
 * aggregate keys ({@code <aggregateIdentifier>/<sequenceNumber>}, {@code $in}), which the unique
 * {@code uniqueAggregateKey} index answers on real MongoDB and on mongo-java-server alike, never a range scan.
 */
final class AggregateEventReader {

    private final MongoCollection<Document> events;
    /** Aggregate keys asked for per query by {@link #lastSequenceNumber}. */
    private final int batchSize;

    AggregateEventReader(MongoCollection<Document> events, int batchSize) {
        this.events = events;
        this.batchSize = batchSize;
    }

    /** The aggregate's events from {@code firstSequenceNumber}, at most {@code batchSize}, in sequence order. */
    List<? extends DomainEventData<?>> fetch(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long seq = firstSequenceNumber; seq < firstSequenceNumber + batchSize; seq++) {
            keys.add(aggregateKey(aggregateIdentifier, seq));
        }
        List<Document> docs = events.find(Filters.in(AGGREGATE_KEY, keys)).into(new ArrayList<>());
        docs.sort((a, b) -> Long.compare(a.getLong(SEQUENCE_NUMBER), b.getLong(SEQUENCE_NUMBER)));
        List<DomainEventData<?>> result = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            result.add(EventDocuments.toDomainEventData(doc));
        }
        return result;
    }

    /**
     * The highest sequence number stored for the aggregate, looking from {@code from} (its snapshot's, or 0) on, a
     * batch of keys per query until a batch is not full; empty when it has no event from there.
     */
    Optional<Long> lastSequenceNumber(String aggregateIdentifier, long from) {
        Long last = null;
        while (true) {
            List<String> keys = new ArrayList<>(batchSize);
            for (long seq = from; seq < from + batchSize; seq++) {
                keys.add(aggregateKey(aggregateIdentifier, seq));
            }
            int found = 0;
            for (Document doc : events.find(Filters.in(AGGREGATE_KEY, keys))
                                      .projection(Projections.include(SEQUENCE_NUMBER))) {
                found++;
                long seq = doc.getLong(SEQUENCE_NUMBER);
                last = last == null ? seq : Math.max(last, seq);
            }
            if (found < batchSize) {
                return Optional.ofNullable(last);
            }
            from += batchSize;
        }
    }
}
