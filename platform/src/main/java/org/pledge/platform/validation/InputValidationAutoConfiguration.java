package org.pledge.platform.validation;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Bounded input for every service: Jackson's stream-read limits on the Spring {@code ObjectMapper}
 * ({@code pledge.json.*}, also for numbers written as strings: {@link BoundedNumbersModule}), values read as the JSON
 * type they were written as ({@link StrictScalarsModule}), the money rules ({@code pledge.money.max-amount}) and phone numbers
 * ({@code pledge.phone.default-region}) that {@link ValidMoney} and {@link ValidPhone} use.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@EnableConfigurationProperties({JsonLimitsProperties.class, MoneyProperties.class, PhoneProperties.class})
public class InputValidationAutoConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer pledgeJsonLimits(JsonLimitsProperties limits) {
        StreamReadConstraints constraints = streamReadConstraints(limits);
        return builder -> builder.postConfigurer(mapper -> {
            mapper.getFactory().setStreamReadConstraints(constraints);
            mapper.registerModule(new BoundedNumbersModule());
            StrictScalarsModule.applyTo(mapper);
        });
    }

    /** The constraints for {@code limits}. */
    public static StreamReadConstraints streamReadConstraints(JsonLimitsProperties limits) {
        return StreamReadConstraints.builder()
                .maxNumberLength(limits.maxNumberLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public MoneyRules moneyRules(MoneyProperties properties) {
        return new MoneyRules(properties.maxAmount());
    }

    @Bean
    @ConditionalOnMissingBean
    public PhoneNumbers phoneNumbers(PhoneProperties properties) {
        return new PhoneNumbers(properties.defaultRegion());
    }
}
