package org.pledge.cases.casefile.api;

/** SUBMITTED → ASSIGNED → IN_PROGRESS ⇄ AWAITING_INFORMATION → RESOLVED (→ reopened: IN_PROGRESS), or WITHDRAWN. */
public enum CaseStatus {
    SUBMITTED, ASSIGNED, IN_PROGRESS, AWAITING_INFORMATION, RESOLVED, WITHDRAWN;

    /** Neither resolved nor withdrawn: the clock can run, mark at risk and breach. */
    public boolean isOpen() {
        return this != RESOLVED && this != WITHDRAWN;
    }
}
