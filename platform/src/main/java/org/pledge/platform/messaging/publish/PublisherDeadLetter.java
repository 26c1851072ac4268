package org.pledge.platform.messaging.publish;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An event the integration-event publisher parked instead of publishing (collection {@code publisher_dead_letters}, one
 * document per event, stored through the driver's record codec). Holds ids and the reason, never the payload: a replay
 * reads the event from the event store again.
 *
 * @param eventId        the Axon event identifier ({@code _id}; also the published {@code ce_id})
 * @param sequenceKey    what per-key order is kept for: the aggregate id of a domain event, else the event id
 * @param aggregateType  the aggregate type of a domain event, else null
 * @param sequenceNumber the event's sequence number in its aggregate, else null
 * @param globalIndex    the event's position in the event store (its tracking token's position); null only for an
 *                       event handled outside a tracking processor
 * @param payloadType    the event's payload class name
 * @param state          {@link State#FAILED}: it failed itself; {@link State#WAITING}: it waits behind an earlier
 *                       parked event of the same key
 * @param reason         why it failed (exception class and message, cut to 500 characters), null while waiting
 * @param attempts       failed attempts so far (the publisher's, then one per failed replay)
 * @param firstFailedAt  the first failed attempt, null while only waiting
 * @param lastFailedAt   the latest failed attempt, null while only waiting
 * @param parkedAt       when it was parked
 */
public record PublisherDeadLetter(@BsonId String eventId, String sequenceKey, String aggregateType,
                                  Long sequenceNumber, Long globalIndex, String payloadType, State state,
                                  String reason, int attempts, Instant firstFailedAt, Instant lastFailedAt,
                                  Instant parkedAt) {

    public enum State {
        /** Mapping or sending this event failed permanently, {@code max-attempts} times. */
        FAILED,
        /** Nothing known against this event: it waits behind an earlier parked event of the same sequence key. */
        WAITING
    }
}
