package org.pledge.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The limits reach Spring Boot's ObjectMapper, and absurd numbers fail while they are read. */
class JsonLimitsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InputValidationAutoConfiguration.class, JacksonAutoConfiguration.class));

    record Fee(BigDecimal amount, String currency) {
    }

    @Test
    @Timeout(10)
    void springsObjectMapper_refusesLongNumbers_deepNesting_andHugeStrings() {
        context.run(c -> {
            ObjectMapper mapper = c.getBean(ObjectMapper.class);
            assertThat(mapper.readValue("{\"amount\":120.00,\"currency\":\"CAD\"}", Fee.class).amount()).isEqualByComparingTo("120");
            // a number of 65 digits, as a number and as a string read as a number
            String longNumber = "1".repeat(65);
            assertThatThrownBy(() -> mapper.readValue("{\"amount\":" + longNumber + "}", Fee.class))
                    .isInstanceOf(StreamConstraintsException.class);
            assertThatThrownBy(() -> mapper.readValue("{\"amount\":\"" + "1".repeat(10_000) + "\"}", Fee.class))
                    .satisfies(JsonLimitsTest::isConstraintFailure).hasMessageNotContaining("1111");
            assertThatThrownBy(() -> mapper.readValue("{\"amount\":\"" + "1".repeat(1_000_000) + "\"}", Fee.class))
                    .satisfies(JsonLimitsTest::isConstraintFailure);
            assertThat(mapper.readValue("{\"amount\":\"1e1000000\"}", Fee.class).amount().scale()).isEqualTo(-1_000_000);
            assertThat(mapper.readValue("{\"amount\":\"120.00\"}", Fee.class).amount()).isEqualByComparingTo("120");
            assertThatThrownBy(() -> mapper.readTree("[".repeat(65) + "]".repeat(65)))
                    .isInstanceOf(StreamConstraintsException.class);
            assertThatThrownBy(() -> mapper.readTree("\"" + "x".repeat(1_000_001) + "\""))
                    .isInstanceOf(StreamConstraintsException.class);
            // short to write, but huge: read cheaply as a BigDecimal; MoneyRules refuses it
            assertThat(mapper.readValue("{\"amount\":1e1000000}", Fee.class).amount().scale()).isEqualTo(-1_000_000);
        });
    }

    /** Thrown as is, or wrapped once with the path of the field (a record's creator property). */
    private static void isConstraintFailure(Throwable e) {
        assertThat(e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException).as(e.toString()).isTrue();
    }

    @Test
    void limits_areProperties() {
        context.withPropertyValues("pledge.json.max-number-length=5").run(c -> {
            ObjectMapper mapper = c.getBean(ObjectMapper.class);
            assertThat(mapper.readTree("12345").asInt()).isEqualTo(12345);
            assertThatThrownBy(() -> mapper.readTree("123456")).isInstanceOf(StreamConstraintsException.class);
            assertThat(c.getBean(MoneyRules.class).maxAmount()).isEqualByComparingTo("1000000000");
            assertThat(c.getBean(PhoneNumbers.class).defaultRegion()).isEqualTo("CA");
        });
        context.withPropertyValues("pledge.money.max-amount=5000", "pledge.phone.default-region=FR").run(c -> {
            assertThat(c.getBean(MoneyRules.class).maxAmount()).isEqualByComparingTo("5000");
            assertThat(c.getBean(PhoneNumbers.class).defaultRegion()).isEqualTo("FR");
        });
    }
}
