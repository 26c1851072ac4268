package org.pledge.guarantee.claim.api;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount and its ISO 4217 currency; never a double. guarantee-service's own, apart from the contracts' form. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
