package org.pledge.notification.delivery.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.DeliveryReceipts;
import org.pledge.notification.delivery.api.DeliveryAttemptFailedEvent;
import org.pledge.notification.delivery.api.DeliveryAttemptStartedEvent;
import org.pledge.notification.delivery.api.DeliveryPlan;
import org.pledge.notification.delivery.api.DeliveryPolicy;
import org.pledge.notification.delivery.api.NotificationAbandonedEvent;
import org.pledge.notification.delivery.api.NotificationDeliveredEvent;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.notification.delivery.api.NotificationPlannedEvent;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.NotificationSentEvent;
import org.pledge.notification.delivery.api.NotificationStatus;
import org.pledge.notification.delivery.api.NotificationWaitingForContactEvent;
import org.pledge.notification.delivery.api.Reachability;
import org.pledge.notification.delivery.api.RecordDeliveryOutcomeCommand;
import org.pledge.notification.delivery.api.RecordDeliveryReceiptCommand;
import org.pledge.notification.delivery.api.RequestNotificationCommand;
import org.pledge.notification.delivery.api.SealedValues;
import org.pledge.notification.delivery.api.StartDeliveryAttemptCommand;

/**
 * One message a client is owed: one per (source event, rule, recipient) ({@link NotificationIds#of}), so it is
 * requested, and sent, once. Its life (docs/notifications.md):
 * <ul>
 * <li>{@link StartDeliveryAttemptCommand} plans the channels from the contact on first use ({@link ChannelPlan}), or
 *     waits for a contact not recorded yet (until {@link DeliveryPolicy#contactWait()}), or abandons it (contact erased,
 *     no contact point); then, when an attempt is due, stores its intent (a lease) <em>before</em> anything is sent and
 *     answers what to send. An attempt whose lease ran out (the service died in it) or whose receipt never came is
 *     attempted again, saying the message may have been sent;</li>
 * <li>{@link RecordDeliveryOutcomeCommand}: delivered (final), sent (a receipt follows), a temporary failure (retried
 *     after {@link DeliveryPolicy#backOffAfter}, up to {@link DeliveryPolicy#maxAttempts()} per channel, then as
 *     permanent), a permanent failure (the next channel at once; abandoned when none is left);</li>
 * <li>{@link RecordDeliveryReceiptCommand}: a receipt for the channel under way decides it; a duplicate or late one
 *     changes nothing; one for a channel never attempted is refused.</li>
 * </ul>
 * Not snapshotted: its events are few, and its state holds the trigger's credentials, which only its events store
 * (encrypted).
 */
@Aggregate(cache = "pledgeAggregateCache")
public class Notification {

