package org.pledge.audit;

import java.time.Instant;

/** Records for tests: the pinned vector and small chains. */
final class AuditRecords {

    /** The record of the test vector in docs/audit.md. */
    static final AuditRecord VECTOR = new AuditRecord(42, AuditRecord.EVENT, "case-7", 3, "Case",
            "e-1", "org.pledge.cases.casefile.api.CaseSubmittedEvent", "1", Instant.parse("2025-01-02T03:04:05.678Z"),
            "{\"traceId\":\"t-1\"}", "{\"caseId\":\"case-7\"}");

    private AuditRecords() {
    }

    /** An event at {@code sequence} with a payload that names the sequence. */
    static AuditRecord event(long sequence) {
        return new AuditRecord(sequence, AuditRecord.EVENT, "case-" + (sequence % 7), sequence / 7, "Case",
                "event-" + sequence, "org.pledge.cases.casefile.api.CaseNotedEvent", null,
                Instant.ofEpochMilli(1_735_787_045_678L + sequence * 1000), "{}",
                "{\"note\":\"number " + sequence + "\"}");
    }
}
