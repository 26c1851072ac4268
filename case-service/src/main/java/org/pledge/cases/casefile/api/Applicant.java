package org.pledge.cases.casefile.api;

/**
 * The client who applied. PERSONAL DATA: {@code name}, {@code email}, {@code phone} and
 * {@code postalAddress} (to be crypto-shredded by a later issue); {@code reference} is the channel's opaque
 * reference and carries no personal data by contract.
 *
 * @param reference         opaque reference from the channel
 * @param name              PERSONAL DATA
 * @param email             PERSONAL DATA, may be null
 * @param phone             PERSONAL DATA, may be null
 * @param postalAddress     PERSONAL DATA, may be null
 * @param preferredLanguage BCP 47 language tag, e.g. {@code fr-CA}
 * @param preferredChannel  how the client wants to be told; the matching contact point is required
 */
public record Applicant(String reference, String name, String email, String phone, String postalAddress,
                        String preferredLanguage, PreferredChannel preferredChannel) {
}
