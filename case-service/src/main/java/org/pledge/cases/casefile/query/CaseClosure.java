package org.pledge.cases.casefile.query;

import java.time.Instant;

import org.pledge.cases.casefile.api.CaseStatus;

/**
 * A case as the retention sees it: whose it is ({@code subjectRef}, the applicant's reference), of which service type,
 * and when it was closed ({@code closedAt}: resolved or withdrawn; null while the case is open).
 */
public record CaseClosure(String caseId, String serviceType, String subjectRef, CaseStatus status, Instant closedAt) {

    public boolean isOpen() {
        return status == null || status.isOpen();
    }
}
