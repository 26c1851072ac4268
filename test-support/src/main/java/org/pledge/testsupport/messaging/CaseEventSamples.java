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

    /** A passport case with a fee of 120.00 CAD. */
    public static CloudEvent submitted(String ceId, String caseId) {
        return submitted(ceId, caseId, "PASSPORT", "120.00");
    }

    /** A submitted event without its case id: it breaks the schema, so no retry can handle it. */
    public static CloudEvent submittedWithoutCaseId(String ceId) {
        return new CloudEvent(ceId, SUBMITTED, SOURCE, "poison", "{\"serviceType\":\"PASSPORT\"}");
    }
}
