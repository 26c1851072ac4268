package org.pledge.feedback.satisfaction.command;

import java.util.function.Function;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.satisfaction.api.AlertRule;
import org.pledge.feedback.satisfaction.api.WatchAnswerCommand;

/**
 * Feeds every answer to its service type's {@link SatisfactionWatch}, with its position in the event stream (so the
 * watch counts it once however often it is delivered) and the alert rule in force. This group sees the stream in order
 * (one segment, a sequential policy) and propagates errors: a failed command is retried, never skipped.
 */
@ProcessingGroup(SatisfactionWatchFeeder.GROUP)
public class SatisfactionWatchFeeder {

    public static final String GROUP = "satisfaction-watch";

    private final CommandGateway commands;
    private final Function<String, AlertRule> rules;

    /** @param rules the alert rule of a service type */
    public SatisfactionWatchFeeder(CommandGateway commands, Function<String, AlertRule> rules) {
        this.commands = commands;
        this.rules = rules;
    }

    @EventHandler
    void on(FeedbackReceivedEvent event, TrackingToken token) {
        if (event.serviceType() == null || event.serviceType().isBlank() || event.rating() < 1 || event.rating() > 5
                || event.receivedAt() == null) {
            return; // nothing a service type's figure can count
        }
        long position = token.position().orElseThrow(() -> new IllegalStateException("a tracking token without a position"));
        commands.sendAndWait(WatchAnswerCommand.of(event.serviceType(), event.feedbackId(), position, event.rating(), event.receivedAt(),
                rules.apply(event.serviceType())));
    }
}
