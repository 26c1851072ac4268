package org.pledge.platform.validation;

import java.math.BigDecimal;

/** An amount and its currency as a request carries them; {@link ValidMoney} checks one by {@link MoneyRules}. */
public interface MoneyValue {

    BigDecimal amount();

    String currency();
}
