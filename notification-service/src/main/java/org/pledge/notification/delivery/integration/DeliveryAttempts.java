package org.pledge.notification.delivery.integration;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.ChannelSender;
import org.pledge.notification.channel.api.OutboundMessage;
import org.pledge.notification.channel.api.SendOutcome;
import org.pledge.notification.contact.api.ContactDirectory;
import org.pledge.notification.contact.api.ContactPoints;
import org.pledge.notification.delivery.api.DeliveryPlan;
import org.pledge.notification.delivery.api.Reachability;
import org.pledge.notification.delivery.api.RecordDeliveryOutcomeCommand;
import org.pledge.notification.delivery.api.RecordDeliveryOutcomeCommand.Outcome;
import org.pledge.notification.delivery.api.StartDeliveryAttemptCommand;
import org.pledge.notification.template.api.MessageTemplates;
import org.pledge.notification.template.api.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a notification's due attempts, in the order that keeps a message from being sent twice:
 * <ol>
 * <li>look the recipient up ({@link ContactDirectory}: only which channels have a contact point goes to the aggregate);</li>
 * <li>{@link StartDeliveryAttemptCommand}: the aggregate stores the intent (channel, reference, lease) and says what to
 *     send, or nothing;</li>
 * <li>write the message now, for that channel, in the plan's language ({@link MessageTemplates}); build the
 *     {@link OutboundMessage} from the contact points; hand it to the channel's {@link ChannelSender};</li>
 * <li>record the outcome. A permanent failure makes the next channel due at once: the loop goes on with it.</li>
 * </ol>
 * Every command runs on this class's own threads, outside any event processor's unit of work, so each is stored when
 * it returns: the intent is in the event store before the message leaves. Never logs an address or a text.
 */
