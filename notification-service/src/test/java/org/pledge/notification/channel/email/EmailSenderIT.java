package org.pledge.notification.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.OutboundMessage;
import org.pledge.notification.channel.api.SendOutcome;
import org.pledge.notification.channel.provider.ProviderGuard;
import org.pledge.notification.channel.provider.ProviderLimits;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** {@link EmailSender} against a real SMTP server (GreenMail), as the notification's delivery calls it. */
class EmailSenderIT {

    private static final Instant NOW = Instant.parse("2027-01-15T14:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RefusingGreenMail SMTP = new RefusingGreenMail();

    private EmailSender sender;

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @AfterEach
    void reset() throws Exception {
        if (sender != null) {
            sender.close();
        }
        SMTP.purgeEmailFromAllMailboxes();
        SMTP.recipientCommands.set(0);
    }

    @Test
    void send_deliversPlainTextWithLanguageAndMessageId_toTheSmtpServer() throws Exception {
        sender = sender(SMTP.port(), 10);
        String body = "Bonjour Élodie,\n\nNous avons reçu votre demande le 15 janvier 2027. Réponse prévue : 30,00 $.";

        SendOutcome outcome = sender.send(email("n-1.EMAIL", "client@example.org", "fr-CA", "Votre demande est reçue", body));

        assertThat(outcome).isEqualTo(new SendOutcome.Delivered("<n-1.EMAIL@pledge.test>", NOW));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("fr-CA");
        assertThat(mail.getMessageID()).isEqualTo("<n-1.EMAIL@pledge.test>");
        assertThat(mail.getSubject()).isEqualTo("Votre demande est reçue");
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(body);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("notifications@pledge.test");
        InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("client@example.org");
        assertThat(to.getPersonal()).isEqualTo("Élodie Tremblay");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(NOW);
    }

    @Test
    void send_givesTheSameMessageId_everyTimeTheSameReferenceIsSent() throws Exception {
        sender = sender(SMTP.port(), 10);

        sender.send(email("n-2.EMAIL", "client@example.org", "en", "Received", "Hello"));
        sender.send(email("n-2.EMAIL", "client@example.org", "en", "Received", "Hello"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo("<n-2.EMAIL@pledge.test>");
        assertThat(GreenMailUtil.getBody(received[0])).isEqualTo("Hello");
    }

    @Test
    void send_keepsANameAndSubjectOnOneLine_soTheyCannotAddAHeader() throws Exception {
        sender = sender(SMTP.port(), 10);

        sender.send(new OutboundMessage("n-11.EMAIL", "n-11", Channel.EMAIL, "en", "Eve\r\nBcc: other@example.org",
                "client@example.org", "Received\r\nBcc: other@example.org", "Hello", false));

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getSubject()).isEqualTo("Received Bcc: other@example.org");
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Eve Bcc: other@example.org");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void send_isAPermanentFailure_atOnce_whenTheServerRefusesTheRecipient() {
        sender = sender(SMTP.port(), 10);

        SendOutcome outcome = sender.send(email("n-3.EMAIL", "refused@example.org", "en", "Received", "Hello"));

        assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("smtp-550"));
        assertThat(SMTP.recipientCommands.get()).as("550 is not retried").isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_retriesATransientRefusal_thenIsATemporaryFailure() {
        sender = sender(SMTP.port(), 10);

        SendOutcome outcome = sender.send(email("n-4.EMAIL", "busy@example.org", "en", "Received", "Hello"));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("smtp-451"));
        assertThat(SMTP.recipientCommands.get()).as("3 attempts in all").isEqualTo(3);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void send_isATemporaryFailure_whenTheServerIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        sender = sender(closedPort, 10);

        SendOutcome outcome = sender.send(email("n-5.EMAIL", "client@example.org", "en", "Received", "Hello"));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("connection"));
    }

