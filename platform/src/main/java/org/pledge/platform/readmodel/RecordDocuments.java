package org.pledge.platform.readmodel;

import java.util.function.UnaryOperator;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * A read-model record as the {@link Document} {@link SequencedDocuments} stores, and back, through the MongoDB
 * driver's codecs (the collection's registry, which holds the record codec): the record's components are the
 * document's fields, so a field name lives in one place. A component annotated {@code @BsonId} is {@code _id}; the
 * sequence field {@link SequencedDocuments} sets is a component too (it is read back with the rest), or is skipped
 * on decoding when the record has none. The record must be public (the codec calls its accessors and constructor).
 *
 * <pre>
 * RecordDocuments&lt;TrackedCase&gt; records = RecordDocuments.of(TrackedCase.class, collection.getCodecRegistry());
 * documents.apply(caseId, sequence, records.changing(current -&gt; current == null ? TrackedCase.of(event) : current));
 * </pre>
 */
public final class RecordDocuments<T extends Record> {

    private final Codec<T> codec;
    private final Codec<Document> documents;

    private RecordDocuments(Codec<T> codec, Codec<Document> documents) {
        this.codec = codec;
        this.documents = documents;
    }

    public static <T extends Record> RecordDocuments<T> of(Class<T> type, CodecRegistry registry) {
        return new RecordDocuments<>(registry.get(type), registry.get(Document.class));
    }

    /** The record as a document (components that are null are left out); null for null. */
    public Document toDocument(T record) {
        if (record == null) {
            return null;
        }
        BsonDocument bson = new BsonDocument();
        codec.encode(new BsonDocumentWriter(bson), record, EncoderContext.builder().build());
        return documents.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    /** The document as a record (fields the record has no component for are skipped); null for null. */
    public T fromDocument(Document document) {
        if (document == null) {
            return null;
        }
        BsonDocument bson = new BsonDocument();
        documents.encode(new BsonDocumentWriter(bson), document, EncoderContext.builder().build());
        return codec.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    /**
     * A change of a record as the change of its document, for {@link SequencedDocuments#apply}: {@code change} gets the
     * current record (null when there is none) and returns the new one, or null to change nothing.
     */
    public UnaryOperator<Document> changing(UnaryOperator<T> change) {
        return document -> toDocument(change.apply(fromDocument(document)));
    }
}
