package org.pledge.testsupport.messaging;

import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * case-service's integration events as another service receives them, for that service's tests: valid against the
 * contract's schema unless the name says otherwise.
 */
public final class CaseEventSamples {

    public static final String SUBMITTED = "pledge.case.submitted.v1";
    public static final String BREACHED = "pledge.case.service-standard-breached.v1";
    public static final String RESOLVED = "pledge.case.resolved.v1";
    public static final String WITHDRAWN = "pledge.case.withdrawn.v1";
    public static final String REOPENED = "pledge.case.reopened.v1";
    public static final String DEADLINE_RECALCULATED = "pledge.case.deadline-recalculated.v1";
    public static final String SOURCE = "/pledge/case-service";

    private CaseEventSamples() {
    }

    /** A case submitted for {@code serviceType} with a fee of {@code fee} CAD, as CloudEvent {@code ceId}. */
    public static CloudEvent submitted(String ceId, String caseId, String serviceType, String fee) {
        return new CloudEvent(ceId, SUBMITTED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","submittedAt":"2025-03-03T14:00:00Z","deadline":"2025-03-17T14:00:00Z",
                 "applicant":{"name":"Marie Tremblay","email":"marie@example.org"},
                 "fee":{"amount":"%s","currency":"CAD"}}""".formatted(caseId, serviceType, fee));
    }

    /**
     * A passport case of data subject {@code subjectRef} (the applicant's reference) submitted at {@code submittedAt},
     * whose applicant is Marie Tremblay with {@code email}, a phone and a postal address, in French by email.
     */
    public static CloudEvent submittedBy(String ceId, String caseId, String subjectRef, String submittedAt, String email) {
        return new CloudEvent(ceId, SUBMITTED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"PASSPORT","channel":"WEB","applicantReference":"%s","language":"fr-CA",
                 "preferredChannel":"EMAIL","submittedAt":"%s","deadline":"2026-03-17T14:00:00Z",
                 "applicant":{"name":"Marie Tremblay","email":"%s","phone":"+15145550123",
                              "postalAddress":"1200 rue Sainte-Catherine O\\nMontréal QC H3B 1K9"},
                 "fee":{"amount":"120.00","currency":"CAD"}}""".formatted(caseId, subjectRef, submittedAt, email));
    }

    /** A passport case with a fee of 120.00 CAD. */
    public static CloudEvent submitted(String ceId, String caseId) {
        return submitted(ceId, caseId, "PASSPORT", "120.00");
    }

    /** A submitted event without its case id: it breaks the schema, so no retry can handle it. */
    public static CloudEvent submittedWithoutCaseId(String ceId) {
        return new CloudEvent(ceId, SUBMITTED, SOURCE, "poison", "{\"serviceType\":\"PASSPORT\"}");
    }

    /**
     * A case submitted for {@code serviceType} with a fee of {@code fee} CAD paid under {@code paymentReference} at the
     * payment provider (null: none given), applicant reference {@code ref-1}, in French.
     */
    public static CloudEvent submittedWithPayment(String ceId, String caseId, String serviceType, String fee, String paymentReference) {
        String reference = paymentReference == null ? "" : ",\"paymentReference\":\"%s\"".formatted(paymentReference);
        return new CloudEvent(ceId, SUBMITTED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","submittedAt":"2025-03-03T14:00:00Z","deadline":"2025-03-17T14:00:00Z",
                 "applicant":{"name":"Marie Tremblay","email":"marie@example.org"},
                 "fee":{"amount":"%s","currency":"CAD"}%s}""".formatted(caseId, serviceType, fee, reference));
    }

    /**
     * The case's guaranteed standard was missed: deadline 2025-03-17T14:00:00Z, marked 2025-03-18T06:00:00Z, guaranteed,
     * with a fee of {@code fee} CAD (null: no fee carried).
     */
    public static CloudEvent breached(String ceId, String caseId, String serviceType, String fee) {
        return breached(ceId, caseId, serviceType, fee, true);
    }

    /** As {@link #breached(String, String, String, String)}, saying whether the case's standard was guaranteed. */
    public static CloudEvent breached(String ceId, String caseId, String serviceType, String fee, boolean guaranteed) {
        String feeJson = fee == null ? "" : ",\"fee\":{\"amount\":\"%s\",\"currency\":\"CAD\"}".formatted(fee);
        return new CloudEvent(ceId, BREACHED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","deadline":"2025-03-17T14:00:00Z","markedAt":"2025-03-18T06:00:00Z",
                 "guaranteed":%s%s}""".formatted(caseId, serviceType, guaranteed, feeJson));
    }

    /**
     * The case was resolved with {@code outcome} ({@code APPROVED}, {@code REFUSED}, {@code OTHER}) at
     * 2025-04-01T15:00:00Z, {@code lateness} business days late (0: on time), with {@code reasonCode} (null: none).
     */
    public static CloudEvent resolved(String ceId, String caseId, String serviceType, String outcome, int lateness, String reasonCode) {
        String reason = reasonCode == null ? "" : ",\"reasonCode\":\"%s\"".formatted(reasonCode);
        return new CloudEvent(ceId, RESOLVED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","deadline":"2025-03-17T14:00:00Z","outcome":"%s",
                 "resolvedAt":"2025-04-01T15:00:00Z","onTime":%s,"latenessBusinessDays":%d%s}"""
                .formatted(caseId, serviceType, outcome, lateness == 0, lateness, reason));
    }

    /** The case was withdrawn by its channel at 2025-03-20T10:00:00Z. */
    public static CloudEvent withdrawn(String ceId, String caseId, String serviceType) {
        return new CloudEvent(ceId, WITHDRAWN, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","deadline":"2025-03-17T14:00:00Z","withdrawnBy":"CHANNEL",
                 "withdrawnAt":"2025-03-20T10:00:00Z"}""".formatted(caseId, serviceType));
    }

    /** The resolved case was reopened at 2025-04-10T09:00:00Z. */
    public static CloudEvent reopened(String ceId, String caseId, String serviceType) {
        return new CloudEvent(ceId, REOPENED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","deadline":"2025-03-17T14:00:00Z","resolvedAt":"2025-04-01T15:00:00Z",
                 "reopenedAt":"2025-04-10T09:00:00Z"}""".formatted(caseId, serviceType));
    }

    /** The case's deadline was recalculated (a new calendar version) to {@code deadline}, at 2025-04-02T08:00:00Z. */
    public static CloudEvent deadlineRecalculated(String ceId, String caseId, String serviceType, String deadline) {
        return new CloudEvent(ceId, DEADLINE_RECALCULATED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","deadline":"%s","calendarId":"CA-QC","calendarVersion":2,
                 "recalculatedAt":"2025-04-02T08:00:00Z"}""".formatted(caseId, serviceType, deadline));
    }

    /**
     * A passport case of data subject {@code subjectRef} submitted at 2026-03-02T14:00:00Z, due 2026-03-17T14:00:00Z, in
     * {@code language}, preferring {@code preferredChannel}, whose applicant Marie Tremblay is reached at the contact
     * points given (null: none).
     */
    public static CloudEvent submittedReachableBy(String ceId, String caseId, String subjectRef, String language, String preferredChannel,
                                                  String email, String phone, String postalAddress) {
        StringBuilder applicant = new StringBuilder("{\"name\":\"Marie Tremblay\"");
        if (email != null) {
            applicant.append(",\"email\":\"").append(email).append('"');
        }
        if (phone != null) {
            applicant.append(",\"phone\":\"").append(phone).append('"');
        }
        if (postalAddress != null) {
            applicant.append(",\"postalAddress\":\"").append(postalAddress.replace("\n", "\\n")).append('"');
        }
        applicant.append('}');
        return new CloudEvent(ceId, SUBMITTED, SOURCE, caseId, """
                {"caseId":"%s","serviceType":"PASSPORT","channel":"WEB","applicantReference":"%s","language":"%s",
                 "preferredChannel":"%s","submittedAt":"2026-03-02T14:00:00Z","deadline":"2026-03-17T14:00:00Z",
                 "applicant":%s,"fee":{"amount":"120.00","currency":"CAD"}}"""
                .formatted(caseId, subjectRef, language, preferredChannel, applicant));
    }

    /** Information was asked for ({@code reasonCode}) on the case of {@code subjectRef} at 2026-03-05T15:30:00Z; the clock paused. */
    public static CloudEvent informationRequested(String ceId, String caseId, String subjectRef, String reasonCode) {
        return new CloudEvent(ceId, "pledge.case.information-requested.v1", SOURCE, caseId, """
                {"caseId":"%s","serviceType":"PASSPORT","channel":"WEB","applicantReference":"%s","language":"fr-CA",
                 "preferredChannel":"EMAIL","deadline":"2026-03-17T14:00:00Z","reasonCode":"%s",
                 "requestedAt":"2026-03-05T15:30:00Z"}""".formatted(caseId, subjectRef, reasonCode));
    }
}
