package org.pledge.guarantee.transfer.integration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.guarantee.transfer.api.PaymentBatchException;
import org.pledge.guarantee.transfer.api.PaymentBatchException.Kind;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The status report imports done, by {@code Idempotency-Key} ({@code payment_status_report_imports}): a retry with the
 * same key and the same file answers the first import's summary again without applying anything; the same key with
 * another file is refused ({@code payment-batch.idempotency-key-reused}). Without it, a retry would still change
 * nothing (every command is idempotent in the claim), but would answer "already final" instead of the first answer.
 */
@Component
public class ImportReceipts {

    public static final String KEY_REUSED = "payment-batch.idempotency-key-reused";

    /** One import: the key, the SHA-256 of the file, the summary answered (JSON). */
    public record Receipt(@BsonId String key, String fileSha256, String summary, Instant at) {
    }

    private final MongoCollection<Receipt> receipts;
    private final ObjectMapper json;

    ImportReceipts(MongoDatabaseFactory databases, ObjectMapper json) {
        this.receipts = ReadModelCodecs.collection(databases.getMongoDatabase(), "payment_status_report_imports", Receipt.class);
        this.json = json;
    }

    /** The summary answered for {@code key}, when this file was imported under it; refused when another file was. */
    public Optional<StatusReportImport.Summary> replay(String key, byte[] file) {
        Receipt receipt = receipts.find(Filters.eq("_id", key)).first();
        if (receipt == null) {
            return Optional.empty();
        }
        if (!receipt.fileSha256().equals(sha256(file))) {
            throw new PaymentBatchException(KEY_REUSED, Kind.UNPROCESSABLE,
                    "This Idempotency-Key was used for another status report; use a new key for a new file.");
        }
        try {
            return Optional.of(json.readValue(receipt.summary(), StatusReportImport.Summary.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import receipt cannot be read", e);
        }
    }

    /** Remembers the import under {@code key}; a concurrent import of the same key stored first is kept. */
    public void remember(String key, byte[] file, StatusReportImport.Summary summary, Instant at) {
        try {
            receipts.insertOne(new Receipt(key, sha256(file), json.writeValueAsString(summary), at));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import summary cannot be written", e);
        }
    }

    /** The SHA-256 of {@code file}, hex. */
    public static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
