package org.pledge.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.pledge.contracts.Topics;
import org.pledge.embedded.EmbeddedKafka;
import org.pledge.embedded.EmbeddedMongo;
import org.pledge.local.LocalStack.StartFailure;
import org.pledge.local.issuer.IssuerServer;
import org.pledge.local.mail.MailServer;
import org.pledge.local.sandbox.PaymentSandbox;
import org.pledge.local.sandbox.SandboxProvider;
import org.pledge.local.sandbox.SmsSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure of the local stack, in the launcher's JVM: Kafka (with every topic and its dead-letter topic),
 * MongoDB-wire on H2, the OIDC issuer, SMTP with its mail reader, and the SMS and payment sandboxes. Started one after
 * the other, each checked before the next; stopped in reverse order, each part with its own bound.
 */
final class LocalInfrastructure {

    static final int TOPIC_PARTITIONS = 3;

    /** A running part: what to show in {@code status}, how to stop it and how long that may take. */
    private record Part(String name, String address, AutoCloseable closeable, Duration stopWithin) {
    }

    private interface Step {
        void run() throws Exception;
    }

    private final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);
    private final LocalOptions options;
    private final PrintStream out;
    private final HttpProbe probe;
    private final BooleanSupplier stopping;
    private final Deque<Part> parts = new ArrayDeque<>(); // guarded by itself

    /** {@code stopping}: true once the stack stops; a part that comes up after that is closed at once. */
    LocalInfrastructure(LocalOptions options, PrintStream out, HttpProbe probe, BooleanSupplier stopping) {
        this.options = options;
        this.out = out;
        this.probe = probe;
        this.stopping = stopping;
    }

    /** Starts every part; on a failure, says which and throws (the caller stops what did start). */
    void start() throws Exception {
        LocalOptions.Ports ports = options.ports();
        Path data = options.data();
        step("Kafka (KRaft) on localhost:" + ports.kafka(), () -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(ports.kafka(), data.resolve("kafka"));
            keep(new Part("Kafka", "localhost:" + ports.kafka(), kafka, Duration.ofSeconds(15)));
            createTopics(kafka.bootstrapServers());
        });
        step("MongoDB-wire (H2 on disk) on localhost:" + ports.mongo(), () -> {
            EmbeddedMongo mongo = EmbeddedMongo.h2(data.resolve("mongo").resolve("pledge.mv.db"), ports.mongo());
            keep(new Part("MongoDB-wire", mongo.connectionString(), mongo, Duration.ofSeconds(5)));
            try (MongoClient client = MongoClients.create(mongo.connectionString() + "/?serverSelectionTimeoutMS=10000")) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
            }
        });
        step("OIDC issuer on http://localhost:" + ports.issuer(), () -> {
            IssuerServer issuer = IssuerServer.start(IssuerServer.Settings.of(ports.issuer(), data.resolve("issuer"), System::getenv,
                    java.util.List.of(ServiceSpec.consoleUri(ports))));
            keep(new Part("OIDC issuer", "http://localhost:" + ports.issuer(), issuer, Duration.ofSeconds(5)));
            probe.await(issuer.jwkSetUri(), Duration.ofSeconds(30), body -> body.contains("\"keys\""));
        });
        step("SMTP on localhost:" + ports.smtp() + ", mail reader on http://localhost:" + ports.mail() + "/mail", () -> {
            MailServer mail = MailServer.start(ports.smtp(), ports.mail());
            keep(new Part("SMTP + mail reader", "localhost:" + ports.smtp() + ", http://localhost:" + ports.mail() + "/mail",
                    mail, Duration.ofSeconds(3)));
            probe.await("http://localhost:" + ports.mail() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        step("SMS sandbox on http://localhost:" + ports.sms(), () -> {
            SmsSandbox sms = new SmsSandbox(ports.sms(), sandboxSettings(options.secrets().sms(), "sms.json"));
            keep(new Part("SMS sandbox", sms.baseUrl(), sms, Duration.ofSeconds(3)));
            probe.await(sms.baseUrl() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        step("payment sandbox on http://localhost:" + ports.payments(), () -> {
            PaymentSandbox payments = new PaymentSandbox(ports.payments(),
                    sandboxSettings(options.secrets().payments(), "payments.json"));
            keep(new Part("payment sandbox", payments.baseUrl(), payments, Duration.ofSeconds(3)));
            probe.await(payments.baseUrl() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
    }

    /** Whether any part runs. */
    boolean isEmpty() {
        synchronized (parts) {
            return parts.isEmpty();
        }
    }

    /** The running parts, in start order: name and address. */
    List<Map.Entry<String, String>> addresses() {
        List<Map.Entry<String, String>> addresses = new ArrayList<>();
        synchronized (parts) {
            parts.descendingIterator().forEachRemaining(part -> addresses.add(Map.entry(part.name(), part.address())));
        }
        return addresses;
    }

    /** Stops the parts in reverse order, each within its own bound and what is left until {@code deadlineNanos}. */
    void stop(long deadlineNanos) {
        while (true) {
            Part part;
            synchronized (parts) {
                if (parts.isEmpty()) {
                    break;
                }
                part = parts.pop();
            }
            out.println("pledge-local: stopping " + part.name());
            long left = Math.max(TimeUnit.SECONDS.toNanos(1), deadlineNanos - System.nanoTime());
            stopWithin(part, Duration.ofNanos(Math.min(part.stopWithin().toNanos(), left)));
        }
    }

    private void step(String what, Step step) throws Exception {
        if (stopping.getAsBoolean()) {
            throw new StartFailure("stopped while starting");
        }
        long start = System.nanoTime();
        out.printf("pledge-local: starting %s ...%n", what);
        try {
            step.run();
        } catch (Exception | Error e) {
            out.printf("pledge-local: %s FAILED: %s%n", what, e);
            throw e;
        }
        out.printf("pledge-local:   up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private SandboxProvider.Settings sandboxSettings(String secret, String file) {
        return new SandboxProvider.Settings(secret, Duration.ofSeconds(2), options.data().resolve("sandbox").resolve(file), null);
    }

    private static void createTopics(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.deadLetter(topic))) {
                    if (!existing.contains(name)) {
                        topics.add(new NewTopic(name, TOPIC_PARTITIONS, (short) 1));
                    }
                }
            }
            if (!topics.isEmpty()) {
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Keeps a started part; one that comes up after a stop began is closed at once. */
    private void keep(Part part) {
        boolean kept;
        synchronized (parts) {
            kept = !stopping.getAsBoolean();
            if (kept) {
                parts.push(part);
            }
        }
        if (!kept) {
            stopWithin(part, part.stopWithin());
            throw new StartFailure("stopped while starting");
        }
    }

    /** Closes {@code part} in a thread of its own, waiting at most {@code within}; one that hangs is left behind. */
    private void stopWithin(Part part, Duration within) {
        Thread closer = new Thread(() -> {
            try {
                part.closeable().close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly", part.name(), e);
            }
        }, "stop-" + part.name());
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(Math.max(1, within.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            out.printf("pledge-local: %s did not stop within %.0f s; moving on (it ends with the launcher)%n",
                    part.name(), within.toMillis() / 1000.0);
        }
    }
}
