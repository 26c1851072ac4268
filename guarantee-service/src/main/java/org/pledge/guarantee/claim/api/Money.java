package org.pledge.guarantee.claim.api;

import java.util.regex.Pattern;

/**
 * A fee as guarantee-service keeps it: a decimal string (never a double) and an ISO 4217 currency. The contract's
 * {@code Money} stays at the integration edge; this is what the rest of the service uses.
 */
public record Money(String amount, String currency) {

    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * The fee, or null when there is none or it is out of the contract's bounds (at most 18 integer digits and 4
     * decimals): such an amount could be stored before {@code pledge.case.submitted.v1} bounded it.
     */
    public static Money ifBounded(String amount, String currency) {
        if (amount == null || currency == null || amount.length() > 24 || !AMOUNT.matcher(amount).matches()
                || !CURRENCY.matcher(currency).matches()) {
            return null;
        }
        return new Money(amount, currency);
    }
}