public class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);
    /** One attempt per channel at most, then nothing is due at once any more. */
    private static final int MOST_ATTEMPTS_AT_ONCE = Channel.values().length + 1;

    private final CommandGateway commands;
    private final ContactDirectory contacts;
    private final MessageTemplates templates;
    private final Map<Channel, ChannelSender> senders;
    private final DeliveryProperties properties;
    private final ExecutorService workers;
    private final Clock clock;

    public DeliveryAttempts(CommandGateway commands, ContactDirectory contacts, MessageTemplates templates,
                            Map<Channel, ChannelSender> senders, DeliveryProperties properties, ExecutorService workers, Clock clock) {
        this.commands = commands;
        this.contacts = contacts;
        this.templates = templates;
        this.senders = Map.copyOf(senders);
        this.properties = properties;
        this.workers = workers;
        this.clock = clock;
    }

    /** Makes every attempt of the notification due now; returns when their outcomes are recorded. */
    public void due(String notificationId, String recipientRef) {
        Future<?> done = workers.submit(() -> {
            for (int i = 0; i < MOST_ATTEMPTS_AT_ONCE && attempt(notificationId, recipientRef); i++) {
                // a permanent failure: the next channel is due at once
            }
        });
        try {
            done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a notification", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Makes every attempt of the notification due now, on a worker, without waiting (after a failed receipt). */
    public void dueSoon(String notificationId, String recipientRef) {
        workers.submit(() -> {
            try {
                for (int i = 0; i < MOST_ATTEMPTS_AT_ONCE && attempt(notificationId, recipientRef); i++) {
                    // a permanent failure: the next channel is due at once
                }
            } catch (RuntimeException e) {
                log.warn("notification {}: the next attempt failed ({}); the sweep takes it up", notificationId, e.getClass().getSimpleName());
            }
        });
    }

    /** One attempt, if one is due; true when it was made (another may be due at once). */
    private boolean attempt(String notificationId, String recipientRef) {
        log.debug("notification {}: taken up", notificationId);
        ContactPoints contact = contacts.reach(recipientRef).orElse(null);
        DeliveryPlan plan = commands.sendAndWait(new StartDeliveryAttemptCommand(notificationId, reachability(contact),
                properties.policy(), clock.instant()));
        if (plan == null || !plan.send()) {
            return false;
        }
        Result result = send(plan, contact);
        log.info("notification {}: {} attempt {} → {}{}", notificationId, plan.channel(), plan.attempt(), result.outcome(),
                result.reason() == null ? "" : " (" + result.reason() + ")");
        commands.sendAndWait(new RecordDeliveryOutcomeCommand(notificationId, plan.channel(), plan.attempt(), result.outcome(),
                result.providerId(), result.reason(), result.templateVersion(), result.language(), properties.policy(), clock.instant()));
        return result.outcome() == Outcome.PERMANENT_FAILURE;
    }

    private record Result(Outcome outcome, String providerId, String reason, int templateVersion, String language) {
        static Result failed(Outcome outcome, String reason) {
            return new Result(outcome, null, reason, 0, null);
        }
    }

    private Result send(DeliveryPlan plan, ContactPoints contact) {
        String address = address(contact, plan.channel());
        if (address == null) {
            return Result.failed(Outcome.PERMANENT_FAILURE, contact != null && contact.erased() ? "contact-erased" : "no-contact-point");
        }
        ChannelSender sender = senders.get(plan.channel());
        if (sender == null) {
            return Result.failed(Outcome.PERMANENT_FAILURE, "channel-unavailable");
        }
        RenderedMessage message;
        try {
            message = templates.render(plan.templateId(), plan.language(), plan.channel(), plan.values());
        } catch (MessageTemplates.TemplateNotFoundException e) {
            return Result.failed(Outcome.PERMANENT_FAILURE, "template-missing");
        } catch (RuntimeException e) {
            log.warn("notification {}: writing template {} for {} failed ({})", plan.notificationId(), plan.templateId(), plan.channel(),
                    e.getClass().getSimpleName());
            return Result.failed(Outcome.TEMPORARY_FAILURE, "render-failed");
        }
        SendOutcome outcome;
        try {
            outcome = sender.send(new OutboundMessage(plan.reference(), plan.notificationId(), plan.channel(), message.language(),
                    contact.name(), address, message.subject(), message.body(), plan.mayHaveBeenSent()));
        } catch (RuntimeException e) {
            // a sender must not throw; if one does, the message may or may not have left: retried, saying so
            log.warn("notification {}: the {} sender threw {}", plan.notificationId(), plan.channel(), e.getClass().getSimpleName());
            outcome = new SendOutcome.TemporaryFailure("sender-error");
        }
        int version = message.version();
        String language = message.language();
        if (outcome instanceof SendOutcome.Delivered d) {
            return new Result(Outcome.DELIVERED, d.providerId(), null, version, language);
        }
        if (outcome instanceof SendOutcome.Accepted a) {
            return new Result(Outcome.ACCEPTED, a.providerId(), null, version, language);
        }
        if (outcome instanceof SendOutcome.PermanentFailure p) {
            return new Result(Outcome.PERMANENT_FAILURE, null, code(p.reason()), version, language);
        }
        String reason = outcome instanceof SendOutcome.TemporaryFailure t ? t.reason() : "no-outcome";
        return new Result(Outcome.TEMPORARY_FAILURE, null, code(reason), version, language);
    }

    /** What the aggregate may know of a contact: no personal data, only which channels have a point. */
    static Reachability reachability(ContactPoints contact) {
        if (contact == null) {
            return Reachability.noContact();
        }
        if (contact.erased()) {
            return Reachability.erased();
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (address(contact, channel) != null) {
                channels.add(channel);
            }
        }
        return new Reachability(Reachability.State.FOUND, contact.language(), channel(contact.preferredChannel()), channels);
    }

    private static String address(ContactPoints contact, Channel channel) {
        if (contact == null || contact.erased()) {
            return null;
        }
        String address = switch (channel) {
            case EMAIL -> contact.email();
            case SMS -> contact.phone();
            case LETTER -> contact.postalAddress();
        };
        return address == null || address.isBlank() ? null : address;
    }

    private static Channel channel(String name) {
        try {
            return name == null ? null : Channel.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A sender's reason as a stored code: short, and nothing but code characters (never personal data). */
    static String code(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9:._-]", "-");
        return code.length() > 64 ? code.substring(0, 64) : code;
    }
}
