package org.pledge.bench;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.platform.axon.EventRevisions;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.pledge.platform.privacy.DataSubjectKeyStore;
import org.pledge.platform.privacy.MasterKeys;
import org.pledge.platform.privacy.PersonalDataCipher;
import org.pledge.platform.privacy.PersonalDataModule;
import org.pledge.platform.privacy.PrivacyProperties;

/**
 * A rough figure of what encrypting the applicant costs (docs/privacy.md): case-service's {@code CaseSubmittedEvent}
 * through the event store's serializer with and without the personal-data module, and appended one per commit by
 * {@code MongoSequencedEventStorageEngine} on mongo-java-server (memory backend) in this JVM, each case a new data
 * subject (so every append also makes and stores a key) or all under one subject (a cached key). Prints one line per
 * figure, best of {@code bench.rounds} (3). Not a test, and not the release benchmark:
 * <pre>
 * mvn -B -q -o -pl bench -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.pledge.bench.PersonalDataCostBenchmark
 * </pre>
 */
public final class PersonalDataCostBenchmark {

    private static final int SERIALIZATIONS = Integer.getInteger("bench.serializations", 50_000);
    private static final int APPENDS = Integer.getInteger("bench.appendCommits", 4_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Instant T = Instant.parse("2026-03-02T14:00:00Z");
    private static int databases;

    private PersonalDataCostBenchmark() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            System.out.println("== personal data cost, mongo-java-server (memory) in this JVM ("
                    + Runtime.getRuntime().availableProcessors() + " cores) ==");
            Serializer plain = serializer(null);
            double plainWrite = 0, encryptedWrite = 0, plainRead = 0, encryptedRead = 0;
            double plainAppend = 0, newSubjectAppend = 0, oneSubjectAppend = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Serializer encrypted = serializer(keys(client.getDatabase(db())));
                plainWrite = Math.max(plainWrite, serializeRate(plain));
                encryptedWrite = Math.max(encryptedWrite, serializeRate(encrypted));
                plainRead = Math.max(plainRead, deserializeRate(plain));
                encryptedRead = Math.max(encryptedRead, deserializeRate(encrypted));
                plainAppend = Math.max(plainAppend, appendRate(client.getDatabase(db()), false, true));
                newSubjectAppend = Math.max(newSubjectAppend, appendRate(client.getDatabase(db()), true, true));
                oneSubjectAppend = Math.max(oneSubjectAppend, appendRate(client.getDatabase(db()), true, false));
            }
            print("serialize.plain", plainWrite, "events/s");
            print("serialize.encrypted", encryptedWrite, "events/s");
            print("deserialize.plain", plainRead, "events/s");
            print("deserialize.encrypted", encryptedRead, "events/s");
            print("append.1thread.plain", plainAppend, "events/s");
            print("append.1thread.encrypted.newSubjectEach", newSubjectAppend, "events/s");
            print("append.1thread.encrypted.oneSubject", oneSubjectAppend, "events/s");
        } finally {
            server.shutdownNow();
        }
    }

    private static double serializeRate(Serializer serializer) {
        for (int i = 0; i < SERIALIZATIONS / 10; i++) {
            serializer.serialize(submitted(i, "ref-" + (i % 100)), String.class);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < SERIALIZATIONS; i++) {
            serializer.serialize(submitted(i, "ref-" + (i % 100)), String.class);
        }
        return SERIALIZATIONS / ((System.nanoTime() - t0) / 1e9);
    }

    private static double deserializeRate(Serializer serializer) {
        List<SerializedObject<String>> stored = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            stored.add(serializer.serialize(submitted(i, "ref-" + (i % 100)), String.class));
        }
        for (int i = 0; i < SERIALIZATIONS / 10; i++) {
            serializer.deserialize(stored.get(i % stored.size()));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < SERIALIZATIONS; i++) {
            serializer.deserialize(stored.get(i % stored.size()));
        }
        return SERIALIZATIONS / ((System.nanoTime() - t0) / 1e9);
    }

    private static double appendRate(MongoDatabase database, boolean encrypt, boolean newSubjectEach) {
        Serializer serializer = serializer(encrypt ? keys(database) : null);
        MongoSequencedEventStorageEngine engine = MongoSequencedEventStorageEngine.builder().mongoDatabase(database)
                .clock(Clock.systemUTC()).eventSerializer(serializer).snapshotSerializer(serializer).build();
        long t0 = System.nanoTime();
        for (int i = 0; i < APPENDS; i++) {
            String subject = newSubjectEach ? "ref-" + i : "ref-one";
            engine.appendEvents(new GenericDomainEventMessage<>("CaseAggregate", "case-" + i, 0, submitted(i, subject)));
        }
        return APPENDS / ((System.nanoTime() - t0) / 1e9);
    }

    private static DataSubjectKeyStore keys(MongoDatabase database) {
        byte[] master = new byte[32];
        new java.security.SecureRandom().nextBytes(master);
        return new DataSubjectKeyStore(database, MasterKeys.of("bench", master, Map.of()), Clock.systemUTC(),
                new PrivacyProperties(null, null, Map.of(), false, Duration.ofSeconds(30), 10_000, Duration.ofMinutes(1), true));
    }

    private static Serializer serializer(DataSubjectKeyStore keys) {
        List<org.pledge.platform.axon.AxonJacksonCustomizer> customizers = keys == null ? List.of()
                : List.of(b -> b.addModule(new PersonalDataModule(new PersonalDataCipher(keys))));
        return JacksonSerializer.builder().objectMapper(AxonMongoAutoConfiguration.axonObjectMapper(customizers))
                .revisionResolver(new EventRevisions()).build();
    }

    private static CaseSubmittedEvent submitted(int i, String reference) {
        Applicant applicant = new Applicant(reference, "Marie Tremblay " + i, "marie." + i + "@example.org", "+15145550123",
                "12 rue des Pins\nMontréal QC H2X 1Y4", "fr-CA", PreferredChannel.EMAIL);
        return new CaseSubmittedEvent("case-" + i, "PASSPORT", SubmissionChannel.WEB, T, T, null, applicant,
                Money.of("120.00", "CAD"), "10 business days", new BigDecimal("0.8"), true, "CA-ON", 1,
                T.plusSeconds(86_400 * 14), T.plusSeconds(86_400 * 10), null, null, null, null, null);
    }

    private static String db() {
        return "pd-bench-" + (++databases);
    }

    private static void print(String name, double value, String unit) {
        System.out.printf("%s: %.0f %s%n", name, value, unit);
    }
}
