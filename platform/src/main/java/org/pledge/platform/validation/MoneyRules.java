package org.pledge.platform.validation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every amount of money from outside must meet, checked cheaply whatever the input ({@code 1e1000000},
 * {@code 1e-1000000}, thousands of digits): the size of the number is looked at before anything that would expand
 * it ({@code toPlainString()}, {@code stripTrailingZeros()} on a huge scale, arithmetic).
 *
 * <ol>
 *   <li>currency: an ISO 4217 code of money (three capital letters that {@link Currency} knows and that has minor
 *       units: not XXX, XAU and the like);</li>
 *   <li>amount: zero or more;</li>
 *   <li>no more decimals than the currency's minor units (2 for CAD, 0 for JPY, 3 for BHD), trailing zeros aside;</li>
 *   <li>below the maximum, {@code pledge.money.max-amount} (default 1 000 000 000, in any currency).</li>
 * </ol>
 */
public final class MoneyRules {

    public static final BigDecimal DEFAULT_MAX_AMOUNT = new BigDecimal("1000000000");
    /** Above this many bits of unscaled value or this scale, an amount is refused without further arithmetic. */
    private static final int MAX_BITS = 128;
    private static final int MAX_SCALE = 64;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** A decimal string as an amount may be written: optional sign, digits, optional fraction, nothing else. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(?:\\.[0-9]{1,40})?");

    /** One broken rule: the field it is about ({@code amount} or {@code currency}) and a message without the value. */
    public record Violation(String field, String message) {
    }

    private final BigDecimal maxAmount;

    public MoneyRules(BigDecimal maxAmount) {
        if (maxAmount == null || maxAmount.signum() <= 0 || maxAmount.precision() - maxAmount.scale() > 30 || maxAmount.scale() > 4) {
            throw new IllegalArgumentException("pledge.money.max-amount must be a positive amount below 10^30, was " + maxAmount);
        }
        this.maxAmount = maxAmount;
    }

    public static MoneyRules withDefaults() {
        return new MoneyRules(DEFAULT_MAX_AMOUNT);
    }

    public BigDecimal maxAmount() {
        return maxAmount;
    }

    /** The first rule the amount and currency break, or empty. */
    public Optional<Violation> check(BigDecimal amount, String currency) {
        Optional<Violation> badCurrency = checkCurrency(currency);
        if (badCurrency.isPresent()) {
            return badCurrency;
        }
        if (amount == null) {
            return violation("amount", "is required");
        }
        if (amount.signum() < 0) {
            return violation("amount", "must be zero or more");
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.scale() > MAX_SCALE) {
            return tooManyDecimals(currency, digits);
        }
        if (amount.scale() < -MAX_SCALE || amount.unscaledValue().bitLength() > MAX_BITS) {
            return tooLarge();
        }
        // from here the number is small: precision, comparison and stripping are cheap
        if (amount.scale() > digits && amount.stripTrailingZeros().scale() > digits) {
            return tooManyDecimals(currency, digits);
        }
        if (amount.compareTo(maxAmount) >= 0) {
            return tooLarge();
        }
        return Optional.empty();
    }

    /** As {@link #check(BigDecimal, String)} for an amount written as a decimal string (its length is checked first). */
    public Optional<Violation> check(String amount, String currency) {
        if (amount == null) {
            return check((BigDecimal) null, currency);
        }
        if (amount.length() > 81 || !DECIMAL.matcher(amount).matches()) {
            return violation("amount", "must be a decimal number such as 120.00");
        }
        return check(new BigDecimal(amount), currency);
    }

    private static Optional<Violation> checkCurrency(String currency) {
        if (currency == null) {
            return violation("currency", "is required");
        }
        if (currency.length() != 3 || !CURRENCY.matcher(currency).matches()) {
            return violation("currency", "must be an ISO 4217 currency code such as CAD");
        }
        try {
            if (Currency.getInstance(currency).getDefaultFractionDigits() < 0) {
                return violation("currency", "must be the code of a currency of money, not of a metal or a test code");
            }
        } catch (IllegalArgumentException e) {
            return violation("currency", "must be an ISO 4217 currency code such as CAD");
        }
        return Optional.empty();
    }

    private Optional<Violation> tooLarge() {
        return violation("amount", "must be below " + maxAmount.toPlainString());
    }

    private static Optional<Violation> tooManyDecimals(String currency, int digits) {
        return violation("amount", "may have at most " + digits + " decimal(s) in " + currency);
    }

    private static Optional<Violation> violation(String field, String message) {
        return Optional.of(new Violation(field, message));
    }
}
