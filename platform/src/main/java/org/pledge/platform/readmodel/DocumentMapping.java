package org.pledge.platform.readmodel;

import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * How {@link SequencedDocuments} stores a record: the record as the collection's codec writes it, plus {@code _id}
 * and the sequence field; the compare-and-set filter on {@code {_id, sequenceField}}; and the write of a document that
 * existed when read (a whole replace, or {@code $set}/{@code $unset} around the fields written at once).
 */
final class DocumentMapping<T extends Record> {

    private static final EncoderContext ENCODE = EncoderContext.builder().build();
    private static final DecoderContext DECODE = DecoderContext.builder().build();

    /** The collection as stored documents, with the record's codec registry. */
    final MongoCollection<BsonDocument> collection;
    final String sequenceField;
    private final Codec<T> codec;
    private final Set<String> writtenAtOnce;
    /** Every field the record's codec may write: the only ones a write removes when the record has no value. */
    private final Set<String> recordFields;

    DocumentMapping(MongoCollection<T> collection, String sequenceField, Set<String> writtenAtOnce) {
        this.collection = collection.withDocumentClass(BsonDocument.class);
        this.sequenceField = sequenceField;
        this.codec = collection.getCodecRegistry().get(collection.getDocumentClass());
        this.writtenAtOnce = Set.copyOf(writtenAtOnce);
        this.recordFields = RecordFields.of(collection.getDocumentClass()).names();
    }

    String collectionName() {
        return collection.getNamespace().getCollectionName();
    }

    static BsonDocument byId(String id) {
        return new BsonDocument("_id", new BsonString(id));
    }

    BsonDocument find(String id) {
        return collection.find(byId(id)).first();
    }

    /** The sequence number document {@code id} holds in the store, or -1 when it has none. */
    long storedSequence(String id) {
        BsonDocument stored = collection.find(byId(id)).projection(Projections.include(sequenceField)).first();
        return sequence(stored == null ? null : stored.get(sequenceField));
    }

    /** A stored sequence value as a number, -1 for none (a document only ever written by an unsequenced update). */
    static long sequence(BsonValue stored) {
        return stored != null && stored.isNumber() ? stored.asNumber().longValue() : -1;
    }

    T decode(BsonDocument stored) {
        return codec.decode(new BsonDocumentReader(stored), DECODE);
    }

    /** {@code value} as stored with {@code sequence}: its codec's fields, {@code _id} if the record has none. */
    BsonDocument encode(String id, T value, long sequence) {
        BsonDocument doc = new BsonDocument();
        codec.encode(new BsonDocumentWriter(doc), value, ENCODE);
        if (!doc.containsKey("_id")) {
            doc.put("_id", new BsonString(id));
        }
        doc.put(sequenceField, new BsonInt64(sequence));
        return doc;
    }

    /** The compare-and-set filter: {@code _id} and the sequence value read (none read: matched by {@code _id} alone). */
    BsonDocument filter(String id, BsonValue storedSequence) {
        BsonDocument filter = byId(id);
        return storedSequence == null || storedSequence.isNull() ? filter : filter.append(sequenceField, storedSequence);
    }

    /**
     * The compare-and-set write of a document that existed when read: its whole new form, or, with fields written at
     * once, {@code $set} of every other field and {@code $unset} of the record's fields the store has and the new form
     * has no value for (fields the record does not know are left as stored).
     */
    WriteModel<BsonDocument> writeOfExisting(String id, BsonValue storedSequence, Set<String> storedFields, BsonDocument doc) {
        BsonDocument filter = filter(id, storedSequence);
        if (writtenAtOnce.isEmpty()) {
            return new ReplaceOneModel<>(filter, doc);
        }
        BsonDocument set = new BsonDocument();
        doc.forEach((field, value) -> {
            if (!field.equals("_id") && !writtenAtOnce.contains(field)) {
                set.append(field, value);
            }
        });
        BsonDocument unset = new BsonDocument();
        for (String field : storedFields) {
            if (recordFields.contains(field) && !doc.containsKey(field) && !writtenAtOnce.contains(field)) {
                unset.append(field, new BsonString(""));
            }
        }
        BsonDocument update = new BsonDocument("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        return new UpdateOneModel<>(filter, update);
    }
}
