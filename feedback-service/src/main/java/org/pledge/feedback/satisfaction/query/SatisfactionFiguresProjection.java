package org.pledge.feedback.satisfaction.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every answer into {@link SatisfactionBuckets}, once: by its position in the event stream, which this group
 * sees in order (one segment, a sequential policy: {@code SatisfactionConfiguration}). Errors propagate, so a failed
 * batch is retried rather than skipped. Minute buckets older than two hours and hour buckets older than two days are
 * purged at most every ten minutes (day buckets are kept). Operators rebuild it with
 * {@code POST /ops/processors/satisfaction-figures/replay}.
 */
@ProcessingGroup(SatisfactionFiguresProjection.GROUP)
public class SatisfactionFiguresProjection {

    public static final String GROUP = "satisfaction-figures";
    private static final Logger log = LoggerFactory.getLogger(SatisfactionFiguresProjection.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final SatisfactionBuckets buckets;
    private final Clock clock;
    private volatile Instant lastPurge = Instant.MIN;

    public SatisfactionFiguresProjection(SatisfactionBuckets buckets, Clock clock) {
        this.buckets = buckets;
        this.clock = clock;
    }

    @EventHandler
    void on(FeedbackReceivedEvent event, TrackingToken token) {
        Answer answer = Answer.of(event);
        if (!answer.isCountable()) {
            log.warn("Feedback {} not counted in the satisfaction figures: rating, effort or time out of range", event.feedbackId());
            return;
        }
        long position = token.position().orElseThrow(() -> new IllegalStateException("a tracking token without a position"));
        buckets.count(answer, position);
        purgeWhenDue();
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (lastPurge.plus(PURGE_EVERY).isAfter(now)) {
            return;
        }
        lastPurge = now;
        buckets.purge(BucketSize.MINUTE, now.minus(Duration.ofHours(2)));
        buckets.purge(BucketSize.HOUR, now.minus(Duration.ofDays(2)));
    }

    @ResetHandler
    void reset() {
        buckets.deleteAll();
    }
}
