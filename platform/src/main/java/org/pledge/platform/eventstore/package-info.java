/**
 * The sequenced MongoDB event store: an Axon event storage engine that gives every event a dense global sequence
 * number, delivers the stream strictly in that order with gap-aware tracking tokens, and reads only by exact
 * {@code _id} or aggregate key (docs/adr/0004-sequenced-mongo-event-store.md).
 * <p>
 * Reading order:
 * <ol>
 *     <li>{@link org.pledge.platform.eventstore.MongoSequencedEventStorageEngine}: the whole design in its javadoc,
 *     the wiring of the parts below, what Axon calls, and its {@code Builder} (settings and defaults).</li>
 *     <li>{@link org.pledge.platform.eventstore.EventDocuments}: the storage format: fields, indexes, conversions,
 *     tombstone documents.</li>
 *     <li>{@link org.pledge.platform.eventstore.GlobalSequenceAllocator}: optimistic allocation of global sequence
 *     numbers, back-off and re-sync after a lost race.</li>
 *     <li>{@link org.pledge.platform.eventstore.EventAppender}: a commit in one ordered insert, compensated and
 *     retried when a number was taken.</li>
 *     <li>{@link org.pledge.platform.eventstore.Tombstones}: aborted commits (by their writer) and sealed gaps (by a
 *     reader).</li>
 *     <li>{@link org.pledge.platform.eventstore.GapExpiry}: when a missing number has been missing for the gap
 *     timeout, by the reader's clock.</li>
 *     <li>{@link org.pledge.platform.eventstore.LookAhead}: how many numbers a tracked read asks for, and the poll
 *     interval at the head.</li>
 *     <li>{@link org.pledge.platform.eventstore.TrackedEventReader}: tracked reads in global-sequence order, commit
 *     completeness, head and time-based tokens.</li>
 *     <li>{@link org.pledge.platform.eventstore.AggregateEventReader} and
 *     {@link org.pledge.platform.eventstore.SnapshotStore}: loading an aggregate.</li>
 *     <li>{@link org.pledge.platform.eventstore.DuplicateKeys}: the one error the engine acts on.</li>
 * </ol>
 * Only the engine and its builder are public; the parts are package-private, one of each per engine. Their state:
 * the allocator's next number, the gap samples, the per-thread look-ahead, the time of the reader's last probe.
 */
package org.pledge.platform.eventstore;
