package org.pledge.cases.catalogue.api;

import java.math.BigDecimal;

import org.pledge.platform.validation.MoneyRules;

/**
 * An amount of money: a decimal amount (never a double) in an ISO 4217 currency, by {@link MoneyRules}: not negative,
 * no more decimals than the currency has (e.g. 2 for CAD, 0 for JPY), below {@link #MAX_AMOUNT}. The checks look at
 * the size of the number before anything that would expand it, so an absurd amount ({@code 1e1000000}) is refused at
 * once. The web layer checks amounts from outside against the configured, usually lower, {@code pledge.money.max-amount}.
 */
public record Money(BigDecimal amount, String currency) {

    /** The ceiling of any amount in the domain (the configurable web limit is below it). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final MoneyRules RULES = new MoneyRules(MAX_AMOUNT);

    public Money {
        RULES.check(amount, currency).ifPresent(v -> {
            throw new InvalidServiceTypeException("currency".equals(v.field()) ? InvalidServiceTypeException.MONEY_CURRENCY_UNKNOWN
                    : InvalidServiceTypeException.MONEY_AMOUNT_INVALID, v.field() + " " + v.message());
        });
    }

    public static Money of(String amount, String currency) {
        RULES.check(amount, currency).ifPresent(v -> {
            throw new InvalidServiceTypeException("currency".equals(v.field()) ? InvalidServiceTypeException.MONEY_CURRENCY_UNKNOWN
                    : InvalidServiceTypeException.MONEY_AMOUNT_INVALID, v.field() + " " + v.message());
        });
        return new Money(new BigDecimal(amount), currency);
    }

    /** True when both are the same currency and numerically equal amounts (120 = 120.00). */
    public boolean sameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }
}
