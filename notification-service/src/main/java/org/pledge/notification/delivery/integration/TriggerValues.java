package org.pledge.notification.delivery.integration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.contracts.Money;
import org.pledge.contracts.cases.CaseResolvedV1;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.contracts.cases.DeadlineRecalculatedV1;
import org.pledge.contracts.cases.InformationReceivedV1;
import org.pledge.contracts.cases.InformationRequestedV1;
import org.pledge.contracts.cases.ServiceStandardBreachedV1;
import org.pledge.contracts.feedback.FollowUpRequestedV1;
import org.pledge.contracts.feedback.SurveyInvitedV1;
import org.pledge.contracts.guarantee.RefundApprovedV1;
import org.pledge.contracts.guarantee.RefundPaidV1;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.messaging.consume.InboundCloudEvent;

/**
 * Maps each {@link Trigger}'s contract to its raw placeholder values (DATE: an ISO instant; MONEY: {@code "30.00 CAD"};
 * CODE: the code; TEXT as it is), named as the trigger names them. The contract types go no further than this package.
 * Values that are credentials (the survey's single-use link) are kept apart ({@link Triggered#sealed}): they are stored
 * only encrypted, and never logged. A value the event does not carry is left out.
 */
final class TriggerValues {

    private TriggerValues() {
    }

    /**
     * What one event gives its notifications.
     *
     * @param recipientRef  the applicant's reference (the data subject), null when the event names none
     * @param eventLanguage the language the event states for the client, may be null
     */
    record Triggered(Trigger trigger, String caseId, String recipientRef, String eventLanguage, Map<String, String> values,
                     Map<String, String> sealed) {

        @Override
        public String toString() {
            return "Triggered[" + trigger + ", case " + caseId + "]";
        }
    }

    /** The event's values; the contract's JSON Schema is checked first (a bad record throws and is parked). */
    static Triggered of(Trigger trigger, InboundCloudEvent event, ObjectMapper json) {
        Values v = new Values();
        return switch (trigger) {
            case CASE_SUBMITTED -> {
                CaseSubmittedV1 e = event.contractData(CaseSubmittedV1.class, json);
                v.common(e.caseId(), e.serviceType()).date("dueDate", e.deadline());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case INFORMATION_REQUESTED -> {
                InformationRequestedV1 e = event.contractData(InformationRequestedV1.class, json);
                v.common(e.caseId(), e.serviceType()).text("reason", e.reasonCode()).date("dueDate", e.deadline());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case INFORMATION_RECEIVED -> {
                InformationReceivedV1 e = event.contractData(InformationReceivedV1.class, json);
                v.common(e.caseId(), e.serviceType()).date("dueDate", e.deadline());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case DEADLINE_RECALCULATED -> {
                DeadlineRecalculatedV1 e = event.contractData(DeadlineRecalculatedV1.class, json);
                v.common(e.caseId(), e.serviceType()).date("dueDate", e.deadline());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case CASE_RESOLVED -> {
                CaseResolvedV1 e = event.contractData(CaseResolvedV1.class, json);
                v.common(e.caseId(), e.serviceType()).text("outcome", e.outcome()).date("resolvedOn", e.resolvedAt())
                        .text("onTime", Boolean.toString(e.onTime()));
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case SERVICE_STANDARD_BREACHED -> {
                ServiceStandardBreachedV1 e = event.contractData(ServiceStandardBreachedV1.class, json);
                v.common(e.caseId(), e.serviceType()).date("dueDate", e.deadline())
                        .text("guaranteed", e.guaranteed() == null ? null : e.guaranteed().toString()).money("fee", e.fee());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case REFUND_APPROVED -> {
                RefundApprovedV1 e = event.contractData(RefundApprovedV1.class, json);
                v.common(e.caseId(), e.serviceType()).money("amount", e.amount()).text("method", e.method());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case REFUND_PAID -> {
                RefundPaidV1 e = event.contractData(RefundPaidV1.class, json);
                v.common(e.caseId(), e.serviceType()).money("amount", e.amount()).text("method", e.method()).date("paidOn", e.paidAt());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case SURVEY_INVITED -> {
                SurveyInvitedV1 e = event.contractData(SurveyInvitedV1.class, json);
                v.common(e.caseId(), e.serviceType()).date("expiresOn", e.expiresAt());
                if (e.link() != null) {
                    v.sealed.put("surveyLink", e.link());
                }
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
            case FOLLOW_UP_REQUESTED -> {
                // the first form of v1 names no applicant (recipient null): nobody is told, and that is no error
                FollowUpRequestedV1 e = event.contractData(FollowUpRequestedV1.class, json);
                v.common(e.caseId(), e.serviceType()).text("rating", e.rating() == null ? null : e.rating().toString());
                yield v.of(trigger, e.caseId(), e.applicantReference(), e.language());
            }
        };
    }

    private static final class Values {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> sealed = new LinkedHashMap<>();

        Values common(String caseId, String serviceType) {
            return text("caseId", caseId).text("serviceType", serviceType);
        }

        Values text(String name, String value) {
            if (value != null) {
                values.put(name, value);
            }
            return this;
        }

        Values date(String name, Instant value) {
            return text(name, value == null ? null : value.toString());
        }

        Values money(String name, Money value) {
            return text(name, value == null ? null : value.amount() + " " + value.currency());
        }

        Triggered of(Trigger trigger, String caseId, String recipientRef, String language) {
            return new Triggered(trigger, caseId, recipientRef, language, Map.copyOf(values), Map.copyOf(sealed));
        }
    }
}
