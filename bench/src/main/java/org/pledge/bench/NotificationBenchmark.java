package org.pledge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pledge.contracts.Topics;
import org.pledge.embedded.EmbeddedKafka;
import org.pledge.embedded.EmbeddedMongo;
import org.pledge.notification.NotificationServiceApplication;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notifications per second to a real SMTP server on loopback, through notification-service, beside a plain JavaMail
 * send loop to the same server in the same run as the baseline. Not a test: {@code bench/notifications.sh}.
 *
 * <p>Through the service: {@code bench.messages} recorded {@code pledge.case.submitted.v1} events (each a new client
 * with an email address, who prefers email) go onto the in-process broker at once; the service records each contact,
 * requests one notification per matching rule (one: {@code case-submitted}), records the intent, renders the French
 * text and sends it through its email channel to GreenMail. The figure is messages received by GreenMail per second,
 * from the first event sent to the last message received. The email channel's rate limiter is raised to
 * {@code bench.emailRate} per second (the configured default, 14 per second, is the relay's limit and would be the
 * figure), everything else is as configured.
 *
 * <p>Baseline: {@code bench.messages} messages of the same size sent with {@code Transport.send} (a connection each, as
 * Spring's {@code JavaMailSender} does per message) on {@code bench.threads} threads to the same GreenMail.
 *
 * <p>One JVM holds the service, the broker, the MongoDB-wire server (memory) and GreenMail: their CPU is all counted.
 */
public final class NotificationBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 1_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int EMAIL_RATE = Integer.getInteger("bench.emailRate", 100_000);
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int status = 0;
        System.out.printf("== notifications: warm-up %d, %d messages, baseline on %d threads, email rate limit %d/s, on "
                + "mongo-java-server (memory) in this JVM ==%n", WARMUP, MESSAGES, THREADS, EMAIL_RATE);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
             EmbeddedMongo mongo = EmbeddedMongo.memory(0);
             KafkaProducer<byte[], byte[]> producer = producer(kafka);
             ConfigurableApplicationContext app = start(mongo.port(), kafka, smtp.getSmtp().getPort())) {
            int port = smtp.getSmtp().getPort();
            // warm-up: both paths
            throughService(producer, smtp, WARMUP);
            baseline(port, WARMUP);
            smtp.purgeEmailFromAllMailboxes();

            double service = throughService(producer, smtp, MESSAGES);
            System.out.printf("notification.email_per_s: %.1f messages/s (%d case events → %d emails received by GreenMail, "
                    + "through notification-service)%n", service, MESSAGES, MESSAGES);
            smtp.purgeEmailFromAllMailboxes();
            double plain = baseline(port, MESSAGES);
            System.out.printf("baseline.javamail_per_s: %.1f messages/s (%d Transport.send on %d threads, a connection each)%n",
                    plain, MESSAGES, THREADS);
            System.out.printf("notification.share_of_baseline: %.1f %%%n", 100 * service / plain);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED " + e);
            status = 1;
        } finally {
            smtp.stop();
        }
        System.exit(status); // Kafka and Netty leave non-daemon threads behind
    }

    /** Sends {@code count} case submissions and waits for as many more messages at GreenMail; answers messages/s. */
    private static double throughService(KafkaProducer<byte[], byte[]> producer, GreenMail smtp, int count) throws Exception {
        int before = smtp.getReceivedMessages().length;
        long t0 = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            String caseId = UUID.randomUUID().toString();
            CloudEvent event = CaseEventSamples.submittedBy("ce-" + UUID.randomUUID(), caseId, "bench-" + run + "-" + i,
                    Instant.now().toString().substring(0, 19) + "Z", "client-" + run + "-" + i + "@example.org");
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.CASE, bytes(caseId), bytes(event.json()));
            record.headers().add("ce_id", bytes(event.id())).add("ce_type", bytes(event.type()))
                    .add("ce_source", bytes(event.source())).add("ce_specversion", bytes("1.0"))
                    .add("ce_time", bytes(Instant.now().toString())).add("content-type", bytes("application/json"))
                    .add("ce_subject", bytes(caseId));
            producer.send(record);
        }
        producer.flush();
        if (!smtp.waitForIncomingEmail(LIMIT.toMillis(), before + count)) {
            throw new IllegalStateException("only " + (smtp.getReceivedMessages().length - before) + " of " + count
                    + " messages arrived within " + LIMIT);
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** {@code count} plain JavaMail sends on {@link #THREADS} threads; answers messages/s. */
    private static double baseline(int port, int count) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        MimeMessage message = new MimeMessage(session);
                        message.setFrom(new InternetAddress("notifications@pledge.localhost"));
                        message.setRecipient(Message.RecipientType.TO, new InternetAddress("baseline-" + i + "@example.org"));
                        message.setSubject("Nous avons reçu votre demande", "UTF-8");
                        message.setText(BODY, "UTF-8");
                        message.setHeader("Content-Language", "fr-CA");
                        Transport.send(message);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** About the length of the seeded "received" email. */
    private static final String BODY = ("Bonjour Marie Tremblay,\n\nNous avons bien reçu votre demande de passeport. Nous vous "
            + "donnerons une décision au plus tard le 17 mars 2026.\n\nVous n'avez rien à faire pour le moment.\n\n").repeat(2);

    private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static ConfigurableApplicationContext start(int mongoPort, EmbeddedKafka kafka, int smtpPort) {
        TestTokens tokens = TestTokens.get();
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .logStartupInfo(false)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .run("--server.port=0",
                        "--spring.data.mongodb.uri=mongodb://localhost:" + mongoPort + "/bench-notification",
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--pledge.messaging.group=bench-notification",
                        "--pledge.security.issuer-uri=" + tokens.issuer(),
                        "--pledge.security.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--pledge.security.audiences=" + tokens.audience(),
                        "--pledge.privacy.dev-key=true",
                        "--pledge.audit.dev-key=true",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--pledge.email.rate-limit=" + EMAIL_RATE,
                        "--logging.level.root=WARN");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
