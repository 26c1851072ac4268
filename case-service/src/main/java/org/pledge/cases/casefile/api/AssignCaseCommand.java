package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** Assigns (or reassigns) the case to a caseworker; assigning to the current assignee does nothing. */
public record AssignCaseCommand(@CommandTarget String caseId, String assignee, Instant now) {
}
