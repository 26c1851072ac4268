package org.pledge.feedback.feedback.query;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.feedback.feedback.api.PainPointTags;
import org.pledge.feedback.feedback.api.PainPointTagsSavedEvent;
import org.pledge.feedback.feedback.api.SavePainPointTagsCommand;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The pain-point tags now ({@code pain_point_tags}), kept from {@link PainPointTagsSavedEvent} (its own processing
 * group; a replay rebuilds it), and the {@link PainPointTags} every feature reads.
 */
@Component
@ProcessingGroup(KnownPainPointTags.GROUP)
public class KnownPainPointTags implements PainPointTags {

    static final String GROUP = "pain-point-tags";

    private final MongoCollection<PainPointTagDocument> documents;
    private final SequencedDocuments<PainPointTagDocument> sequenced;

    public KnownPainPointTags(MongoDatabaseFactory databases) {
        this.documents = ReadModelCodecs.collection(databases.getMongoDatabase(), "pain_point_tags", PainPointTagDocument.class);
        documents.createIndex(Indexes.ascending("_id", PainPointTagDocument.SEQ), new IndexOptions().unique(true));
        this.sequenced = new SequencedDocuments<>(documents, PainPointTagDocument.SEQ,
                e -> e.getPayload() instanceof PainPointTagsSavedEvent saved ? saved.listId() : null);
    }

    @EventHandler
    void on(PainPointTagsSavedEvent event, @SequenceNumber long sequence) {
        sequenced.apply(event.listId(), sequence, current -> new PainPointTagDocument(event.listId(),
                event.tags().stream().map(PainPointTagDocument.StoredTag::of).toList(), event.version(), sequence));
    }

    @ResetHandler
    void reset() {
        documents.deleteMany(new Document());
    }

    /** The list with its version, once there is one. */
    public Optional<PainPointTagDocument> list() {
        return Optional.ofNullable(documents.find(Filters.eq("_id", SavePainPointTagsCommand.LIST_ID)).first());
    }

    /** Waits (bounded) until the list shows version {@code version} or a later one. */
    public boolean awaitVersion(int version, java.time.Duration timeout) {
        return sequenced.awaitSequence(SavePainPointTagsCommand.LIST_ID, version - 1L, timeout, java.time.Duration.ofMillis(20));
    }

    @Override
    public List<PainPointTag> current() {
        return list().map(PainPointTagDocument::painPointTags).orElse(List.of());
    }
}
