package org.pledge.audit;

/**
 * The first sequence where the chain breaks, and how.
 *
 * @param sequence the global sequence number
 * @param kind     how it breaks
 * @param detail   a short human-readable explanation (numbers and hashes only, never stored content)
 */
public record Break(long sequence, BreakKind kind, String detail) {
}
