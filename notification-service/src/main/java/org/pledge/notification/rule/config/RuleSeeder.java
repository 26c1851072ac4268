package org.pledge.notification.rule.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.notification.rule.api.SaveNotificationRuleCommand;
import org.pledge.notification.rule.query.Rules;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the configured rules ({@link RuleProperties}) at start-up, after the templates (a rule needs its template in
 * every language): a rule that does not exist gets version 1; an existing rule is left as it is (an admin's change, a
 * disabled rule, survive a restart). Seeding twice changes nothing; a rule refused (a missing translation, an unknown
 * template) stops the service with the check it fails. Then it waits (bounded) for the read model and lets
 * {@link Rules#matching} through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
@EnableConfigurationProperties(RuleProperties.class)
class RuleSeeder implements ApplicationRunner {

    static final String SEEDED_BY = "configuration";
    private static final Logger log = LoggerFactory.getLogger(RuleSeeder.class);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    private final RuleProperties properties;
    private final VersionedCommandGateway commands;
    private final Rules rules;
    private final Clock clock;

    RuleSeeder(RuleProperties properties, VersionedCommandGateway commands, Rules rules, Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            for (Map.Entry<String, RuleProperties.Seed> seed : new TreeMap<>(properties.rules()).entrySet()) {
                SaveNotificationRuleCommand command = SaveNotificationRuleCommand.of(seed.getKey(), seed.getValue().content(), true,
                        SEEDED_BY, clock.instant());
                long sequence = send(command);
                if (sequence >= 0 && !rules.awaitSequence(seed.getKey(), sequence, PROJECTION_WAIT, Duration.ofMillis(50))) {
                    log.warn("notification rule {} is not in the read model yet", seed.getKey());
                }
            }
            log.info("notification rules seeded: {} configured", properties.rules().size());
        } finally {
            rules.seeded();
        }
    }

    private long send(SaveNotificationRuleCommand command) {
        try {
            return commands.sendAndWait(command).version().map(AggregateVersion::version).orElse(-1L);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            return commands.sendAndWait(command).version().map(AggregateVersion::version).orElse(-1L);
        }
    }
}
