package org.pledge.platform.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.testsupport.time.MutableClock;

/** Key stores, ciphers and Axon mappers on a database, for the privacy tests. */
final class PrivacyFixture {

    static final byte[] MASTER = bytes(1);
    static final byte[] OTHER_MASTER = bytes(2);

    final MongoDatabase database;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"));
    final DataSubjectKeyStore keys;
    final PersonalDataCipher cipher;
    final ObjectMapper mapper;

    PrivacyFixture(MongoDatabase database) {
        this(database, MasterKeys.of("m1", MASTER, Map.of()), Duration.ofSeconds(30));
    }

    PrivacyFixture(MongoDatabase database, MasterKeys masterKeys, Duration ttl) {
        this.database = database;
        this.keys = new DataSubjectKeyStore(database, masterKeys, clock, properties(ttl));
        this.cipher = new PersonalDataCipher(keys);
        this.mapper = axonMapper(cipher);
    }

    /** Another instance of the service on the same database (its own caches, its own clock's reading). */
    PrivacyFixture sibling() {
        return new PrivacyFixture(database, keys.masterKeys(), Duration.ofSeconds(30));
    }

    static ObjectMapper axonMapper(PersonalDataCipher cipher) {
        PersonalDataModule module = new PersonalDataModule(cipher);
        return AxonMongoAutoConfiguration.axonObjectMapper(java.util.List.of(b -> b.addModule(module)));
    }

    static PrivacyProperties properties(Duration ttl) {
        return new PrivacyProperties(null, null, Map.of(), false, ttl, 10_000, Duration.ofMinutes(1), true);
    }

    static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
