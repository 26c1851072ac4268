package org.pledge.cases.casefile.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.api.EventRevision;

/**
 * A case was submitted (or opened as a follow-up) and its clock started.
 *
 * <p>PERSONAL DATA: {@code applicant} (name and contact points) is the only personal data in the case's
 * events; it is here because the client must be told. Its name and contact points are stored encrypted per person
 * ({@link Applicant}: crypto-shredding) and read as {@code "[erased]"} once the person is erased. No other case event
 * may carry it.
 *
 * @param caseId             the case
 * @param serviceTypeCode    the service applied for
 * @param channel            where the application came in
 * @param submittedAt        when it was keyed in
 * @param receivedAt         when the clock started: the stated receipt instant, else {@code submittedAt}
 * @param receivedAtStatedBy who stated an earlier receipt instant, or null
 * @param applicant          PERSONAL DATA (see above)
 * @param feePaid            the fee paid
 * @param serviceStandard    the standard used, in its string form (e.g. {@code 10 business days})
 * @param atRiskShare        the at-risk share used
 * @param guaranteed         whether the standard was guaranteed when the case was submitted
 * @param calendarId         the business calendar
 * @param calendarVersion    the calendar version the deadline used
 * @param deadline           the deadline
 * @param atRiskAt           when the case becomes at risk
 * @param previousCaseId     for a follow-up: the earlier case; else null
 * @param followUpRequestId  for a follow-up: the request that opened it; else null
 * @param followUpReason     for a follow-up: the reason code; else null
 * @param owner              the channel client the case belongs to when that is not its submitter: for a follow-up,
 *                           the earlier case's owner. Null for a case its submitter owns (the owner is then the
 *                           event's {@code actor} metadata), and in events stored before this field existed
 *                           (revision 1, upcast by {@code CaseSubmittedEventUpcaster}: a follow-up stored then belongs
 *                           to the service that requested it)
 * @param feeReductionReason why {@code feePaid} is below the catalogue fee (a {@link FeeReduction} code); null when the full
 *                           fee was paid, for follow-ups, and in events stored before this field existed (revisions 1
 *                           and 2, upcast by {@code CaseSubmittedEventUpcaster})
 * @param paymentReference   the channel's reference of the fee's payment at the payment provider
 *                           ({@value #PAYMENT_REFERENCE_PATTERN}), which a guarantee refund goes back through; null when
 *                           none was given, for follow-ups, and in events stored before this field existed (revisions 1 to
 *                           3, upcast by {@code CaseSubmittedEventUpcaster})
 */
@EventRevision("4")
public record CaseSubmittedEvent(String caseId, String serviceTypeCode, SubmissionChannel channel, Instant submittedAt,
                                 Instant receivedAt, String receivedAtStatedBy, Applicant applicant, Money feePaid,
                                 String serviceStandard, BigDecimal atRiskShare, boolean guaranteed, String calendarId,
                                 int calendarVersion, Instant deadline, Instant atRiskAt, String previousCaseId,
                                 String followUpRequestId, String followUpReason, String owner,
                                 String feeReductionReason, String paymentReference) {

    /** What a payment reference looks like: a provider's charge or payment id, at most 64 characters, no spaces. */
    public static final String PAYMENT_REFERENCE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    /** Without a payment reference (the form before revision 4). */
    public CaseSubmittedEvent(String caseId, String serviceTypeCode, SubmissionChannel channel, Instant submittedAt,
                              Instant receivedAt, String receivedAtStatedBy, Applicant applicant, Money feePaid,
                              String serviceStandard, BigDecimal atRiskShare, boolean guaranteed, String calendarId,
                              int calendarVersion, Instant deadline, Instant atRiskAt, String previousCaseId,
                              String followUpRequestId, String followUpReason, String owner, String feeReductionReason) {
        this(caseId, serviceTypeCode, channel, submittedAt, receivedAt, receivedAtStatedBy, applicant, feePaid, serviceStandard,
                atRiskShare, guaranteed, calendarId, calendarVersion, deadline, atRiskAt, previousCaseId, followUpRequestId,
                followUpReason, owner, feeReductionReason, null);
    }

    /** Without a fee reduction (the form before revision 3). */
    public CaseSubmittedEvent(String caseId, String serviceTypeCode, SubmissionChannel channel, Instant submittedAt,
                              Instant receivedAt, String receivedAtStatedBy, Applicant applicant, Money feePaid,
                              String serviceStandard, BigDecimal atRiskShare, boolean guaranteed, String calendarId,
                              int calendarVersion, Instant deadline, Instant atRiskAt, String previousCaseId,
                              String followUpRequestId, String followUpReason, String owner) {
        this(caseId, serviceTypeCode, channel, submittedAt, receivedAt, receivedAtStatedBy, applicant, feePaid, serviceStandard,
                atRiskShare, guaranteed, calendarId, calendarVersion, deadline, atRiskAt, previousCaseId, followUpRequestId,
                followUpReason, owner, null, null);
    }

    /** Who the case belongs to, given the {@code actor} that submitted it: {@link #owner()} when set, else the actor. */
    public String ownerGiven(String actor) {
        return owner != null ? owner : actor;
    }
}
