package org.pledge.platform.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable audit key into Spring Boot's start-up report: what is wrong, and what to set. */
public class MissingAuditKeyFailureAnalyzer extends AbstractFailureAnalyzer<AuditSigningKey.MissingAuditKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuditSigningKey.MissingAuditKeyException cause) {
        return new FailureAnalysis("The audit chain has no usable signing key. " + cause.getMessage(),
                "Set pledge.audit.signing-key or pledge.audit.signing-key-file (see docs/audit.md, \"Keys\"), or"
                        + " pledge.audit.dev-key=true for development and tests.", cause);
    }
}
