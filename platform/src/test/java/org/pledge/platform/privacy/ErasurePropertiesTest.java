package org.pledge.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.RawBsonDocument;
import org.pledge.embedded.EmbeddedMongo;
import org.pledge.platform.api.PersonalData;
import org.pledge.platform.axon.EventRevisions;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;

/**
 * Over random streams of events carrying personal data of a few subjects, with erasures in between, stored by the
 * service's event storage engine through the encrypting serializer on mongo-java-server: afterwards, read by an
 * instance that has never seen a key, every value of an erased subject (written before or after its erasure) reads as
 * the marker, every other value as written; and no value at all is in the raw bytes of any stored document.
 */
class ErasurePropertiesTest {

    record Contact(String reference, @PersonalData(subject = "reference") String name,
                   @PersonalData(subject = "reference") String email, String note) {
    }

    /** One step: a contact event of a subject (values to write), or the subject's erasure. */
    record Step(boolean erase, int subject, String name, String email) {
        @Override
        public String toString() {
            return erase ? "erase s" + subject : "write s" + subject + " " + name + "/" + email;
        }
    }

    private record Written(String aggregate, long sequence, int subject, String name, String email) {
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedMongo server;
    private static MongoClient client;

    @BeforeContainer
    static void startMongo() {
        server = EmbeddedMongo.memory(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterContainer
    static void stopMongo() {
        client.close();
        server.close();
    }

    @Property(tries = 40)
    void erasedSubjects_readAsErasedEverywhere_andNoValueIsStoredInClear(@ForAll("streams") List<Step> steps) {
        MongoDatabase database = client.getDatabase("erasure-" + DATABASES.incrementAndGet());
        MasterKeys master = MasterKeys.of("m1", PrivacyFixture.MASTER, Map.of());
        DataSubjectKeyStore keys = new DataSubjectKeyStore(database, master, Clock.systemUTC(), PrivacyFixture.properties(Duration.ofSeconds(30)));
        MongoSequencedEventStorageEngine engine = engine(database, keys);

        List<Written> written = new ArrayList<>();
        Set<Integer> erased = new HashSet<>();
        Map<Integer, Long> sequences = new HashMap<>();
        for (Step step : steps) {
            if (step.erase()) {
                keys.erase(subject(step.subject()), "subject-request", "admin-1", "api");
                erased.add(step.subject());
                continue;
            }
            String aggregate = "contact-" + step.subject();
            long sequence = sequences.merge(step.subject(), 1L, Long::sum) - 1;
            engine.appendEvents(new GenericDomainEventMessage<>("Contact", aggregate, sequence,
                    new Contact(subject(step.subject()), step.name(), step.email(), "note " + sequence)));
            written.add(new Written(aggregate, sequence, step.subject(), step.name(), step.email()));
        }

        // a reader that has never held a key: what the database says, not what a cache remembers
        DataSubjectKeyStore freshKeys = new DataSubjectKeyStore(database, master, Clock.systemUTC(),
                PrivacyFixture.properties(Duration.ofSeconds(30)));
        MongoSequencedEventStorageEngine reader = engine(database, freshKeys);
        for (Written w : written) {
            Contact read = (Contact) reader.readEvents(w.aggregate(), w.sequence()).asStream().findFirst()
                    .map(DomainEventMessage::getPayload).orElseThrow();
            boolean gone = erased.contains(w.subject());
            assertThat(read.name()).as("%s name", w).isEqualTo(gone ? PersonalData.ERASED : w.name());
            assertThat(read.email()).as("%s email", w).isEqualTo(gone ? PersonalData.ERASED : w.email());
            assertThat(read.note()).isEqualTo("note " + w.sequence());
        }
        List<String> values = written.stream().flatMap(w -> java.util.stream.Stream.of(w.name(), w.email())).toList();
        assertThat(valuesInClear(database, values)).as("values found in stored bytes").isEmpty();
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<String> values = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzéøü王明")
                .ofMinLength(6).ofMaxLength(24).map(v -> "v" + v);
        Arbitrary<Step> write = Combinators.combine(Arbitraries.integers().between(0, 3), values, values)
                .as((subject, name, email) -> new Step(false, subject, name, email));
        Arbitrary<Step> erase = Arbitraries.integers().between(0, 3).map(subject -> new Step(true, subject, null, null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, write), net.jqwik.api.Tuple.of(1, erase))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    private static String subject(int i) {
        return "subject-" + i;
    }

    private static MongoSequencedEventStorageEngine engine(MongoDatabase database, DataSubjectKeyStore keys) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(PrivacyFixture.axonMapper(new PersonalDataCipher(keys)))
                .revisionResolver(new EventRevisions()).build();
        return MongoSequencedEventStorageEngine.builder().mongoDatabase(database).clock(Clock.systemUTC())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    /** The values that appear in the raw BSON bytes of any document of any collection. */
    private static Set<String> valuesInClear(MongoDatabase database, List<String> values) {
        Set<String> found = new HashSet<>();
        for (String collection : database.listCollectionNames()) {
            for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()) {
                ByteBuffer buffer = document.getByteBuffer().asNIO();
                byte[] raw = new byte[buffer.remaining()];
                buffer.get(raw);
                String bytes = new String(raw, StandardCharsets.UTF_8);
                values.stream().filter(bytes::contains).forEach(found::add);
            }
        }
        return found;
    }
}