    @AggregateIdentifier
    private String notificationId;
    private NotificationRequestedEvent request;
    private NotificationStatus status;
    private int contactChecks;
    private List<Channel> channels;
    private int current;
    private int attempt;
    private String language;
    private int templateVersion;
    private Instant dueAt;
    private final Set<Channel> attempted = EnumSet.noneOf(Channel.class);
    private final List<Channel> tried = new ArrayList<>();

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected Notification() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestNotificationCommand c) {
        if (notificationId != null) {
            return; // requested already: once per (source event, rule, recipient)
        }
        requireText(c.caseId(), "caseId");
        requireText(c.recipientRef(), "recipientRef");
        requireText(c.ruleId(), "ruleId");
        requireText(c.templateId(), "templateId");
        requireText(c.sourceEventId(), "sourceEventId");
        if (c.requestedAt() == null) {
            throw new IllegalArgumentException("requestedAt is required");
        }
        if (!NotificationIds.of(c.sourceEventId(), c.ruleId(), c.recipientRef()).equals(c.notificationId())) {
            throw new IllegalArgumentException("notification " + c.notificationId() + " is not the one of its event, rule and recipient");
        }
        apply(new NotificationRequestedEvent(c.notificationId(), c.caseId(), c.recipientRef(), c.trigger(), c.ruleId(), c.ruleVersion(),
                c.templateId(), c.sourceEventId(), c.sourceEventType(), c.eventLanguage(), c.values() == null ? Map.of() : Map.copyOf(c.values()),
                c.sealedValues(), c.requestedAt()));
    }

    @CommandHandler
    DeliveryPlan handle(StartDeliveryAttemptCommand c) {
        DeliveryPolicy policy = c.policy();
        Instant now = c.at();
        if (status.isFinal() || (dueAt != null && now.isBefore(dueAt))) {
            return DeliveryPlan.none(notificationId); // final, or under way / not due yet
        }
        if (status == NotificationStatus.SENDING || status == NotificationStatus.SENT) {
            // the lease ran out without an outcome (the service died in the send), or no receipt came: attempted again at
            // once, saying it may have been sent (a sender that can look the message up does so), unless that was the last
            String reason = status == NotificationStatus.SENDING ? "no-outcome" : "receipt-timeout";
            if (!failTemporarily(reason, true, templateVersion, policy, now)) {
                return DeliveryPlan.none(notificationId);
            }
        }
        if (channels == null && !plan(c.reach(), policy, now)) {
            return DeliveryPlan.none(notificationId);
        }
        Channel channel = channels.get(current);
        int next = attempt + 1;
        apply(new DeliveryAttemptStartedEvent(notificationId, channel, next, NotificationIds.reference(notificationId, channel), next > 1,
                now.plus(policy.lease()), now));
        Map<String, String> values = new HashMap<>(request.values());
        SealedValues.read(request.sealedValues()).forEach(values::putIfAbsent);
        return new DeliveryPlan(true, notificationId, channel, next, NotificationIds.reference(notificationId, channel), next > 1,
                request.recipientRef(), request.templateId(), language, Map.copyOf(values));
    }

    @CommandHandler
    void handle(RecordDeliveryOutcomeCommand c) {
        if (status != NotificationStatus.SENDING || c.channel() != channels.get(current) || c.attempt() != attempt) {
            return; // not the attempt under way: late or repeated
        }
        int version = c.templateVersion() > 0 ? c.templateVersion() : templateVersion;
        String lang = c.language() != null ? c.language() : language;
        switch (c.outcome()) {
            case DELIVERED -> delivered(c.providerId(), "answer", version, lang, c.at());
            case ACCEPTED -> apply(new NotificationSentEvent(notificationId, c.channel(), attempt, c.providerId(), version, lang,
                    c.at().plus(c.policy().receiptWait()), c.at()));
            case TEMPORARY_FAILURE -> failTemporarily(c.reason(), false, version, c.policy(), c.at());
            case PERMANENT_FAILURE -> failChannel(c.reason(), version, c.at());
        }
    }

    @CommandHandler
    void handle(RecordDeliveryReceiptCommand c) {
        if (!attempted.contains(c.channel())) {
            throw new DeliveryReceipts.UnknownReferenceException();
        }
        boolean awaited = !status.isFinal() && c.channel() == channels.get(current) && status != NotificationStatus.REQUESTED;
        if (!awaited) {
            return; // a duplicate, or late: the notification ended or moved on
        }
        if (c.delivered()) {
            delivered(c.providerId(), "receipt", templateVersion, language, c.at());
        } else {
            failChannel("receipt:" + (c.reason() == null ? "failed" : c.reason()), templateVersion, c.at());
        }
    }

    /** Plans the channels on first use; false when there is nothing to send now (waiting, or abandoned). */
    private boolean plan(Reachability reach, DeliveryPolicy policy, Instant now) {
        Reachability.State state = reach == null ? Reachability.State.NO_CONTACT : reach.state();
        switch (state) {
            case ERASED -> {
                abandon(null, "contact-erased", now);
                return false;
            }
            case NO_CONTACT -> {
                if (!now.isBefore(request.requestedAt().plus(policy.contactWait()))) {
                    abandon(null, "no-contact", now);
                } else {
                    apply(new NotificationWaitingForContactEvent(notificationId, contactChecks + 1,
                            now.plus(policy.backOffAfter(contactChecks + 1)), now));
                }
                return false;
            }
            default -> {
                List<Channel> plan = ChannelPlan.of(reach.preferredChannel(), reach.channels());
                if (plan.isEmpty()) {
                    abandon(null, "no-contact-point", now);
                    return false;
                }
                String lang = reach.language() != null && !reach.language().isBlank() ? reach.language() : request.eventLanguage();
                apply(new NotificationPlannedEvent(notificationId, plan, lang, now));
                return true;
            }
        }
    }

    /**
     * The attempt under way failed for now: the next one on this channel is scheduled after the back-off (or due at once:
     * {@code now}), or, once the channel's attempts are used up, the channel fails for good. True when an attempt is due now.
     */
    private boolean failTemporarily(String reason, boolean now, int version, DeliveryPolicy policy, Instant at) {
        if (attempt >= policy.maxAttempts()) {
            failChannel("retries-exhausted:" + reason, version, at);
            return !status.isFinal();
        }
        Instant retryAt = now ? at : at.plus(policy.backOffAfter(attempt));
        apply(new DeliveryAttemptFailedEvent(notificationId, channels.get(current), attempt, reason, false, retryAt, version, at));
        return now;
    }

    /** This channel failed for good: the next one is due at once, or the notification is abandoned. */
    private void failChannel(String reason, int version, Instant at) {
        Channel channel = channels.get(current);
        boolean last = current + 1 >= channels.size();
        apply(new DeliveryAttemptFailedEvent(notificationId, channel, attempt, reason, true, null, version, at));
        if (last) {
            abandon(channel, reason, at);
        }
    }

    private void delivered(String providerId, String confirmedBy, int version, String lang, Instant at) {
        apply(new NotificationDeliveredEvent(notificationId, request.caseId(), request.recipientRef(), request.ruleId(),
                request.templateId(), request.sourceEventType(), channels.get(current), attempt, lang, version, providerId,
                confirmedBy, at));
    }

    private void abandon(Channel last, String reason, Instant at) {
        apply(new NotificationAbandonedEvent(notificationId, request.caseId(), request.recipientRef(), request.ruleId(),
                request.templateId(), request.sourceEventType(), last, List.copyOf(tried), reason, at));
    }

    @EventSourcingHandler
    void on(NotificationRequestedEvent e) {
        notificationId = e.notificationId();
        request = e;
        language = e.eventLanguage();
        status = NotificationStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(NotificationWaitingForContactEvent e) {
        contactChecks = e.check();
        status = NotificationStatus.WAITING_FOR_CONTACT;
        dueAt = e.retryAt();
    }

    @EventSourcingHandler
    void on(NotificationPlannedEvent e) {
        channels = List.copyOf(e.channels());
        language = e.language();
        current = 0;
        attempt = 0;
    }

    @EventSourcingHandler
    void on(DeliveryAttemptStartedEvent e) {
        attempt = e.attempt();
        attempted.add(e.channel());
        if (!tried.contains(e.channel())) {
            tried.add(e.channel());
        }
        status = NotificationStatus.SENDING;
        dueAt = e.leaseUntil();
    }

    @EventSourcingHandler
    void on(NotificationSentEvent e) {
        templateVersion = e.templateVersion();
        language = e.language();
        status = NotificationStatus.SENT;
        dueAt = e.receiptDueAt();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptFailedEvent e) {
        if (e.channelFailed()) {
            current++;
            attempt = 0;
            templateVersion = 0; // the next channel's variant is written at its own attempt
            status = NotificationStatus.REQUESTED;
            dueAt = null; // the next channel at once
        } else {
            templateVersion = e.templateVersion();
            status = NotificationStatus.RETRYING;
            dueAt = e.retryAt();
        }
    }

    @EventSourcingHandler
    void on(NotificationDeliveredEvent e) {
        language = e.language();
        templateVersion = e.templateVersion();
        status = NotificationStatus.DELIVERED;
        dueAt = null;
    }

    @EventSourcingHandler
    void on(NotificationAbandonedEvent e) {
        status = NotificationStatus.ABANDONED;
        dueAt = null;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
