package org.pledge.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pledge.contracts.audit.AuditCheckpointV1;
import org.pledge.contracts.cases.CaseAssignedV1;
import org.pledge.contracts.cases.CaseAtRiskV1;
import org.pledge.contracts.cases.CaseReopenedV1;
import org.pledge.contracts.cases.CaseResolvedV1;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.contracts.cases.CaseWithdrawnV1;
import org.pledge.contracts.cases.DeadlineRecalculatedV1;
import org.pledge.contracts.cases.InformationReceivedV1;
import org.pledge.contracts.cases.InformationRequestedV1;
import org.pledge.contracts.cases.ServiceStandardBreachedV1;
import org.pledge.contracts.feedback.FeedbackReceivedV1;
import org.pledge.contracts.feedback.FollowUpRequestedV1;
import org.pledge.contracts.feedback.SatisfactionAlertV1;
import org.pledge.contracts.feedback.SatisfactionRecoveredV1;
import org.pledge.contracts.feedback.SurveyInvitedV1;
import org.pledge.contracts.guarantee.ClaimOpenedV1;
import org.pledge.contracts.guarantee.RefundApprovedV1;
import org.pledge.contracts.guarantee.RefundFailedV1;
import org.pledge.contracts.guarantee.RefundPaidV1;
import org.pledge.contracts.guarantee.RefundRejectedV1;
import org.pledge.contracts.notification.NotificationDeliveredV1;
import org.pledge.contracts.notification.NotificationFailedV1;
import org.pledge.contracts.privacy.DataSubjectErasedV1;

/** Every integration event type Pledge publishes. Within a version, changes are additive only. */
public final class EventTypes {

    public static final EventType CASE_SUBMITTED =
            new EventType("pledge.case.submitted.v1", Topics.CASE, CaseSubmittedV1.class);
    public static final EventType CASE_ASSIGNED =
            new EventType("pledge.case.assigned.v1", Topics.CASE, CaseAssignedV1.class);
    public static final EventType CASE_INFORMATION_REQUESTED =
            new EventType("pledge.case.information-requested.v1", Topics.CASE, InformationRequestedV1.class);
    public static final EventType CASE_INFORMATION_RECEIVED =
            new EventType("pledge.case.information-received.v1", Topics.CASE, InformationReceivedV1.class);
    public static final EventType CASE_AT_RISK =
            new EventType("pledge.case.at-risk.v1", Topics.CASE, CaseAtRiskV1.class);
    public static final EventType CASE_SERVICE_STANDARD_BREACHED =
            new EventType("pledge.case.service-standard-breached.v1", Topics.CASE, ServiceStandardBreachedV1.class);
    public static final EventType CASE_RESOLVED =
            new EventType("pledge.case.resolved.v1", Topics.CASE, CaseResolvedV1.class);
    public static final EventType CASE_WITHDRAWN =
            new EventType("pledge.case.withdrawn.v1", Topics.CASE, CaseWithdrawnV1.class);
    public static final EventType CASE_REOPENED =
            new EventType("pledge.case.reopened.v1", Topics.CASE, CaseReopenedV1.class);
    public static final EventType CASE_DEADLINE_RECALCULATED =
            new EventType("pledge.case.deadline-recalculated.v1", Topics.CASE, DeadlineRecalculatedV1.class);
    public static final EventType FEEDBACK_FOLLOW_UP_REQUESTED =
            new EventType("pledge.feedback.follow-up-requested.v1", Topics.FEEDBACK, FollowUpRequestedV1.class);
    public static final EventType FEEDBACK_SURVEY_INVITED =
            new EventType("pledge.feedback.survey-invited.v1", Topics.FEEDBACK, SurveyInvitedV1.class);
    public static final EventType FEEDBACK_RECEIVED =
            new EventType("pledge.feedback.received.v1", Topics.FEEDBACK, FeedbackReceivedV1.class);
    public static final EventType FEEDBACK_SATISFACTION_ALERT =
            new EventType("pledge.feedback.satisfaction-alert.v1", Topics.FEEDBACK, SatisfactionAlertV1.class);
    public static final EventType FEEDBACK_SATISFACTION_RECOVERED =
            new EventType("pledge.feedback.satisfaction-recovered.v1", Topics.FEEDBACK, SatisfactionRecoveredV1.class);
    public static final EventType NOTIFICATION_DELIVERED =
            new EventType("pledge.notification.delivered.v1", Topics.NOTIFICATION, NotificationDeliveredV1.class);
    public static final EventType NOTIFICATION_FAILED =
            new EventType("pledge.notification.failed.v1", Topics.NOTIFICATION, NotificationFailedV1.class);
    public static final EventType GUARANTEE_CLAIM_OPENED =
            new EventType("pledge.guarantee.claim-opened.v1", Topics.GUARANTEE, ClaimOpenedV1.class);
    public static final EventType GUARANTEE_REFUND_APPROVED =
            new EventType("pledge.guarantee.refund-approved.v1", Topics.GUARANTEE, RefundApprovedV1.class);
    public static final EventType GUARANTEE_REFUND_REJECTED =
            new EventType("pledge.guarantee.refund-rejected.v1", Topics.GUARANTEE, RefundRejectedV1.class);
    public static final EventType GUARANTEE_REFUND_PAID =
            new EventType("pledge.guarantee.refund-paid.v1", Topics.GUARANTEE, RefundPaidV1.class);
    public static final EventType GUARANTEE_REFUND_FAILED =
            new EventType("pledge.guarantee.refund-failed.v1", Topics.GUARANTEE, RefundFailedV1.class);
    public static final EventType PRIVACY_DATA_SUBJECT_ERASED =
            new EventType("pledge.privacy.data-subject-erased.v1", Topics.PRIVACY, DataSubjectErasedV1.class);
    public static final EventType AUDIT_CHECKPOINT =
            new EventType("pledge.audit.checkpoint.v1", Topics.AUDIT, AuditCheckpointV1.class);

    public static final List<EventType> ALL = List.of(CASE_SUBMITTED, CASE_ASSIGNED, CASE_INFORMATION_REQUESTED,
            CASE_INFORMATION_RECEIVED, CASE_AT_RISK, CASE_SERVICE_STANDARD_BREACHED, CASE_RESOLVED, CASE_WITHDRAWN, CASE_REOPENED,
            CASE_DEADLINE_RECALCULATED, FEEDBACK_FOLLOW_UP_REQUESTED, FEEDBACK_SURVEY_INVITED, FEEDBACK_RECEIVED,
            FEEDBACK_SATISFACTION_ALERT, FEEDBACK_SATISFACTION_RECOVERED, NOTIFICATION_DELIVERED,
            NOTIFICATION_FAILED, GUARANTEE_CLAIM_OPENED, GUARANTEE_REFUND_APPROVED,
            GUARANTEE_REFUND_REJECTED, GUARANTEE_REFUND_PAID, GUARANTEE_REFUND_FAILED, PRIVACY_DATA_SUBJECT_ERASED, AUDIT_CHECKPOINT);

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
