package org.pledge.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyRulesTest {

    private final MoneyRules rules = MoneyRules.withDefaults();

    @ParameterizedTest
    @CsvSource({"120.00,CAD", "120,CAD", "0,CAD", "0.00,CAD", "120.0000,CAD", "1000,JPY", "1.250,BHD", "999999999.99,CAD"})
    void check_accepts_whenAmountAndCurrencyFit(String amount, String currency) {
        assertThat(rules.check(new BigDecimal(amount), currency)).isEmpty();
        assertThat(rules.check(amount, currency)).isEmpty();
    }

    @Test
    void anExponent_isFineAsANumber_butNotInADecimalString() {
        assertThat(rules.check(new BigDecimal("1E+2"), "CAD")).isEmpty();
        assertThat(rules.check("1E+2", "CAD")).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
            "-0.01,CAD,amount,zero or more",
            "120.001,CAD,amount,at most 2 decimal(s) in CAD",
            "100.5,JPY,amount,at most 0 decimal(s) in JPY",
            "1.2345,BHD,amount,at most 3 decimal(s) in BHD",
            "1000000000.00,CAD,amount,below 1000000000",
            "99999999999999999999.99,CAD,amount,below",
            "1e1000000,CAD,amount,below",
            "1e-1000000,CAD,amount,decimal(s)",
            "1e-30,CAD,amount,decimal(s)",
            "1.00,XYZ,currency,ISO 4217",
            "1.00,cad,currency,ISO 4217",
            "1.00,CADX,currency,ISO 4217",
            "1.00,XXX,currency,currency of money",
            "1.00,XAU,currency,currency of money"})
    void refused_naming_theField(String amount, String currency, String field, String message) {
        Optional<MoneyRules.Violation> violation = rules.check(new BigDecimal(amount), currency);
        assertThat(violation).get().extracting(MoneyRules.Violation::field).isEqualTo(field);
        assertThat(violation.get().message()).contains(message).doesNotContain(amount);
    }

    @Test
    @Timeout(5)
    void absurdNumbers_areRefusedCheaply() {
        // each of these took minutes through toPlainString() or stripTrailingZeros(); here they are refused at once
        BigDecimal[] absurd = {new BigDecimal("1e1000000"), new BigDecimal("1e-1000000"), new BigDecimal("1e999999999"),
                new BigDecimal(BigInteger.ONE, 1_000_000), new BigDecimal(BigInteger.TEN.pow(10_000)),
                new BigDecimal(BigInteger.TEN.pow(10_000), 10_000)}; // the last = 1, at scale 10 000
        for (int i = 0; i < 10_000; i++) {
            for (BigDecimal amount : absurd) {
                assertThat(rules.check(amount, "CAD")).isPresent();
            }
        }
        assertThat(rules.check("1".repeat(10_000), "CAD")).get().extracting(MoneyRules.Violation::message).asString().contains("decimal number");
        assertThat(rules.check("1".repeat(1_000_000) + ".00", "CAD")).isPresent();
        assertThat(rules.check("1e1000000", "CAD")).isPresent();
        assertThat(rules.check("0x10", "CAD")).isPresent();
    }

    @Test
    void maximum_isConfigurable() {
        MoneyRules small = new MoneyRules(new BigDecimal("500"));
        assertThat(small.check(new BigDecimal("499.99"), "CAD")).isEmpty();
        assertThat(small.check(new BigDecimal("500.00"), "CAD")).get().extracting(MoneyRules.Violation::message).isEqualTo("must be below 500");
        assertThatThrownBy(() -> new MoneyRules(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MoneyRules(new BigDecimal("1e40"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ValidMoney
    record Fee(BigDecimal amount, String currency) implements MoneyValue {
    }

    record Request(@jakarta.validation.Valid Fee feePaid) {
    }

    @Test
    void constraint_reportsThePathOfTheField() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertThat(validator.validate(new Request(new Fee(new BigDecimal("120.00"), "CAD")))).isEmpty();
        Set<ConstraintViolation<Request>> tooBig = validator.validate(new Request(new Fee(new BigDecimal("1e1000000"), "CAD")));
        assertThat(tooBig).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("feePaid.amount");
            assertThat(v.getMessage()).isEqualTo("must be below 1000000000");
        });
        assertThat(validator.validate(new Request(new Fee(BigDecimal.ONE, "XYZ"))))
                .singleElement().extracting(v -> v.getPropertyPath().toString()).isEqualTo("feePaid.currency");
    }
}
