package org.pledge.cases.casefile.api;

import org.pledge.platform.api.PersonalData;

/**
 * The client who applied. PERSONAL DATA: {@code name}, {@code email}, {@code phone} and {@code postalAddress}, each
 * stored encrypted under a key of the client's own (crypto-shredding: {@link PersonalData}, docs/privacy.md); the data
 * subject is the {@code reference}, the channel's opaque reference, which carries no personal data by contract. Once
 * the subject is erased ({@code DELETE /api/data-subjects/{reference}}), those four read as {@link PersonalData#ERASED}
 * ({@link #erased()}), in every event of every case of the client, including events stored before encryption.
 *
 * @param reference         opaque reference from the channel: the data subject
 * @param name              PERSONAL DATA
 * @param email             PERSONAL DATA, may be null
 * @param phone             PERSONAL DATA, may be null
 * @param postalAddress     PERSONAL DATA, may be null
 * @param preferredLanguage BCP 47 language tag, e.g. {@code fr-CA}
 * @param preferredChannel  how the client wants to be told; the matching contact point is required
 */
public record Applicant(String reference,
                        @PersonalData(subject = "reference") String name,
                        @PersonalData(subject = "reference") String email,
                        @PersonalData(subject = "reference") String phone,
                        @PersonalData(subject = "reference") String postalAddress,
                        String preferredLanguage, PreferredChannel preferredChannel) {

    /** Whether the client was erased: the name (always given) reads as {@link PersonalData#ERASED}. */
    public boolean erased() {
        return PersonalData.ERASED.equals(name);
    }

    /** {@code value}, or null when it is the erased marker: a contact point that is gone is absent. */
    public static String unlessErased(String value) {
        return PersonalData.ERASED.equals(value) ? null : value;
    }
}
