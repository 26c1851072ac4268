package org.pledge.cases.catalogue.api;

import java.math.BigDecimal;

import org.pledge.platform.validation.MoneyRules;

/**
 * An amount of money: a decimal amount (never a double) in an ISO 4217 currency. A new amount is made with
 * {@link #of} (or checked with {@link #requireValid}) by {@link MoneyRules}: not negative, no more decimals than the
 * currency has (e.g. 2 for CAD, 0 for JPY), below {@link #MAX_AMOUNT}. The checks look at the size of the number
 * before anything that would expand it, so an absurd amount ({@code 1e1000000}) is refused at once. The web layer checks
 * amounts from outside against the configured, usually lower, {@code pledge.money.max-amount}.
 *
 * <p>The constructor itself only refuses what no amount ever stored can be (a missing amount or currency): it is also
 * how events are read back, and an event stored before the bounds existed (the event store is forever) must still
 * load. Code that turns such an amount into something larger (a plain string, another scale) checks it first.
 */
public record Money(BigDecimal amount, String currency) {

    /** The ceiling of any amount in the domain (the configurable web limit is below it). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final MoneyRules RULES = new MoneyRules(MAX_AMOUNT);

    public Money {
        if (amount == null) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.MONEY_AMOUNT_INVALID, "amount is required");
        }
        if (currency == null) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.MONEY_CURRENCY_UNKNOWN, "currency is required");
        }
    }

    /** A new amount, checked by {@link MoneyRules} with the domain's ceiling. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency).requireValid();
    }

    /** This amount, when it meets {@link MoneyRules} with the domain's ceiling; else a typed rejection. */
    public Money requireValid() {
        RULES.check(amount, currency).ifPresent(v -> {
            throw new InvalidServiceTypeException("currency".equals(v.field()) ? InvalidServiceTypeException.MONEY_CURRENCY_UNKNOWN
                    : InvalidServiceTypeException.MONEY_AMOUNT_INVALID, v.field() + " " + v.message());
        });
        return this;
    }

    public static Money of(String amount, String currency) {
        RULES.check(amount, currency).ifPresent(v -> {
            throw new InvalidServiceTypeException("currency".equals(v.field()) ? InvalidServiceTypeException.MONEY_CURRENCY_UNKNOWN
                    : InvalidServiceTypeException.MONEY_AMOUNT_INVALID, v.field() + " " + v.message());
        });
        return new Money(new BigDecimal(amount), currency).requireValid();
    }

    /** True when both are the same currency and numerically equal amounts (120 = 120.00). */
    public boolean sameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }
}
