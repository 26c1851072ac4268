package org.pledge.cases.catalogue.api;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money: a decimal amount (never a double) in an ISO 4217 currency. The amount may not be
 * negative nor carry more decimals than the currency has (e.g. 2 for CAD, 0 for JPY).
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        if (amount == null || amount.signum() < 0) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.MONEY_AMOUNT_INVALID, "amount must be zero or more, was " + amount);
        }
        Currency iso;
        try {
            iso = Currency.getInstance(currency == null ? "" : currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.MONEY_CURRENCY_UNKNOWN, "not an ISO 4217 currency: " + currency);
        }
        int digits = iso.getDefaultFractionDigits();
        if (digits >= 0 && amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.MONEY_AMOUNT_INVALID,
                    amount + " has more decimals than " + currency + " allows (" + digits + ")");
        }
    }

    public static Money of(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.MONEY_AMOUNT_INVALID, "not a decimal amount: " + amount);
        }
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }
}
