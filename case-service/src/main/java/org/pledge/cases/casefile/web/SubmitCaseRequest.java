package org.pledge.cases.casefile.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.FeeReduction;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.platform.validation.ContactRules;
import org.pledge.platform.validation.LanguageTag;
import org.pledge.platform.validation.PhoneNumbers;
import org.pledge.platform.validation.MoneyValue;
import org.pledge.platform.validation.PhoneHolder;
import org.pledge.platform.validation.PostalAddress;
import org.pledge.platform.validation.SaneInstant;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.validation.ValidMoney;
import org.pledge.platform.validation.ValidPhone;

/**
 * {@code POST /api/cases}. Every text is bounded and free of control characters (every script is welcome); contact
 * points are checked (email syntax, a phone number valid in the client's region, a postal address of a few lines);
 * the fee is an amount of money by {@code MoneyRules}. Business rules (the fee against the catalogue, ...) are the
 * aggregate's: 422.
 */
record SubmitCaseRequest(
        @Schema(description = "The catalogue code of the service, e.g. PASSPORT", example = "PASSPORT")
        @NotBlank @Size(max = 64) @Pattern(regexp = CODE_PATTERN, message = "must be a service type code such as PASSPORT") String serviceType,
        @Schema(description = "Where the application came in. FOLLOW_UP is refused here (422 case.follow-up-not-submittable): "
                + "follow-ups are opened with POST /api/cases/{caseId}/follow-ups")
        @NotNull SubmissionChannel channel,
        @Schema(description = "PAPER and MAIL only: when the application was received (1900-01-01 .. 2200-01-01, not after now)")
        @SaneInstant Instant receivedAt,
        @Size(max = 128) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String receivedAtStatedBy,
        @NotNull @Valid ApplicantRequest applicant,
        @Valid FeeRequest feePaid,
        @Schema(description = "The channel's reference of the fee's payment at the payment provider (e.g. a charge id): a refund "
                + "under a service guarantee goes back through it. Optional; published with pledge.case.submitted.v1 and shown "
                + "with the fee in the case's history.", example = "ch_3NqKx2Lk")
        @Size(max = 64) @Pattern(regexp = CaseSubmittedEvent.PAYMENT_REFERENCE_PATTERN,
                message = "must be a payment reference: a letter or digit, then letters, digits, '.', '_', ':' or '-'") String paymentReference) {

    static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,63}";

    /** The client: name and contact points are personal data. */
    @ValidPhone
    record ApplicantRequest(
            @NotBlank @Size(max = 128) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String reference,
            @Schema(description = "Any script; one line") @NotBlank @Size(max = 256)
            @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String name,
            @Schema(description = "ASCII address, at most 254 characters", example = "marie@example.org")
            @Size(max = ContactRules.EMAIL_MAX_LENGTH) @Pattern(regexp = ContactRules.EMAIL, message = ContactRules.EMAIL_MESSAGE) String email,
            @Schema(description = "In E.164 (+15145550123) or in the national format of the language tag's region (else Canada); "
                    + "stored and published in E.164", example = "+1 514 555 0123")
            @Size(max = 64) @Pattern(regexp = PhoneNumbers.INPUT_PATTERN, message = PhoneNumbers.MESSAGE) String phone,
            @Schema(description = "At most 8 lines (separated by \\n) of at most 100 characters")
            @Size(max = ContactRules.POSTAL_ADDRESS_MAX_LENGTH) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
            @PostalAddress String postalAddress,
            @Schema(description = "BCP 47 language tag", example = "fr-CA")
            @NotBlank @Size(max = ContactRules.LANGUAGE_TAG_MAX_LENGTH)
            @Pattern(regexp = ContactRules.LANGUAGE_TAG, message = ContactRules.LANGUAGE_TAG_MESSAGE) @LanguageTag String language,
            @NotNull PreferredChannel preferredChannel) implements PhoneHolder {
    }

    /** The fee paid: the catalogue's fee at receipt, unless {@code reductionReason} says why less. */
    @ValidMoney
    record FeeRequest(
            @Schema(description = "Zero or more, at most the currency's decimals, below pledge.money.max-amount", example = "120.00")
            @NotNull BigDecimal amount,
            @Schema(description = "ISO 4217", example = "CAD") @NotBlank @Size(min = 3, max = 3) String currency,
            @Schema(description = "Why less than the catalogue fee is paid: hardship-waiver (pays 0), concession (pays less), "
                    + "replacement-no-charge (pays 0), official-business (pays 0). Absent: the full fee is paid.")
            @Pattern(regexp = FeeReduction.CODE_PATTERN, message = "must be one of " + FeeReduction.CODES) String reductionReason)
            implements MoneyValue {
    }
}
