/**
 * Durable, exactly-once firing of the at-risk and breach markers.
 *
 * <ul>
 *   <li>{@link org.pledge.cases.sla.schedule.SlaClockProjection} (processing group {@code sla-clocks}, pooled
 *       streaming, token in Mongo) keeps one document per case in {@code sla_clocks} with the next marker due and
 *       when ({@code nextDueAt}, null while paused, closed, or when both fired). Idempotent by aggregate sequence
 *       number.</li>
 *   <li>{@link org.pledge.cases.sla.schedule.SlaSweeper}, every {@code pledge.sla.sweep-interval}, reads up to
 *       {@code pledge.sla.batch-size} due clocks, claims each with one {@code findOneAndUpdate} on {@code _id}
 *       ({@code claimedBy}, {@code claimedUntil}) and sends {@code MarkCaseAtRiskCommand} or
 *       {@code MarkServiceStandardBreachedCommand}. The case aggregate records each marker once and ignores stale,
 *       early, paused or closed marks: it is the guard; the claim only spares the other instances the work.</li>
 *   <li>Time comes from the injected {@link java.time.Clock}; due instants are stored rounded up to the millisecond,
 *       so a sweep is never earlier than the case.</li>
 * </ul>
 * No transactions, no change streams, no TTL: the same on MongoDB and mongo-java-server (where the due-query scans).
 */
package org.pledge.cases.sla.schedule;
