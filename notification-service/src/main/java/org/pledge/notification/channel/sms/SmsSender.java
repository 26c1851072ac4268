package org.pledge.notification.channel.sms;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.ChannelSender;
import org.pledge.notification.channel.api.OutboundMessage;
import org.pledge.notification.channel.api.SendOutcome;
import org.pledge.notification.channel.provider.ProviderFailure;
import org.pledge.notification.channel.provider.ProviderGuard;
import org.pledge.notification.channel.sms.SmsProvider.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through the provider's API ({@link SmsProvider}), our reference as the idempotency key, behind the {@code sms}
 * {@link ProviderGuard}. In this order, so that a client never gets the text twice:
 * <ol>
 * <li>when the message {@linkplain OutboundMessage#mayHaveBeenSent() may have been sent} (a restart or time-out in an
 *     earlier attempt), look it up by our reference first; found: its status is the answer;</li>
 * <li>send it; within the send, time-outs, 429 (after its {@code Retry-After}, within bounds) and 5xx are retried with
 *     exponential back-off and jitter, each call within the provider's rate limit, and after a time-out (the provider
 *     may have taken it) the message is looked up again before any resend;</li>
 * <li>what is left: the provider's status ({@code ACCEPTED} → {@link SendOutcome.Accepted}, a receipt follows;
 *     {@code DELIVERED} → {@link SendOutcome.Delivered}; {@code FAILED} → {@link SendOutcome.PermanentFailure}), a
 *     refusal (other 4xx) → permanent, anything else (retries used up, an open circuit, no permit) → temporary.</li>
 * </ol>
 */
public class SmsSender implements ChannelSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    /** An international number as contacts keep them (E.164: '+', country code, up to 15 digits in all). */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final SmsProvider provider;
    private final ProviderGuard guard;
    private final String callbackUrl;
    private final Clock clock;

    public SmsSender(SmsProvider provider, ProviderGuard guard, String callbackUrl, Clock clock) {
        this.provider = provider;
        this.guard = guard;
        this.callbackUrl = callbackUrl;
        this.clock = clock;
    }

    /** Retried within a send: the provider did not take it, or may have (then looked up before the resend). */
    static Set<ProviderFailure.Kind> retried() {
        return EnumSet.of(ProviderFailure.Kind.TRANSIENT, ProviderFailure.Kind.UNCERTAIN);
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        if (message.channel() != Channel.SMS) {
            throw new IllegalArgumentException("not an SMS: " + message);
        }
        String reference = message.reference();
        if (message.address() == null || !PHONE.matcher(message.address()).matches()) {
            // the provider would refuse it (400): no call spent on it
            return new SendOutcome.PermanentFailure("invalid-number");
        }
        AtomicBoolean lookUpFirst = new AtomicBoolean(message.mayHaveBeenSent());
        Answer answer;
        try {
            answer = guard.attempt(() -> {
                if (lookUpFirst.get()) {
                    Optional<Answer> found = provider.lookUp(reference);
                    if (found.isPresent()) {
                        log.info("sms {}: found at the provider by its reference, not sent again", reference);
                        return found.get();
                    }
                }
                try {
                    return provider.send(reference, message.address(), message.body(), callbackUrl);
                } catch (ProviderFailure failure) {
                    if (failure.kind() == ProviderFailure.Kind.UNCERTAIN) {
                        lookUpFirst.set(true);
                    }
                    throw failure;
                }
            });
        } catch (RuntimeException failure) {
            SendOutcome outcome = guard.outcomeOf(failure);
            log.info("sms {}: not sent ({})", reference, outcome);
            return outcome;
        }
        SendOutcome outcome = outcomeOf(answer);
        log.info("sms {}: {} by the provider as {}", reference, answer.status(), answer.providerId());
        return outcome;
    }

    private SendOutcome outcomeOf(Answer answer) {
        return switch (answer.status()) {
            case "DELIVERED" -> new SendOutcome.Delivered(answer.providerId(), clock.instant());
            case "FAILED", "REJECTED", "UNDELIVERABLE" -> new SendOutcome.PermanentFailure(reasonCode(answer.reason()));
            // ACCEPTED, QUEUED, SENT...: the receipt will tell
            default -> new SendOutcome.Accepted(answer.providerId(), clock.instant());
        };
    }

    /** The provider's reason as a short code ({@code UNREACHABLE} → {@code unreachable}); never its free text. */
    public static String reasonCode(String reason) {
        if (reason == null || !reason.matches("[A-Za-z0-9_.-]{1,64}")) {
            return "failed";
        }
        return reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public void close() {
        guard.close();
    }
}
