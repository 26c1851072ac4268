package org.pledge.platform.axon;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.axonframework.messaging.MetaData;

/**
 * The version an aggregate was left at: the sequence number of its last stored event. A command that changed an
 * aggregate carries it back to its sender in the result's metadata ({@link AggregateVersionOnResult}); a read model
 * that records the sequence number of the last event it applied can be waited for until it has reached it.
 *
 * @param aggregateId the aggregate
 * @param version     the sequence number of its last event (0 after the first)
 */
public record AggregateVersion(String aggregateId, long version) {

    /** Metadata key of the aggregate identifier on a command result. */
    public static final String AGGREGATE_KEY = "pledgeAggregateId";
    /** Metadata key of the version on a command result. */
    public static final String VERSION_KEY = "pledgeAggregateVersion";

    public AggregateVersion {
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (version < 0) {
            throw new IllegalArgumentException("a version is a sequence number, 0 or more: " + version);
        }
    }

    Map<String, Object> asMetaData() {
        return Map.of(AGGREGATE_KEY, aggregateId, VERSION_KEY, version);
    }

    /** The version a command result's metadata carries, if the command stored any event. */
    public static Optional<AggregateVersion> of(MetaData metaData) {
        Object id = metaData.get(AGGREGATE_KEY);
        Object version = metaData.get(VERSION_KEY);
        if (id == null || !(version instanceof Number number)) {
            return Optional.empty();
        }
        return Optional.of(new AggregateVersion(id.toString(), number.longValue()));
    }

    /** A weak HTTP entity tag for this version, e.g. {@code W/"3"}: the representation also depends on the clock. */
    public String etag() {
        return "W/\"" + version + "\"";
    }
}
