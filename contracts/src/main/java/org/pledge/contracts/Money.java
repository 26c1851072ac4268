package org.pledge.contracts;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount as a decimal string plus an ISO 4217 currency; never a double. The amount is bounded before it is parsed:
 * an optional minus sign, at most {@value #MAX_INTEGER_DIGITS} integer digits and at most {@value #MAX_FRACTION_DIGITS}
 * decimals (the most minor units any currency has), no exponent; the schema's {@code $defs/money} says the same.
 */
public record Money(String amount, String currency) {

    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_FRACTION_DIGITS = 4;
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1," + MAX_FRACTION_DIGITS + "})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.length() > 1 + MAX_INTEGER_DIGITS + 1 + MAX_FRACTION_DIGITS || !AMOUNT.matcher(amount).matches()) {
            throw new NumberFormatException("an amount is a decimal string of at most " + MAX_INTEGER_DIGITS + " integer digits and "
                    + MAX_FRACTION_DIGITS + " decimals, without exponent");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("not an ISO 4217 currency code");
        }
        Currency.getInstance(currency);
    }

    /** The contract form of {@code amount}; refused (before any expansion) when it does not fit the bounds above. */
    public static Money of(BigDecimal amount, Currency currency) {
        if (amount.scale() > MAX_FRACTION_DIGITS || amount.scale() < -MAX_INTEGER_DIGITS
                || amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new NumberFormatException("amount out of the contract's bounds");
        }
        return new Money(amount.toPlainString(), currency.getCurrencyCode());
    }

    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }
}
