package org.pledge.platform.privacy;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys a service starts with, from {@code pledge.privacy.*}: the configured key (with its id) and the
 * previous ones; or, with {@code dev-key=true} and no key configured, a development key made once and kept in the
 * service's database ({@value #DEV_COLLECTION}), announced with a WARN line. Neither: start-up fails, saying what to
 * set. With a configured key and {@code dev-key=true}, a stored development key still unwraps (and is re-wrapped away
 * from), so a local database can move to a real key.
 */
public final class MasterKeyResolver {

    public static final String DEV_COLLECTION = "privacy_dev_master_key";
    private static final Logger log = LoggerFactory.getLogger(MasterKeyResolver.class);
    private static final String DEV_ID = "dev";

    private MasterKeyResolver() {
    }

    public static MasterKeys resolve(PrivacyProperties properties, MongoDatabase database) {
        Map<String, byte[]> previous = new LinkedHashMap<>();
        properties.previousMasterKeys().forEach((id, key) ->
                previous.put(id, MasterKeys.decode(key, "pledge.privacy.previous-master-keys." + id)));
        String configured = properties.masterKey();
        if (configured != null && !configured.isBlank()) {
            if (properties.masterKeyId() == null || properties.masterKeyId().isBlank()) {
                throw new PersonalDataException("pledge.privacy.master-key-id is required with pledge.privacy.master-key: "
                        + "every wrapped key names the master key that wrapped it (docs/privacy.md)");
            }
            byte[] current = MasterKeys.decode(configured, "pledge.privacy.master-key");
            if (properties.devKey()) {
                Document dev = collection(database).find(Filters.eq("_id", DEV_ID)).first();
                if (dev != null) {
                    previous.putIfAbsent(dev.getString("keyId"), Base64.getDecoder().decode(dev.getString("key")));
                }
            }
            return MasterKeys.of(properties.masterKeyId(), current, previous);
        }
        if (!properties.devKey()) {
            throw new PersonalDataException("No master key for personal data: set pledge.privacy.master-key (base64 of 32 random "
                    + "bytes, e.g. `openssl rand -base64 32`, from a secret, e.g. the environment variable PLEDGE_PRIVACY_MASTERKEY) and "
                    + "pledge.privacy.master-key-id, or pledge.privacy.dev-key=true for tests and the local stack only "
                    + "(docs/privacy.md)");
        }
        Document dev = devKey(database);
        log.warn("pledge.privacy.dev-key=true: personal data is encrypted under a development master key ({}) kept in this "
                + "service's own database (collection {}); never use this in production: set pledge.privacy.master-key",
                dev.getString("keyId"), DEV_COLLECTION);
        return MasterKeys.of(dev.getString("keyId"), Base64.getDecoder().decode(dev.getString("key")), previous);
    }

    /** The stored development key, made now (insert if absent, so instances that start together agree). */
    private static Document devKey(MongoDatabase database) {
        MongoCollection<Document> keys = collection(database);
        Document stored = keys.find(Filters.eq("_id", DEV_ID)).first();
        if (stored != null) {
            return stored;
        }
        Document made = new Document("_id", DEV_ID)
                .append("keyId", "dev-" + HexFormat.of().formatHex(Aead.random(4)))
                .append("key", Base64.getEncoder().encodeToString(Aead.random(Aead.KEY_BYTES)));
        try {
            keys.insertOne(made);
            return made;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return keys.find(Filters.eq("_id", DEV_ID)).first();
        }
    }

    private static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(DEV_COLLECTION);
    }
}
