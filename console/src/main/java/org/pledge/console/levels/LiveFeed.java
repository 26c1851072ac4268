package org.pledge.console.levels;

/**
 * What a live page's stream sends: asked every {@code pledge.console.live-interval} by {@link LiveStreams} with the
 * person's bound token, it answers the page's live fragment and a digest of the figures in it; the stream sends the
 * fragment only when the digest differs from the last one sent (or the one the page was rendered with).
 */
public interface LiveFeed {

    /** The live fragment now (may throw {@code ServiceProblemException}: 401/403 end the stream, others skip a tick). */
    Snapshot poll(BoundApis apis);

    /** The live region once the stream has ended for good ({@code signed-out}, {@code refused}), around the last fragment. */
    String ended(String reason, String lastHtml);

    /** A fragment and the digest of what it shows. */
    record Snapshot(String fingerprint, String html) {
    }
}
