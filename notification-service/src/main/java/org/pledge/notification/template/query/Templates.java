package org.pledge.notification.template.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.TemplateCatalog;
import org.pledge.notification.template.api.TemplateIds;
import org.pledge.notification.template.api.TemplateVariantSavedEvent;
import org.pledge.notification.template.config.TemplateProperties;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code message_templates} read model: one {@link TemplateDocument} per template with the current version of each
 * variant, kept by {@link TemplateProjection} through {@link SequencedDocuments} (a redelivered or replayed event changes
 * nothing, so the projection needs no reset: a replay converges over the stored documents while they stay readable for
 * the notifications being sent). Keyed by template id (the aggregate id without its {@code template:} prefix).
 *
 * <p>Look-ups for sending ({@link #awaitSeeding}) wait, at most {@link #SEEDING_WAIT} once, until the start-up seeding is
 * done, so an event consumed while the service starts finds the seeded templates.
 */
@Repository
public class Templates implements TemplateCatalog {

    static final String COLLECTION = "message_templates";
    static final Duration SEEDING_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(Templates.class);

    private final MongoCollection<TemplateDocument> templates;
    private final SequencedDocuments<TemplateDocument> sequenced;
    private final TemplateProperties properties;
    private final CountDownLatch seeding = new CountDownLatch(1);
    private volatile boolean waitedOnce;

    public Templates(MongoDatabaseFactory databases, TemplateProperties properties) {
        this.templates = ReadModelCodecs.collection(databases.getMongoDatabase(), COLLECTION, TemplateDocument.class);
        this.properties = properties;
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        templates.createIndex(Indexes.ascending(TemplateDocument.ID, TemplateDocument.SEQ), new IndexOptions().unique(true));
        this.sequenced = new SequencedDocuments<>(templates, TemplateDocument.SEQ, Templates::templateOf);
    }

    static String templateOf(EventMessage<?> event) {
        return event.getPayload() instanceof TemplateVariantSavedEvent saved ? saved.templateId() : null;
    }

    void record(TemplateVariantSavedEvent e, long sequence) {
        sequenced.apply(e.templateId(), sequence, current -> {
            List<TemplateDocument.VariantDocument> variants = new ArrayList<>();
            if (current != null) {
                current.variants().stream().filter(v -> !(v.language().equals(e.language()) && v.channel() == e.channel()))
                        .forEach(variants::add);
            }
            variants.add(new TemplateDocument.VariantDocument(e.language(), e.channel(), e.version(), e.subject(), e.body(), e.by(), e.at()));
            variants.sort(Comparator.comparing(TemplateDocument.VariantDocument::language)
                    .thenComparing(TemplateDocument.VariantDocument::channel));
            return new TemplateDocument(e.templateId(), e.trigger(), variants, sequence);
        });
    }

    /** The template as stored now (no waiting). */
    public Optional<TemplateDocument> find(String templateId) {
        return Optional.ofNullable(templates.find(Filters.eq(TemplateDocument.ID, templateId)).first());
    }

    /** Every template, by id. */
    public List<TemplateDocument> all() {
        return templates.find().sort(Sorts.ascending(TemplateDocument.ID)).into(new ArrayList<>());
    }

    /** Waits (bounded) until the template's document holds the aggregate's event {@code sequence}; false on time-out. */
    public boolean awaitSequence(String templateId, long sequence, Duration timeout, Duration pollInterval) {
        return sequenced.awaitSequence(templateId, sequence, timeout, pollInterval);
    }

    @Override
    public Optional<TemplateOutline> outline(String templateId) {
        if (!TemplateIds.isValid(templateId)) {
            return Optional.empty();
        }
        awaitSeeding();
        return find(templateId).map(t -> {
            List<String> missing = new ArrayList<>();
            for (String language : properties.languages()) {
                for (Channel channel : Channel.values()) {
                    if (t.variant(language, channel).isEmpty()) {
                        missing.add(language + "/" + channel);
                    }
                }
            }
            return new TemplateOutline(t.templateId(), t.trigger(), List.copyOf(missing));
        });
    }

    /** The start-up seeding is done (or failed for good): look-ups no longer wait. */
    public void seeded() {
        seeding.countDown();
    }

    /** Waits once, bounded, for the start-up seeding; the seeder itself never calls what waits. */
    void awaitSeeding() {
        if (waitedOnce || seeding.getCount() == 0) {
            return;
        }
        try {
            if (!seeding.await(SEEDING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("message templates not seeded within {}; using what is stored", SEEDING_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitedOnce = true;
    }
}
