package org.pledge.cases.catalogue.config;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.PublishBusinessCalendarCommand;
import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seeds the catalogue from {@link CatalogueProperties} at start-up, before the service reports ready: every
 * configured calendar and service type that does not exist yet is created (as events); existing ones are left as
 * they are, whatever the configuration says now (changes go through the API). Seeding twice changes nothing, and
 * instances starting together are fine (the loser of a creation race retries and finds it exists). A bad seed
 * stops the service with the validation error. Then it waits (bounded) until the projection shows the seeds, so
 * the first case after start-up finds its service type.
 */
@Component
@EnableConfigurationProperties(CatalogueProperties.class)
class CatalogueSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    private final CatalogueProperties properties;
    private final CommandGateway commands;
    private final MongoCatalogue catalogue;
    private final Clock clock;

    CatalogueSeeder(CatalogueProperties properties, CommandGateway commands, MongoCatalogue catalogue, Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (CatalogueProperties.Calendar c : properties.calendars()) {
            int version = send(() -> new PublishBusinessCalendarCommand(c.id(), c.zone(), c.weekendDays(), c.holidays(), true, clock.instant()));
            if (!catalogue.awaitCalendar(c.id(), version, PROJECTION_WAIT)) {
                log.warn("calendar {} version {} is not in the catalogue projection yet", c.id(), version);
            }
        }
        for (CatalogueProperties.ServiceTypeSeed s : properties.serviceTypes()) {
            Money fee = s.fee() == null ? null : Money.of(s.fee().amount(), s.fee().currency());
            int revision = send(() -> new DefineServiceTypeCommand(s.code(), s.names(), fee, s.standard(), s.legalTimeLimit(), s.atRiskShare(),
                    s.guaranteed(), s.calendar(), s.availableFrom(), true, clock.instant()));
            if (!catalogue.awaitServiceType(s.code(), revision, PROJECTION_WAIT)) {
                log.warn("service type {} revision {} is not in the catalogue projection yet", s.code(), revision);
            }
        }
        log.info("catalogue seeded: {} calendar(s), {} service type(s) configured", properties.calendars().size(),
                properties.serviceTypes().size());
    }

    private int send(Supplier<Object> command) {
        try {
            return commands.sendAndWait(command.get());
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            return commands.sendAndWait(command.get()); // another instance created it at the same moment: now it exists
        }
    }
}
