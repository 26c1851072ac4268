package org.pledge.notification.channel.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.ChannelSender;
import org.pledge.notification.channel.api.OutboundMessage;
import org.pledge.notification.channel.api.SendOutcome;
import org.pledge.notification.channel.provider.ProviderFailure;
import org.pledge.notification.channel.provider.ProviderGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email over SMTP through Spring's {@link JavaMailSender}: one plain-text UTF-8 part, {@code Content-Language} = the
 * message's language, {@code Message-ID: <reference@domain>} (the same for every attempt of one message, so a
 * receiving system can tell a repeat), From = {@code pledge.email.from}.
 *
 * <p>Behind the {@code email} {@link ProviderGuard}. Retried at once: SMTP 4xx replies and connections that could not
 * be made (nothing was sent). Not retried at once: 5xx (permanent: {@code smtp-550} ...), and time-outs or connections
 * lost mid-session ({@code timeout}: the server may have taken the message, and SMTP has no look-up; the notification's
 * own schedule decides whether to try again, with the same Message-ID). The server's 250 after DATA is
 * {@link SendOutcome.Delivered}.
 */
public class EmailSender implements ChannelSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final JavaMailSender mail;
    private final ProviderGuard guard;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;

    public EmailSender(JavaMailSender mail, ProviderGuard guard, EmailProperties properties, Clock clock) {
        this.mail = mail;
        this.guard = guard;
        this.clock = clock;
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("pledge.email.from is not an email address", e);
        }
        String domain = properties.messageIdDomain() == null ? "" : properties.messageIdDomain().trim();
        if (domain.isEmpty()) {
            String address = from.getAddress();
            domain = address.substring(address.indexOf('@') + 1);
        }
        this.messageIdDomain = domain;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        if (message.channel() != Channel.EMAIL) {
            throw new IllegalArgumentException("not an email: " + message);
        }
        String messageId = messageId(message.reference());
        MimeMessage mime;
        try {
            mime = compose(message, messageId);
        } catch (AddressException | UnsupportedEncodingException e) {
            log.info("email {}: the address is not an email address", message.reference());
            return new SendOutcome.PermanentFailure("invalid-address");
        } catch (MessagingException e) {
            log.warn("email {}: the message could not be written ({})", message.reference(), e.getClass().getName());
            return new SendOutcome.PermanentFailure("invalid-message");
        }
        try {
            guard.attempt(() -> guard.call(() -> {
                transmit(mime);
                return Boolean.TRUE;
            }));
        } catch (RuntimeException failure) {
            SendOutcome outcome = guard.outcomeOf(failure);
            log.info("email {}: not sent ({})", message.reference(), outcome);
            return outcome;
        }
        log.info("email {} handed to the SMTP server", message.reference());
        return new SendOutcome.Delivered(messageId, clock.instant());
    }

    private MimeMessage compose(OutboundMessage message, String messageId) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        InternetAddress to = new InternetAddress(message.address(), true);
        to.validate();
        if (message.recipientName() != null && !message.recipientName().isBlank()) {
            to.setPersonal(oneLine(message.recipientName()), StandardCharsets.UTF_8.name());
        }
        helper.setTo(to);
        helper.setSubject(message.subject() == null ? "" : oneLine(message.subject()));
        helper.setText(message.body(), false);
        helper.setSentDate(Date.from(clock.instant()));
        mime.setHeader("Content-Language", message.language());
        // JavaMailSenderImpl keeps a Message-ID that was set before it saves the message
        mime.setHeader("Message-ID", messageId);
        return mime;
    }

    /** A header's text on one line: a line break in a name or subject would start a header of its own. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
    }

    private void transmit(MimeMessage mime) {
        try {
            mail.send(mime);
        } catch (MailException e) {
            throw SmtpFailures.classify(e);
        }
    }

    /**
     * {@code <reference@domain>}: the reference as is when it is a dot-atom of letters, digits, '.', '-' and '_', else
     * each other character as {@code =XX} (UTF-8 bytes in hex), which keeps it deterministic and unique.
     */
    String messageId(String reference) {
        StringBuilder local = new StringBuilder();
        for (byte b : reference.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                local.append(c);
            } else {
                local.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        String text = local.toString();
        if (text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            text = text.replace(".", "=2E");
        }
        return "<" + text + "@" + messageIdDomain + ">";
    }

    /** The kinds of failure this sender retries at once: those after which the server surely has no copy. */
    static Set<ProviderFailure.Kind> retried() {
        return EnumSet.of(ProviderFailure.Kind.TRANSIENT);
    }

    @Override
    public void close() {
        guard.close();
    }
}
