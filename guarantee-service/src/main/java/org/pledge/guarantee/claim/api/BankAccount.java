package org.pledge.guarantee.claim.api;

import org.pledge.platform.api.PersonalData;

/**
 * An account a refund is transferred to, as the client gave it: personal data of the data subject
 * {@code holderReference} (the case's applicant reference), stored encrypted and erasable (docs/privacy.md).
 *
 * @param bic null when not given (SEPA needs none)
 */
public record BankAccount(String holderReference,
                          @PersonalData(subject = "holderReference") String holderName,
                          @PersonalData(subject = "holderReference") String iban,
                          @PersonalData(subject = "holderReference") String bic) {

    /** Whether the holder was erased (the name reads as {@link PersonalData#ERASED}): the account can no longer be paid to. */
    public boolean erased() {
        return PersonalData.ERASED.equals(holderName) || PersonalData.ERASED.equals(iban);
    }
}
