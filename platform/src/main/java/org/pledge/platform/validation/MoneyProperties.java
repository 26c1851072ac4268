package org.pledge.platform.validation;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pledge.money.max-amount}: every amount of money from outside must be below it (default 1 000 000 000). */
@ConfigurationProperties("pledge.money")
record MoneyProperties(BigDecimal maxAmount) {

    MoneyProperties {
        maxAmount = maxAmount == null ? MoneyRules.DEFAULT_MAX_AMOUNT : maxAmount;
    }
}
