package org.pledge.cases.casefile.command;

import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.FeeReduction;
import org.pledge.cases.casefile.api.InvalidCaseCommandException;
import org.pledge.cases.casefile.api.InvalidCaseTransitionException;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.platform.validation.ContactRules;
import org.pledge.platform.validation.InstantRules;
import org.pledge.platform.validation.TextRules;

/**
 * What a command to a case must carry, whatever state the case is in: required fields, sane instants, reason codes,
 * the applicant, the fee paid against the catalogue's fee. Each rule throws an {@link InvalidCaseCommandException} with
 * its code. The rules on the case's state ({@link #requireStatus}, {@link #requireInOrder}) take it from
 * {@link CaseAggregate}, which decides the rest (the clock).
 */
final class CaseCommandRules {

    private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern PAYMENT_REFERENCE = Pattern.compile(CaseSubmittedEvent.PAYMENT_REFERENCE_PATTERN);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private CaseCommandRules() {
    }

    /**
     * The instant a submitted case's clock starts: when it was submitted, or the receipt a paper or mail-in application
     * states (with who stated it, not after the submission). Checks the submission's own fields and its applicant too.
     */
    static Instant clockStartOf(SubmitCaseCommand command) {
        requireText(command.caseId(), "caseId");
        require(command.channel() != null, "channel");
        require(command.submittedAt() != null, "submittedAt");
        if (command.channel() == SubmissionChannel.FOLLOW_UP) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FOLLOW_UP_NOT_SUBMITTABLE,
                    "a FOLLOW_UP case is not submitted: it is opened from the feedback flow, or by a caseworker with "
                            + "POST /api/cases/{caseId}/follow-ups on the earlier case");
        }
        requireSane(command.submittedAt(), "submittedAt");
        Instant receivedAt = command.submittedAt();
        if (command.receivedAt() != null) {
            requireSane(command.receivedAt(), "receivedAt");
            if (!command.channel().mayStateReceivedAt()) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_AT_NOT_ALLOWED,
                        "only paper and mail-in applications may state when they were received, not " + command.channel());
            }
            if (command.receivedAtStatedBy() == null || command.receivedAtStatedBy().isBlank()) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_AT_STATED_BY_MISSING,
                        "a stated receipt instant needs who stated it");
            }
            if (command.receivedAt().isAfter(command.submittedAt())) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_AT_IN_FUTURE,
                        "received at " + command.receivedAt() + " is after the submission at " + command.submittedAt());
            }
            receivedAt = command.receivedAt();
        }
        requireSubmittedApplicant(command.applicant());
        return receivedAt;
    }

    /** A command that the case's status does not admit: {@code case.invalid-transition}. */
    static void requireStatus(Object command, String caseId, CaseStatus status, CaseStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new InvalidCaseTransitionException(caseId, status, command.getClass().getSimpleName());
        }
    }

    /** A command older than the case's last change: {@code case.command-out-of-order}. */
    static void requireInOrder(Instant now, Instant lastChangeAt) {
        require(now != null, "now");
        if (now.isBefore(lastChangeAt)) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.OUT_OF_ORDER,
                    "command at " + now + " is older than the case's last change at " + lastChangeAt);
        }
    }

    static InvalidCaseCommandException unknownCalendar(String id, int version) {
        return new InvalidCaseCommandException(InvalidCaseCommandException.CALENDAR_UNKNOWN,
                "no business calendar " + id + " version " + version);
    }

    static void requireApplicant(Applicant applicant) {
        if (applicant == null || applicant.reference() == null || applicant.reference().isBlank()
                || applicant.name() == null || applicant.name().isBlank() || applicant.preferredChannel() == null) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.APPLICANT_INVALID,
                    "the applicant needs a reference, a name and a preferred channel");
        }
        if (!ContactRules.isLanguageTag(applicant.preferredLanguage())) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.LANGUAGE_INVALID,
                    "not a BCP 47 language tag: " + applicant.preferredLanguage());
        }
        String contact = switch (applicant.preferredChannel()) {
            case EMAIL -> applicant.email();
            case SMS -> applicant.phone();
            case LETTER -> applicant.postalAddress();
        };
        if (contact == null || contact.isBlank()) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.CONTACT_MISSING,
                    "preferred channel " + applicant.preferredChannel() + " has no contact point");
        }
    }

    /**
     * The fee rule of a submission: the fee paid is the catalogue's fee at receipt (same currency, numerically equal),
     * unless a {@link FeeReduction} reason says why it is less: a waiver pays 0, a concession less than the fee.
     * A follow-up is not a submission and pays nothing.
     */
    static void requireCatalogueFee(Money paid, String reductionReason, ServiceType serviceType) {
        Money fee = serviceType.fee();
        if (!paid.currency().equals(fee.currency())) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_CURRENCY_MISMATCH,
                    "the fee of " + serviceType.code() + " is charged in " + fee.currency() + ", not " + paid.currency());
        }
        if (reductionReason == null) {
            if (paid.amount().compareTo(fee.amount()) != 0) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_MISMATCH,
                        "the fee of " + serviceType.code() + " is " + fee.amount().toPlainString() + " " + fee.currency()
                                + "; a different amount needs feePaid.reductionReason (" + FeeReduction.CODES + ")");
            }
            return;
        }
        FeeReduction reduction = FeeReduction.ofCode(reductionReason).orElseThrow(() -> new InvalidCaseCommandException(
                InvalidCaseCommandException.FEE_REDUCTION_INVALID, "unknown fee reduction reason; one of " + FeeReduction.CODES));
        if (reduction.waiver() && paid.amount().signum() != 0) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_REDUCTION_INVALID,
                    reduction.code() + " waives the fee: the amount paid must be 0");
        }
        if (paid.amount().compareTo(fee.amount()) >= 0) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_REDUCTION_INVALID,
                    "a fee reduction (" + reduction.code() + ") needs an amount below the fee of " + serviceType.code() + " ("
                            + fee.amount().toPlainString() + " " + fee.currency() + ")");
        }
    }

    /**
     * What a submission's applicant must be, beyond {@link #requireApplicant}: single-line reference and name, an email
     * by {@link ContactRules}, a phone already normalised to E.164 (the web layer does it), a postal address of a few
     * bounded lines. (A follow-up copies the earlier case's applicant as it was stored.)
     */
    private static void requireSubmittedApplicant(Applicant applicant) {
        if (applicant == null) {
            return; // requireApplicant says so
        }
        requireApplicantField(applicant.reference() == null || TextRules.isSingleLine(applicant.reference(), 128), "reference");
        requireApplicantField(applicant.name() == null || TextRules.isSingleLine(applicant.name(), 256), "name");
        requireApplicantField(applicant.email() == null || ContactRules.isEmail(applicant.email()), "email");
        requireApplicantField(applicant.phone() == null || E164.matcher(applicant.phone()).matches(), "phone");
        requireApplicantField(applicant.postalAddress() == null || ContactRules.isPostalAddress(applicant.postalAddress()), "postalAddress");
    }

    private static void requireApplicantField(boolean valid, String field) {
        if (!valid) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.APPLICANT_INVALID, "the applicant's " + field + " is not valid");
        }
    }

    static void requireSane(Instant instant, String field) {
        if (!InstantRules.isSane(instant)) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.INSTANT_OUT_OF_RANGE, field + " " + InstantRules.MESSAGE);
        }
    }

    static void requireReasonCode(String reasonCode) {
        if (reasonCode == null || !REASON_CODE.matcher(reasonCode).matches()) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.REASON_CODE_INVALID,
                    "a reason code is a lower-case word of letters, digits, '.', '-' or '_', was " + reasonCode);
        }
    }

    /** An optional payment reference: null, or a provider's id (the value is not repeated: it comes from outside). */
    static void requirePaymentReference(String paymentReference) {
        if (paymentReference != null && !PAYMENT_REFERENCE.matcher(paymentReference).matches()) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.PAYMENT_REFERENCE_INVALID,
                    "a payment reference is a letter or digit, then up to 63 letters, digits, '.', '_', ':' or '-'");
        }
    }

    static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field);
    }

    static void require(boolean condition, String field) {
        if (!condition) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FIELD_MISSING, field + " is required");
        }
    }
}
