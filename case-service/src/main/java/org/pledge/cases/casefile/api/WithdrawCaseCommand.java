package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** Withdraws an open case, by the client's channel or a caseworker; {@code reason} is required. */
public record WithdrawCaseCommand(@CommandTarget String caseId, WithdrawnBy withdrawnBy, String reason, Instant now) {
}
