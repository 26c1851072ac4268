package org.pledge.testsupport.messaging;

import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * notification-service's integration events as another service receives them ({@code pledge.notification.v1}), for
 * that service's tests: valid against the contract's schema unless the name says otherwise. Keyed by the case id.
 */
public final class NotificationEventSamples {

    public static final String DELIVERED = "pledge.notification.delivered.v1";
    public static final String FAILED = "pledge.notification.failed.v1";
    public static final String SOURCE = "/pledge/notification-service";

    private NotificationEventSamples() {
    }

    /**
     * The client of {@code caseId} was told by email, in fr-CA, that their case was received (template
     * {@code case-submitted}, for {@code pledge.case.submitted.v1}), at {@code deliveredAt}.
     */
    public static CloudEvent deliveredByEmail(String ceId, String caseId, String notificationId, String deliveredAt) {
        return new CloudEvent(ceId, DELIVERED, SOURCE, caseId, """
                {"notificationId":"%s","caseId":"%s","applicantReference":"ref-1","ruleId":"case-submitted",
                 "templateId":"case-submitted","sourceEventType":"pledge.case.submitted.v1","channel":"EMAIL","language":"fr-CA",
                 "deliveredAt":"%s"}""".formatted(notificationId, caseId, deliveredAt));
    }

    /**
     * The client of {@code caseId} could not be told of their case's resolution: email bounced, then the letter's address
     * was rejected, at {@code failedAt}.
     */
    public static CloudEvent failedEverywhere(String ceId, String caseId, String notificationId, String failedAt) {
        return new CloudEvent(ceId, FAILED, SOURCE, caseId, """
                {"notificationId":"%s","caseId":"%s","applicantReference":"ref-1","ruleId":"case-resolved",
                 "templateId":"case-resolved","sourceEventType":"pledge.case.resolved.v1","channel":"LETTER",
                 "channelsTried":["EMAIL","LETTER"],"reason":"address-rejected","failedAt":"%s"}"""
                .formatted(notificationId, caseId, failedAt));
    }

    /** A delivered event without its channel: it breaks the schema, so no retry can handle it. */
    public static CloudEvent deliveredWithoutChannel(String ceId, String caseId) {
        return new CloudEvent(ceId, DELIVERED, SOURCE, caseId, """
                {"notificationId":"n-poison","caseId":"%s","ruleId":"case-submitted","templateId":"case-submitted",
                 "sourceEventType":"pledge.case.submitted.v1","language":"fr-CA","deliveredAt":"2026-03-02T14:00:03Z"}"""
                .formatted(caseId));
    }
}
