package org.pledge.contracts.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;
import org.pledge.contracts.Money;
import org.pledge.contracts.PersonalDataField;

/**
 * Data of {@code pledge.case.submitted.v1}: a channel submitted a case. Carries what
 * notification-service needs to tell the client: the applicant's name and contact points are personal data
 * ({@link PersonalDataField}) of the data subject {@code applicantReference} ({@link DataSubjectField}); the only
 * case event that carries any.
 *
 * @param deadline           the service-standard deadline, null until the case's clock is known
 * @param feeReductionReason why the fee paid is below the catalogue's fee at receipt (a reason code, e.g.
 *                           {@code hardship-waiver}); null when the full fee was paid, for follow-ups, and from producers
 *                           older than the field
 * @param paymentReference   the channel's reference of the fee's payment at the payment provider, which a guarantee
 *                           refund goes back through; null when none was given, and from producers older than the field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSubmittedV1(
        String caseId,
        String serviceType,
        String channel,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        Instant submittedAt,
        Instant receivedAt,
        Instant deadline,
        @PersonalDataField Applicant applicant,
        Money fee,
        String feeReductionReason,
        String paymentReference) {

    /** Without a payment reference (the form before {@code paymentReference} existed). */
    public CaseSubmittedV1(String caseId, String serviceType, String channel, String applicantReference, String language,
                           String preferredChannel, Instant submittedAt, Instant receivedAt, Instant deadline, Applicant applicant,
                           Money fee, String feeReductionReason) {
        this(caseId, serviceType, channel, applicantReference, language, preferredChannel, submittedAt, receivedAt, deadline,
                applicant, fee, feeReductionReason, null);
    }

    /** Without a fee reduction (the form before {@code feeReductionReason} existed). */
    public CaseSubmittedV1(String caseId, String serviceType, String channel, String applicantReference, String language,
                           String preferredChannel, Instant submittedAt, Instant receivedAt, Instant deadline, Applicant applicant,
                           Money fee) {
        this(caseId, serviceType, channel, applicantReference, language, preferredChannel, submittedAt, receivedAt, deadline,
                applicant, fee, null, null);
    }

    /** Personal data of the subject {@code applicantReference}: whom to tell, and how to reach them. Any contact point may be absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Applicant(@PersonalDataField String name, @PersonalDataField String email, @PersonalDataField String phone,
                            @PersonalDataField String postalAddress) {
    }
}
