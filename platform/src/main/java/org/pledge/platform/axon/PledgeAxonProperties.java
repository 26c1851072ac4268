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
 */
@ConfigurationProperties("pledge.axon")
public record PledgeAxonProperties(
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("10s") Duration tokenClaimTimeout,
        @DefaultValue("100") int eventBatchSize,
        @DefaultValue("60s") Duration gapTimeout) {
}
