package org.pledge.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.platform.api.PersonalData;
import org.pledge.testsupport.infra.MemoryMongo;

/** {@code data_subject_keys}: one key per subject made once, tombstones, the cache and re-wrapping, on mongo-java-server. */
class DataSubjectKeyStoreTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private PrivacyFixture fixture;
    private MongoCollection<Document> raw;

    @BeforeEach
    void freshDatabase() {
        fixture = new PrivacyFixture(MONGO.database("keys-" + System.nanoTime()));
        raw = fixture.database.getCollection(DataSubjectKeyStore.COLLECTION);
    }

    @Test
    void keyToWrite_makesOneKeyPerSubject_storedWrappedNeverInClear() {
        SubjectKey key = fixture.keys.keyToWrite("ref-1").orElseThrow();

        Document stored = raw.find(new Document("_id", "ref-1")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("state")).isEqualTo("ACTIVE");
        assertThat(stored.getString("keyId")).isEqualTo(key.keyId());
        assertThat(stored.getString("masterKeyId")).isEqualTo("m1");
        String rawKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.key().getEncoded());
        assertThat(stored.toJson()).doesNotContain(rawKey);
        assertThat(fixture.keys.keyToWrite("ref-1").orElseThrow().keyId()).isEqualTo(key.keyId());
        assertThat(key.toString()).doesNotContain(rawKey);
    }

    @Test
    void insertOrAdopt_adoptsTheKeyStoredFirst_whenAnotherWriterWonTheRace() {
        PrivacyFixture other = fixture.sibling();
        SubjectKey first = fixture.keys.keyToWrite("ref-1").orElseThrow();

        // the other instance looked before the first insert and found nothing: its own insert loses on _id
        SubjectKey adopted = other.keys.insertOrAdopt("ref-1").orElseThrow();

        assertThat(adopted.keyId()).isEqualTo(first.keyId());
        assertThat(adopted.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(raw.countDocuments()).isEqualTo(1);
        // and a value one wrote, the other reads
        assertThat(other.cipher.reveal(fixture.cipher.protect("ref-1", "Marie"))).isEqualTo("Marie");
    }

    @Test
    void keyToWrite_fromManyThreadsAndTwoInstances_endsWithOneKey() throws Exception {
        PrivacyFixture other = fixture.sibling();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                DataSubjectKeyStore store = i % 2 == 0 ? fixture.keys : other.keys;
                Callable<String> call = () -> {
                    start.await();
                    return store.keyToWrite("ref-race").orElseThrow().keyId();
                };
                ids.add(pool.submit(call));
            }
            start.countDown();
            Set<String> distinct = ids.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).collect(Collectors.toSet());
            assertThat(distinct).hasSize(1);
            assertThat(raw.countDocuments(new Document("_id", "ref-race"))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void erase_leavesATombstoneWithoutKey_andARepeatAnswersTheFirstRecord() {
        fixture.keys.keyToWrite("ref-1");

        ErasureRecord first = fixture.keys.erase("ref-1", "subject-request", "admin-1", "api");
        fixture.clock.advance(Duration.ofHours(1));
        ErasureRecord again = fixture.keys.erase("ref-1", "legal-obligation", "admin-2", "api");

        assertThat(again).isEqualTo(first);
        assertThat(first.erasedAt()).isEqualTo(java.time.Instant.parse("2026-03-02T14:00:00Z"));
        assertThat(first.reason()).isEqualTo("subject-request");
        assertThat(first.completed()).isFalse();
        Document tombstone = raw.find(new Document("_id", "ref-1")).first();
        assertThat(tombstone.getString("state")).isEqualTo("ERASED");
        assertThat(tombstone).doesNotContainKeys("wrappedKey", "keyId", "masterKeyId");
        assertThat(fixture.keys.erasure("ref-1")).contains(first);
        assertThat(fixture.keys.uncompleted(10)).containsExactly(first);
        fixture.keys.markCompleted("ref-1");
        assertThat(fixture.keys.uncompleted(10)).isEmpty();
        assertThat(fixture.keys.erasure("ref-1").orElseThrow().completed()).isTrue();
    }

    @Test
    void anErasedSubject_neverGetsANewKey_evenOnAnotherInstance() {
        PrivacyFixture other = fixture.sibling();
        fixture.keys.erase("ref-1", "retention", "case-service/retention", "retention");

        assertThat(fixture.keys.keyToWrite("ref-1")).isEmpty();
        assertThat(other.keys.keyToWrite("ref-1")).isEmpty();
        assertThat(other.keys.insertOrAdopt("ref-1")).isEmpty();
        assertThat(raw.find(new Document("_id", "ref-1")).first().getString("state")).isEqualTo("ERASED");
        assertThat(other.cipher.protect("ref-1", "Marie")).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void erase_evictsThisInstanceAtOnce_andAnotherInstanceWithinTheTtl() {
        PrivacyFixture other = fixture.sibling();
        String stored = fixture.cipher.protect("ref-1", "Marie");
        assertThat(other.cipher.reveal(stored)).isEqualTo("Marie"); // the other instance now holds the key in memory

        fixture.keys.erase("ref-1", "subject-request", "admin-1", "api");

        assertThat(fixture.cipher.reveal(stored)).isEqualTo(PersonalData.ERASED);
        assertThat(other.cipher.reveal(stored)).as("within the TTL, from the other's cache").isEqualTo("Marie");
        other.clock.advance(Duration.ofSeconds(30));
        assertThat(other.cipher.reveal(stored)).as("after the TTL").isEqualTo(PersonalData.ERASED);
    }

    @Test
    void theCache_isBoundedByItsSize() {
        KeyCache cache = new KeyCache(fixture.clock, Duration.ofMinutes(1), 2);
        cache.put("a", KeyCache.Known.ERASED);
        cache.put("b", KeyCache.Known.ERASED);
        cache.get("a");
        cache.put("c", KeyCache.Known.ERASED);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).as("least recently used").isEmpty();
        assertThat(cache.get("a")).isPresent();
    }

    @Test
    void rewrap_movesKeysFromThePreviousMasterKey_andCountsThoseWrappedByAnUnknownOne() {
        String stored = fixture.cipher.protect("ref-1", "Marie");
        PrivacyFixture rotated = new PrivacyFixture(fixture.database,
                MasterKeys.of("m2", PrivacyFixture.OTHER_MASTER, Map.of("m1", PrivacyFixture.MASTER)), Duration.ofSeconds(30));
        raw.insertOne(new Document("_id", "ref-lost").append("state", "ACTIVE").append("keyId", "kx")
                .append("wrappedKey", "AAAA").append("masterKeyId", "m0"));

        DataSubjectKeyStore.Rewrap result = rotated.keys.rewrap();

        assertThat(result).isEqualTo(new DataSubjectKeyStore.Rewrap("m2", 1, 1));
        assertThat(raw.find(new Document("_id", "ref-1")).first().getString("masterKeyId")).isEqualTo("m2");
        assertThat(rotated.keys.rewrap()).isEqualTo(new DataSubjectKeyStore.Rewrap("m2", 0, 1));
        // only the new master key is needed now
        PrivacyFixture onlyNew = new PrivacyFixture(fixture.database, MasterKeys.of("m2", PrivacyFixture.OTHER_MASTER, Map.of()),
                Duration.ofSeconds(30));
        assertThat(onlyNew.cipher.reveal(stored)).isEqualTo("Marie");
        assertThatThrownBy(() -> onlyNew.keys.keyToRead("ref-lost")).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("'m0'").hasMessageContaining("previous-master-keys");
    }

    @Test
    void aWrappedKeyCopiedToAnotherSubject_doesNotUnwrap() {
        fixture.keys.keyToWrite("ref-1");
        Document stored = raw.find(new Document("_id", "ref-1")).first();
        raw.insertOne(new Document(stored).append("_id", "ref-2"));

        assertThatThrownBy(() -> fixture.keys.keyToRead("ref-2")).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("ref-2");
    }
}
