package org.pledge.platform.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.pledge.audit.AuditKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the service's audit key comes from, decided once at start-up:
 * <ol>
 *     <li>{@code pledge.audit.signing-key}: an unencrypted PKCS#8 PEM private key (Ed25519 or EC P-256), e.g. from an
 *     environment variable or a Kubernetes Secret;</li>
 *     <li>or {@code pledge.audit.signing-key-file}: the path of a file holding it;</li>
 *     <li>else, with {@code pledge.audit.dev-key=true}: a development key, generated (Ed25519) the first time and kept
 *     in the service's database ({@code audit_keys}, {@code _id: "dev"}), so that every instance and every restart
 *     signs with the same key; a WARN line says so at every start;</li>
 *     <li>else start-up fails ({@link MissingAuditKeyException}).</li>
 * </ol>
 * Both a key and a key file is refused as ambiguous. No message ever holds key material.
 */
final class AuditSigningKey {

    static final String COLLECTION = "audit_keys";
    static final String DEV_KEY_ID = "dev";
    private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);

    private AuditSigningKey() {
    }

    /** The service's audit key pair, as configured (see the class comment). */
    static KeyPair load(AuditProperties properties, MongoDatabase database, Clock clock) {
        boolean inline = properties.signingKey() != null && !properties.signingKey().isBlank();
        boolean file = properties.signingKeyFile() != null && !properties.signingKeyFile().isBlank();
        if (inline && file) {
            throw new MissingAuditKeyException("Both pledge.audit.signing-key and pledge.audit.signing-key-file are set;"
                    + " set one of them.");
        }
        if (inline) {
            return read(properties.signingKey(), "pledge.audit.signing-key");
        }
        if (file) {
            Path path = Path.of(properties.signingKeyFile());
            try {
                return read(Files.readString(path, StandardCharsets.US_ASCII), "the file " + path
                        + " (pledge.audit.signing-key-file)");
            } catch (IOException e) {
                throw new MissingAuditKeyException("Cannot read pledge.audit.signing-key-file " + path + ": "
                        + e.getClass().getSimpleName());
            }
        }
        if (properties.devKey()) {
            KeyPair pair = devKey(database.getCollection(COLLECTION), clock);
            log.warn("pledge.audit.dev-key: signing audit checkpoints with a development key kept in this service's"
                    + " database ({}, key id {}). Anyone who can write the database can sign with it: configure"
                    + " pledge.audit.signing-key or signing-key-file outside development.", COLLECTION,
                    AuditKeys.keyId(pair.getPublic()));
            return pair;
        }
        throw new MissingAuditKeyException("No audit signing key: set pledge.audit.signing-key (an unencrypted PKCS#8"
                + " PEM private key, Ed25519 or EC P-256) or pledge.audit.signing-key-file (its path); for development"
                + " and tests pledge.audit.dev-key=true generates one and keeps it in the database;"
                + " pledge.audit.enabled=false switches the audit chain off.");
    }

    private static KeyPair read(String pem, String where) {
        try {
            return AuditKeys.readKeyPair(pem);
        } catch (IllegalArgumentException e) {
            // the audit-verifier's messages never contain key material
            throw new MissingAuditKeyException("The audit signing key in " + where + " is not usable: "
                    + e.getMessage());
        }
    }

    /** The dev key in the database; the first instance to start makes it (insert-if-absent), the others read it. */
    private static KeyPair devKey(MongoCollection<Document> keys, Clock clock) {
        Document stored = keys.find(Filters.eq("_id", DEV_KEY_ID)).first();
        if (stored == null) {
            KeyPair generated = AuditKeys.generate(AuditKeys.DEFAULT_ALGORITHM);
            try {
                keys.insertOne(new Document("_id", DEV_KEY_ID)
                        .append("privateKey", AuditKeys.writePem(generated.getPrivate()))
                        .append("keyId", AuditKeys.keyId(generated.getPublic()))
                        .append("algorithm", AuditKeys.algorithm(generated.getPublic()))
                        .append("createdAt", Date.from(clock.instant())));
                return generated;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                stored = keys.find(Filters.eq("_id", DEV_KEY_ID)).first();
            }
        }
        if (stored == null || !(stored.get("privateKey") instanceof String pem)) {
            throw new MissingAuditKeyException("The development audit key in " + COLLECTION + " is unreadable;"
                    + " delete the document {_id: \"dev\"} to make a new one (older checkpoints then no longer"
                    + " verify with the service's key).");
        }
        return read(pem, COLLECTION);
    }

    /** Start-up fails: the service has no usable audit key. The message says what to configure. */
    static final class MissingAuditKeyException extends IllegalStateException {
        MissingAuditKeyException(String message) {
            super(message);
        }
    }
}
