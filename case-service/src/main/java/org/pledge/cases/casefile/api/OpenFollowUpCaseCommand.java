package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.api.CommandTarget;

/**
 * Opens a follow-up case linked to an earlier case (e.g. after a low satisfaction score). The case id is
 * derived from {@code followUpRequestId} ({@link CaseIds#forFollowUp}), so repeating the request opens no
 * second case: the repeat is accepted and does nothing. The follow-up belongs to the earlier case's owner, so the
 * client's channel sees it as its own.
 *
 * @param followUpRequestId the request's id (e.g. feedback-service's follow-up id)
 * @param previousCaseId    the earlier case
 * @param reason            why the follow-up was requested (a reason code)
 * @param serviceTypeCode   the service type of the follow-up
 * @param openedAt          now, from the caller's injected clock
 * @param applicant         the client (personal data), as known from the earlier case
 * @param feePaid           usually zero
 * @param owner             the channel client the follow-up belongs to: the earlier case's owner (not the service
 *                          that requested it, which is the command's {@code actor})
 */
public record OpenFollowUpCaseCommand(String followUpRequestId, String previousCaseId, String reason, String serviceTypeCode,
                                      Instant openedAt, Applicant applicant, Money feePaid, String owner) {

    @CommandTarget
    public String caseId() {
        return CaseIds.forFollowUp(followUpRequestId);
    }
}
