package org.pledge.feedback.satisfaction.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Count one answer in its service type's rolling CSAT.
 *
 * @param position the answer's position in the event stream (its global sequence number): answers reach a watch in
 *                 increasing position, so one at or below the last counted is a redelivery and changes nothing
 * @param rule     the alert rule in force for the service type now
 */
public record WatchAnswerCommand(@CommandTarget String watchId, String serviceType, String feedbackId, long position, int rating,
                                 Instant receivedAt, AlertRule rule) {

    public static WatchAnswerCommand of(String serviceType, String feedbackId, long position, int rating, Instant receivedAt,
                                        AlertRule rule) {
        return new WatchAnswerCommand(SatisfactionWatchIds.forServiceType(serviceType), serviceType, feedbackId, position, rating,
                receivedAt, rule);
    }
}