    @Test
    void send_isATemporaryFailure_withoutAResend_whenTheServerDoesNotAnswerInTime() throws Exception {
        // a server that takes the connection and never says a word: the time limit ends the session
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                        connections.incrementAndGet();
                    }
                } catch (IOException closed) {
                    held.forEach(socket -> {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            sender = sender(silent.getLocalPort(), 10, Duration.ofMillis(500));

            SendOutcome outcome = sender.send(email("n-10.EMAIL", "client@example.org", "en", "Received", "Hello"));

            assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("timeout"));
            assertThat(connections.get()).as("the server may have the message: not resent at once").isEqualTo(1);
        }
    }

    @Test
    void send_isAPermanentFailure_withoutContactingTheServer_whenTheAddressIsNotAnEmailAddress() {
        sender = sender(SMTP.port(), 10);

        SendOutcome outcome = sender.send(email("n-6.EMAIL", "not an address", "en", "Received", "Hello"));

        assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("invalid-address"));
        assertThat(SMTP.recipientCommands.get()).isZero();
    }

    @Test
    void send_waitsForNoPermitBeyondTheRateLimit_andSendsNothing() {
        // one session per hour, no wait: the second send finds no permit
        sender = sender(SMTP.port(), 1);

        SendOutcome first = sender.send(email("n-7.EMAIL", "client@example.org", "en", "Received", "Hello"));
        SendOutcome second = sender.send(email("n-8.EMAIL", "client@example.org", "en", "Received", "Hello"));

        assertThat(first).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(second).isEqualTo(new SendOutcome.TemporaryFailure("rate-limited"));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void send_isATemporaryFailure_whileTheCircuitIsOpen() {
        sender = sender(SMTP.port(), 10);
        guard.circuitBreaker().transitionToOpenState();

        SendOutcome outcome = sender.send(email("n-9.EMAIL", "client@example.org", "en", "Received", "Hello"));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("circuit-open"));
        assertThat(SMTP.recipientCommands.get()).isZero();
    }

    @Test
    void messageId_encodesCharactersOutsideADotAtom() {
        sender = sender(SMTP.port(), 10);

        assertThat(sender.messageId("n:1/é")).isEqualTo("<n=3A1=2F=C3=A9@pledge.test>");
        assertThat(sender.messageId(".n")).isEqualTo("<=2En@pledge.test>");
    }

    private ProviderGuard guard;

    private EmailSender sender(int port, int perHour) {
        return sender(port, perHour, Duration.ofSeconds(10));
    }

    private EmailSender sender(int port, int perHour, Duration callTimeout) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.setDefaultEncoding("UTF-8");
        Properties javaMail = new Properties();
        javaMail.put("mail.smtp.connectiontimeout", "2000");
        javaMail.put("mail.smtp.timeout", "5000");
        mail.setJavaMailProperties(javaMail);
        ProviderLimits.Retry retry = new ProviderLimits.Retry(3, Duration.ofMillis(10), 2.0, 0.5, Duration.ofSeconds(1));
        ProviderLimits.CircuitBreaker breaker = new ProviderLimits.CircuitBreaker(50, 20, 10, Duration.ofMinutes(1));
        EmailProperties properties = new EmailProperties("Pledge <notifications@pledge.test>", "", perHour, Duration.ofHours(1),
                Duration.ZERO, callTimeout, retry, breaker);
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        guard = ProviderGuard.create("email", properties.limits(), EmailSender.retried(),
                none.getBeanProvider(RateLimiterRegistry.class), none.getBeanProvider(TimeLimiterRegistry.class),
                none.getBeanProvider(RetryRegistry.class), none.getBeanProvider(CircuitBreakerRegistry.class));
        return new EmailSender(mail, guard, properties, CLOCK);
    }

    private static OutboundMessage email(String reference, String address, String language, String subject, String body) {
        return new OutboundMessage(reference, "n-" + reference, Channel.EMAIL, language, "Élodie Tremblay", address, subject, body, false);
    }
}
