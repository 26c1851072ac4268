package org.pledge.notification.template.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.SaveTemplateVariantCommand;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.query.Templates;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Seeds the configured templates ({@code pledge.notifications.templates}: id → trigger) at start-up, first of the
 * seeders: each variant (configured language × channel) whose text file exists and that the template lacks gets version
 * 1; an existing variant is left as it is (an admin's change survives a restart). Seeding twice changes nothing;
 * instances starting together are fine (the loser of a creation race retries and finds it exists). A bad seed stops
 * the service with the rule it breaks. Then it waits (bounded) for the read model and lets waiting look-ups through.
 *
 * <p>A text file is UTF-8: for EMAIL and LETTER its first line is {@code Subject: <subject>}, the body follows after
 * a blank line; an SMS file is the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@EnableConfigurationProperties(TemplateProperties.class)
class TemplateSeeder implements ApplicationRunner {

    static final String SEEDED_BY = "configuration";
    private static final Logger log = LoggerFactory.getLogger(TemplateSeeder.class);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    private final TemplateProperties properties;
    private final VersionedCommandGateway commands;
    private final Templates templates;
    private final ResourceLoader resources;
    private final Clock clock;

    TemplateSeeder(TemplateProperties properties, VersionedCommandGateway commands, Templates templates, ResourceLoader resources,
                   Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.templates = templates;
        this.resources = resources;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int seeded = 0;
            for (Map.Entry<String, String> template : new TreeMap<>(properties.templates()).entrySet()) {
                Trigger trigger = Trigger.valueOf(template.getValue().strip());
                long sequence = -1;
                for (String language : properties.languages()) {
                    for (Channel channel : Channel.values()) {
                        String text = read(template.getKey(), language, channel);
                        if (text == null) {
                            log.warn("no seed text for template {} in {} for {}", template.getKey(), language, channel);
                            continue;
                        }
                        sequence = Math.max(sequence, send(seed(template.getKey(), trigger, language, channel, text)));
                        seeded++;
                    }
                }
                if (sequence >= 0 && !templates.awaitSequence(template.getKey(), sequence, PROJECTION_WAIT, Duration.ofMillis(50))) {
                    log.warn("template {} is not in the read model yet", template.getKey());
                }
            }
            log.info("message templates seeded: {} variants of {} templates configured", seeded, properties.templates().size());
        } finally {
            templates.seeded();
        }
    }

    private SaveTemplateVariantCommand seed(String templateId, Trigger trigger, String language, Channel channel, String text) {
        SeedText seed = SeedText.parse(channel, text);
        if (seed == null) {
            throw new IllegalStateException("seed text of " + templateId + "/" + language + "/" + channel + " starts with no "
                    + SeedText.SUBJECT + " line");
        }
        return SaveTemplateVariantCommand.of(templateId, trigger, language, channel, seed.subject(), seed.body(), true, SEEDED_BY,
                clock.instant());
    }

    /** The aggregate's sequence number after the command (-1 when it stored nothing). */
    private long send(SaveTemplateVariantCommand command) {
        try {
            return commands.sendAndWait(command).version().map(AggregateVersion::version).orElse(-1L);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // another instance seeded it at the same moment: now it exists
            return commands.sendAndWait(command).version().map(AggregateVersion::version).orElse(-1L);
        }
    }

    private String read(String templateId, String language, Channel channel) {
        Resource resource = resources.getResource(properties.seedLocation() + templateId + "/" + language + "/"
                + channel.name().toLowerCase(Locale.ROOT) + ".txt");
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the seed text " + resource.getDescription(), e);
        }
    }
}
