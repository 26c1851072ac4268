package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** The assignee starts working on the case: ASSIGNED → IN_PROGRESS. */
public record StartWorkOnCaseCommand(@CommandTarget String caseId, Instant now) {
}
