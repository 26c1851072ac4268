package org.pledge.cases.casefile.api;

import org.pledge.cases.CaseServiceException;

/** A command that the case's current state does not allow (HTTP 409). Code {@value #CODE}. */
public class InvalidCaseTransitionException extends CaseServiceException {

    public static final String CODE = "case.invalid-transition";

    private final CaseStatus from;
    private final String command;

    public InvalidCaseTransitionException(String caseId, CaseStatus from, String command) {
        super(CODE, "case " + caseId + " is " + from + ": " + command + " is not allowed");
        this.from = from;
        this.command = command;
    }

    public CaseStatus from() {
        return from;
    }

    /** The simple name of the rejected command. */
    public String command() {
        return command;
    }
}
