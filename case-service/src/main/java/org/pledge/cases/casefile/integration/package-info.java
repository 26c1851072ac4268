/**
 * Between case-service and the other services.
 *
 * <ul>
 *   <li>{@code CaseIntegrationEvents}: internal case events → {@code pledge.case.*.v1} on {@code pledge.case.v1}
 *       (published by the platform's {@code integration-publisher}). The facts an internal event does not carry come
 *       from the event store, not from a projection: the submission (sequence 0, via {@code CaseOrigins}, cached
 *       without personal data) and the current deadline (folded from the earlier events, cached per case). Same store
 *       prefix, same data: a retry or a restart publishes identical events.</li>
 *   <li>{@code FollowUpRequests}: {@code pledge.feedback.follow-up-requested.v1} → {@code OpenFollowUpCaseCommand},
 *       once per request (dedup by {@code ce_id}, and the case id derived from the follow-up id); the follow-up
 *       belongs to the earlier case's owner.</li>
 *   <li>{@code NotificationOutcomes}: {@code pledge.notification.delivered.v1} / {@code .failed.v1} →
 *       {@code RecordClientNotifiedCommand} / {@code RecordClientNotificationFailedCommand}, once per notification
 *       (dedup by {@code ce_id}, and the case ignores a notification's outcome it has); an unknown case is retried, then
 *       parked.</li>
 * </ul>
 */
package org.pledge.cases.casefile.integration;
