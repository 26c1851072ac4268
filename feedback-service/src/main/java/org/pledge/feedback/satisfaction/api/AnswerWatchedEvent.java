package org.pledge.feedback.satisfaction.api;

import java.time.Instant;

/**
 * An answer counted in its service type's rolling CSAT. No comment, no person: whether the client was satisfied
 * (rating 4–5).
 *
 * @param position    the answer's global position (see {@link WatchAnswerCommand#position})
 * @param lastAnswers how many answers the rolling figure keeps (the rule's N when the answer was counted)
 */
public record AnswerWatchedEvent(String watchId, String serviceType, String feedbackId, long position, boolean satisfied,
                                 int lastAnswers, Instant receivedAt) {
}
