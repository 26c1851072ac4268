package org.pledge.guarantee.claim.web;

import java.math.BigInteger;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.guarantee.claim.api.Decision;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** Bodies of the claim endpoints. */
final class ClaimRequests {

    private ClaimRequests() {
    }

    @Schema(name = "ClaimDecisionRequest")
    record DecisionRequest(@NotNull Decision decision,
                           @Schema(description = "Required to reject; optional note to approve")
                           @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason) {
    }

    @Schema(name = "PayoutDetailsRequest", description = "The bank account a bank-transfer refund goes to (personal data: stored "
            + "encrypted, never shown back)")
    record PayoutDetails(@Schema(description = "The case's applicant reference, as the channel gave it at submission")
                         @NotBlank @Size(max = 128) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
                         String applicantReference,
                         @NotBlank @Size(max = 140) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
                         String holderName,
                         @Schema(description = "IBAN, spaces allowed; checked with its mod-97 check digits", example = "FR14 2004 1010 0505 0001 3M02 606")
                         @NotBlank @Size(max = 64) String iban,
                         @Schema(description = "Optional BIC (8 or 11 letters and digits)") @Size(max = 11)
                         @Pattern(regexp = "[A-Za-z0-9]{8}([A-Za-z0-9]{3})?", message = "8 or 11 letters and digits") String bic) {
    }

    /** The IBAN without spaces, upper case; refused ({@code claim.iban-invalid}) unless its mod-97 check holds. */
    static String iban(String value) {
        String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}") || !mod97(iban)) {
            throw new InvalidPayoutDetails("claim.iban-invalid", "the IBAN is not valid (format or check digits)");
        }
        return iban;
    }

    /** The BIC upper case, or null; refused ({@code claim.bic-invalid}) unless 8 or 11 characters of the BIC form. */
    static String bic(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String bic = value.trim().toUpperCase(Locale.ROOT);
        if (!bic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            throw new InvalidPayoutDetails("claim.bic-invalid", "the BIC is not valid");
        }
        return bic;
    }

    static boolean mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static class InvalidPayoutDetails extends PledgeException {
        InvalidPayoutDetails(String code, String detail) {
            super(code, HttpStatus.UNPROCESSABLE_ENTITY, detail);
        }
    }
}
