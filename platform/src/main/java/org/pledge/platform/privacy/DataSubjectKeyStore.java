package org.pledge.platform.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One key per data subject, in the collection {@value #COLLECTION} of the service's database, wrapped by the master key
 * ({@link MasterKeys}); unwrapped keys are kept in a {@link KeyCache}.
 *
 * <ul>
 *   <li>A key is made on first use ({@link #keyToWrite}): 32 bytes from {@code SecureRandom}, inserted if absent, so two
 *       writers (threads, instances) that race end up with the one key stored first.</li>
 *   <li>Erasure ({@link #erase}) replaces the key by a tombstone, once: the first erasure's record stays, later ones
 *       read it. A tombstone is never replaced by a key again, so nothing is encrypted for an erased subject.</li>
 *   <li>Keys wrapped by a previous master key are re-wrapped by the current one ({@link #rewrap}).</li>
 * </ul>
 * Works the same on MongoDB and mongo-java-server: only {@code _id} look-ups, inserts and single-document replaces.
 */
public class DataSubjectKeyStore {

    public static final String COLLECTION = "data_subject_keys";
    private static final Logger log = LoggerFactory.getLogger(DataSubjectKeyStore.class);
    private static final int KEY_ID_BYTES = 9;

    private final MongoCollection<DataSubjectKeyDocument> keys;
    private final MasterKeys masterKeys;
    private final KeyCache cache;
    private final Clock clock;

    public DataSubjectKeyStore(MongoDatabase database, MasterKeys masterKeys, Clock clock, PrivacyProperties properties) {
        this.keys = ReadModelCodecs.collection(database, COLLECTION, DataSubjectKeyDocument.class);
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.cache = new KeyCache(clock, properties.keyCacheTtl(), properties.keyCacheSize());
    }

    /** The index a re-wrap and the completion sweep query by on real MongoDB (mongo-java-server scans). */
    public void ensureIndexes() {
        keys.createIndex(Indexes.ascending(DataSubjectKeyDocument.MASTER_KEY_ID), new IndexOptions().name("masterKeyId"));
        keys.createIndex(Indexes.ascending(DataSubjectKeyDocument.COMPLETED), new IndexOptions().name("completed").sparse(true));
    }

    public MasterKeys masterKeys() {
        return masterKeys;
    }

    /** The subject's key to encrypt with, made now if it has none; empty when the subject is erased. */
    Optional<SubjectKey> keyToWrite(String subjectRef) {
        Optional<KeyCache.Known> cached = cache.get(subjectRef);
        if (cached.isPresent()) {
            return Optional.ofNullable(cached.get().key());
        }
        // insert first: most subjects written without a cached key are new ones (one command, not two)
        return insertOrAdopt(subjectRef);
    }

    /** The subject's key to decrypt with; empty when the subject is erased or has no key. */
    Optional<SubjectKey> keyToRead(String subjectRef) {
        Optional<KeyCache.Known> cached = cache.get(subjectRef);
        if (cached.isPresent()) {
            return Optional.ofNullable(cached.get().key());
        }
        DataSubjectKeyDocument stored = find(subjectRef);
        return stored == null ? Optional.empty() : remember(stored);
    }

    /** Whether the subject is erased (a tombstone), as known here within the cache's TTL. */
    public boolean isErased(String subjectRef) {
        Optional<KeyCache.Known> cached = cache.get(subjectRef);
        if (cached.isPresent()) {
            return cached.get().erased();
        }
        DataSubjectKeyDocument stored = find(subjectRef);
        if (stored == null) {
            return false;
        }
        remember(stored);
        return stored.erased();
    }

    /**
     * Makes a key and inserts it unless the subject has a document already; on a lost race, the key (or tombstone)
     * stored first. Package-private so a test can make the race happen.
     */
    Optional<SubjectKey> insertOrAdopt(String subjectRef) {
        byte[] key = Aead.random(Aead.KEY_BYTES);
        String keyId = "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(Aead.random(KEY_ID_BYTES));
        DataSubjectKeyDocument document = DataSubjectKeyDocument.active(subjectRef, keyId,
                masterKeys.wrap(subjectRef, keyId, key), masterKeys.currentId(), clock.instant());
        try {
            keys.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            DataSubjectKeyDocument first = find(subjectRef);
            if (first == null) {
                throw new IllegalStateException("the key document of data subject " + subjectRef + " vanished during a race");
            }
            return remember(first);
        }
        SubjectKey made = new SubjectKey(subjectRef, keyId, MasterKeys.aesKey(key, "a data subject key"));
        cache.put(subjectRef, new KeyCache.Known(made));
        return Optional.of(made);
    }

    /**
     * Deletes the subject's key and leaves a tombstone with this erasure's record; when the subject is erased already,
     * changes nothing and answers the first erasure's record. Evicts the subject from this instance's cache at once.
     */
    public ErasureRecord erase(String subjectRef, String reason, String erasedBy, String requestedThrough) {
        DataSubjectKeyDocument tombstone = DataSubjectKeyDocument.tombstone(subjectRef, clock.instant(), reason, erasedBy,
                requestedThrough);
        try {
            // replaces a key, or inserts where there is nothing; a tombstone does not match, and the upsert's insert
            // then fails on _id: erased already
            keys.replaceOne(Filters.and(Filters.eq(DataSubjectKeyDocument.ID, subjectRef),
                            Filters.ne(DataSubjectKeyDocument.STATE, DataSubjectKeyDocument.ERASED)),
                    tombstone, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        cache.evict(subjectRef);
        DataSubjectKeyDocument stored = find(subjectRef);
        if (stored == null || !stored.erased()) {
            throw new IllegalStateException("the tombstone of data subject " + subjectRef + " is not there after the erasure");
        }
        cache.put(subjectRef, KeyCache.Known.ERASED);
        return stored.erasure();
    }

    /** The subject's erasure, when it is erased. */
    public Optional<ErasureRecord> erasure(String subjectRef) {
        DataSubjectKeyDocument stored = find(subjectRef);
        return stored != null && stored.erased() ? Optional.of(stored.erasure()) : Optional.empty();
    }

    /** Notes that every step of the subject's erasure is done. */
    public void markCompleted(String subjectRef) {
        keys.updateOne(Filters.and(Filters.eq(DataSubjectKeyDocument.ID, subjectRef),
                Filters.eq(DataSubjectKeyDocument.STATE, DataSubjectKeyDocument.ERASED)), Updates.set(DataSubjectKeyDocument.COMPLETED, true));
    }

    /** Erasures a crash left unfinished, at most {@code limit}. */
    public List<ErasureRecord> uncompleted(int limit) {
        List<ErasureRecord> found = new ArrayList<>();
        for (DataSubjectKeyDocument document : keys.find(Filters.eq(DataSubjectKeyDocument.COMPLETED, false)).limit(limit)) {
            found.add(document.erasure());
        }
        return found;
    }

    /** How a re-wrap went. */
    public record Rewrap(String masterKeyId, int rewrapped, int notConfigured) {
    }

    /**
     * Re-wraps every key wrapped by a previous master key with the current one, each with a compare-and-set on its old
     * master key id (so an erasure or another instance's re-wrap meanwhile wins). Keys wrapped by a master key that is
     * not configured are counted and left alone. Idempotent; unwrapped keys never leave this method.
     */
    public Rewrap rewrap() {
        String current = masterKeys.currentId();
        int rewrapped = 0;
        int notConfigured = 0;
        Bson old = Filters.and(Filters.eq(DataSubjectKeyDocument.STATE, DataSubjectKeyDocument.ACTIVE),
                Filters.ne(DataSubjectKeyDocument.MASTER_KEY_ID, current));
        for (DataSubjectKeyDocument document : keys.find(old)) {
            if (!masterKeys.knows(document.masterKeyId())) {
                notConfigured++;
                continue;
            }
            byte[] key = masterKeys.unwrap(document.subjectRef(), document.keyId(), document.masterKeyId(), document.wrappedKey());
            String wrapped = masterKeys.wrap(document.subjectRef(), document.keyId(), key);
            long changed = keys.updateOne(Filters.and(Filters.eq(DataSubjectKeyDocument.ID, document.subjectRef()),
                            Filters.eq(DataSubjectKeyDocument.KEY_ID, document.keyId()),
                            Filters.eq(DataSubjectKeyDocument.MASTER_KEY_ID, document.masterKeyId())),
                    Updates.combine(Updates.set(DataSubjectKeyDocument.WRAPPED_KEY, wrapped),
                            Updates.set(DataSubjectKeyDocument.MASTER_KEY_ID, current))).getModifiedCount();
            rewrapped += (int) changed;
        }
        if (rewrapped > 0 || notConfigured > 0) {
            log.info("Re-wrapped {} data subject keys with master key {}; {} are wrapped by master keys not configured",
                    rewrapped, current, notConfigured);
        }
        return new Rewrap(current, rewrapped, notConfigured);
    }

    /** Forgets every key held in memory (tests). */
    void clearCache() {
        cache.clear();
    }

    private DataSubjectKeyDocument find(String subjectRef) {
        return keys.find(Filters.eq(DataSubjectKeyDocument.ID, subjectRef)).first();
    }

    private Optional<SubjectKey> remember(DataSubjectKeyDocument stored) {
        if (stored.erased()) {
            cache.put(stored.subjectRef(), KeyCache.Known.ERASED);
            return Optional.empty();
        }
        byte[] key = masterKeys.unwrap(stored.subjectRef(), stored.keyId(), stored.masterKeyId(), stored.wrappedKey());
        SubjectKey unwrapped = new SubjectKey(stored.subjectRef(), stored.keyId(), MasterKeys.aesKey(key, "a data subject key"));
        cache.put(stored.subjectRef(), new KeyCache.Known(unwrapped));
        return Optional.of(unwrapped);
    }
}
