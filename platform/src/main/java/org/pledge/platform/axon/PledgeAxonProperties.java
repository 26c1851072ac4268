package org.pledge.platform.axon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.axon.*}.
 *
 * @param snapshotThreshold  events after which {@code pledgeSnapshotTrigger} takes a snapshot
 * @param tokenClaimTimeout  how long a processor's token claim is valid before another node may take it
 * @param eventBatchSize     events read per query from the event store
 * @param gapTimeout         how long a tracking reader waits for an allocated global sequence number to become
 *                           visible before it seals it (see docs/adr/0004-sequenced-mongo-event-store.md)
 * @param processorBatchSize most events a pooled streaming processor's segment handles in one unit of work, with one
 *                           token update at its end (Axon's default is 1: a token write per event and segment). Only
 *                           events already read are batched, so a quiet stream still handles each event at once.
 * @param processorSegments  segments a pooled streaming processor starts with (Axon's default is 16); more segments
 *                           let more instances share a processor, each costs a token document and its writes
 * @param trackingPollInterval the least time between two reads of the event stream by one reader at its head (see
 *                           {@code org.pledge.platform.eventstore.LookAhead}): events reach processors up
 *                           to this much later, and a steady stream of commits costs one query per interval instead of
 *                           about two per event
 * @param processorWakeInterval the least time between two wakes of idle processors demanded by writes that wait for
 *                           their read model ({@link StageRecordingEventStore#wakeReaders}): after a quiet spell at once, under many
 *                           such writes at most this far apart
 * @param commandConflictRetries how often the command gateway retries a command that lost a race for its aggregate
 *                           ({@link org.axonframework.modelling.command.ConcurrencyException}); see {@link ConflictRetryScheduler}
 */
@ConfigurationProperties("pledge.axon")
public record PledgeAxonProperties(
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("10s") Duration tokenClaimTimeout,
        @DefaultValue("100") int eventBatchSize,
        @DefaultValue("60s") Duration gapTimeout,
        @DefaultValue("100") int processorBatchSize,
        @DefaultValue("4") int processorSegments,
        @DefaultValue("5") int commandConflictRetries,
        @DefaultValue("5ms") Duration trackingPollInterval,
        @DefaultValue("5ms") Duration processorWakeInterval) {
}
