package org.pledge.audit;

/**
 * The result of verifying the range [{@code from}, {@code to}] of a chain.
 *
 * @param ok                  whether the whole range verified
 * @param from                the first sequence checked
 * @param to                  the last sequence checked
 * @param eventsVerified      how many sequences verified before the first break (all of the range when ok);
 *                            tombstones count as they are part of the chain
 * @param checkpointsVerified how many checkpoints in the range verified before the first break
 * @param firstBreak          the first break by sequence, or null when ok
 */
public record Verification(boolean ok, long from, long to, long eventsVerified, int checkpointsVerified,
                           Break firstBreak) {

    /** A range that verified. */
    public static Verification ok(long from, long to, long eventsVerified, int checkpointsVerified) {
        return new Verification(true, from, to, eventsVerified, checkpointsVerified, null);
    }

    /** A range that broke at {@code firstBreak}. */
    public static Verification broken(long from, long to, long eventsVerified, int checkpointsVerified,
                                      Break firstBreak) {
        return new Verification(false, from, to, eventsVerified, checkpointsVerified, firstBreak);
    }
}
