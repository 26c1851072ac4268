package org.pledge.contracts;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount as a decimal string plus an ISO 4217 currency; never a double. */
public record Money(String amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        new BigDecimal(amount);
        Currency.getInstance(currency);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount.toPlainString(), currency.getCurrencyCode());
    }

    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }
}
