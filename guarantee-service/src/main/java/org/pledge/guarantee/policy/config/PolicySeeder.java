package org.pledge.guarantee.policy.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.guarantee.policy.api.DefineGuaranteePolicyCommand;
import org.pledge.guarantee.policy.query.MongoGuaranteePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seeds the configured guarantee policies at start-up: a service type without a policy gets version 1 from
 * {@link PolicyProperties}; an existing policy is left as it is (an admin's change survives a restart, whatever the
 * configuration says now). Seeding twice changes nothing; instances starting together are fine (the loser of a
 * creation race retries and finds it exists). A bad seed stops the service with the rule it breaks. Then it waits
 * (bounded) for the read model, and lets case events that were waiting for the policies through.
 */
@Component
@EnableConfigurationProperties(PolicyProperties.class)
class PolicySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicySeeder.class);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);
    static final String SEEDED_BY = "configuration";

    private final PolicyProperties properties;
    private final CommandGateway commands;
    private final MongoGuaranteePolicies policies;
    private final Clock clock;

    PolicySeeder(PolicyProperties properties, CommandGateway commands, MongoGuaranteePolicies policies, Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            for (Map.Entry<String, PolicyProperties.Seed> seed : new TreeMap<>(properties.policies()).entrySet()) {
                int version = send(new DefineGuaranteePolicyCommand(seed.getKey(), seed.getValue().terms(), true, SEEDED_BY, clock.instant()));
                if (!policies.awaitVersion(seed.getKey(), version, PROJECTION_WAIT)) {
                    log.warn("guarantee policy {} version {} is not in the read model yet", seed.getKey(), version);
                }
            }
            log.info("guarantee policies seeded: {} configured", properties.policies().size());
        } finally {
            policies.seeded();
        }
    }

    private int send(DefineGuaranteePolicyCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            return commands.sendAndWait(command); // another instance created it at the same moment: now it exists
        }
    }
}
