package org.pledge.feedback.feedback.config;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.feedback.feedback.api.SavePainPointTagsCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the pain-point tags from {@code pledge.feedback.pain-point-tags} at start-up when there is no list yet; a list
 * admin saved (even an empty one) survives restarts. Seeding twice changes nothing.
 */
@Component
class PainPointTagSeeder implements ApplicationRunner {

    static final String SEEDED_BY = "configuration";

    private final FeedbackProperties properties;
    private final CommandGateway commands;
    private final Clock clock;

    PainPointTagSeeder(FeedbackProperties properties, CommandGateway commands, Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<PainPointTag> tags = properties.painPointTags().stream()
                .map(t -> new PainPointTag(t.code(), Map.of("en", t.en(), "fr", t.fr()))).toList();
        SavePainPointTagsCommand seed = new SavePainPointTagsCommand(SavePainPointTagsCommand.LIST_ID, tags, true, SEEDED_BY, clock.instant());
        try {
            commands.sendAndWait(seed);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            commands.sendAndWait(seed); // another instance seeded it at the same moment: now it exists
        }
    }
}
