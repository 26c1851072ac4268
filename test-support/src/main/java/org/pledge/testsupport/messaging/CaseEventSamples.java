package org.pledge.testsupport.messaging;

import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * case-service's integration events as another service receives them, for that service's tests: valid against the
 * contract's schema unless the name says otherwise.
 */
public final class CaseEventSamples {

    public static final String SUBMITTED = "pledge.case.submitted.v1";
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
}
