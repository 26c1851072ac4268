package org.pledge.notification.rule.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.pledge.notification.rule.api.ActiveRule;
import org.pledge.notification.rule.api.NotificationRuleSavedEvent;
import org.pledge.notification.rule.api.NotificationRules;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_rules} read model: the current version of each rule, kept by {@link RuleProjection} through
 * {@link SequencedDocuments} (idempotent by sequence number: no reset handler, a replay converges while the rules stay
 * readable), and {@link NotificationRules} from it. {@link #matching} waits, at most {@link #SEEDING_WAIT} once, until
 * the start-up seeding is done, so an event consumed while the service starts meets the seeded rules.
 */
@Repository
public class Rules implements NotificationRules {

    static final String COLLECTION = "notification_rules";
    static final Duration SEEDING_WAIT = Duration.ofSeconds(90);
    private static final Logger log = LoggerFactory.getLogger(Rules.class);

    private final MongoCollection<RuleDocument> rules;
    private final SequencedDocuments<RuleDocument> sequenced;
    private final CountDownLatch seeding = new CountDownLatch(1);
    private volatile boolean waitedOnce;

    public Rules(MongoDatabaseFactory databases) {
        this.rules = ReadModelCodecs.collection(databases.getMongoDatabase(), COLLECTION, RuleDocument.class);
        rules.createIndex(Indexes.ascending(RuleDocument.ID, RuleDocument.SEQ), new IndexOptions().unique(true));
        this.sequenced = new SequencedDocuments<>(rules, RuleDocument.SEQ, Rules::ruleOf);
    }

    static String ruleOf(EventMessage<?> event) {
        return event.getPayload() instanceof NotificationRuleSavedEvent saved ? saved.ruleId() : null;
    }

    void record(NotificationRuleSavedEvent e, long sequence) {
        sequenced.apply(e.ruleId(), sequence, current -> new RuleDocument(e.ruleId(), e.version(), e.content().trigger(),
                e.content().conditions(), e.content().templateId(), e.content().enabled(), e.by(), e.at(), sequence));
    }

    @Override
    public List<ActiveRule> matching(Trigger trigger, Map<String, String> values) {
        awaitSeeding();
        return rules.find(Filters.eq(RuleDocument.TRIGGER, trigger.name())).into(new ArrayList<>()).stream()
                .filter(RuleDocument::enabled)
                .filter(r -> r.content().holdsFor(values))
                .sorted(Comparator.comparing(RuleDocument::ruleId))
                .map(r -> new ActiveRule(r.ruleId(), r.version(), r.trigger(), r.templateId()))
                .toList();
    }

    public Optional<RuleDocument> find(String ruleId) {
        return Optional.ofNullable(rules.find(Filters.eq(RuleDocument.ID, ruleId)).first());
    }

    public List<RuleDocument> all() {
        return rules.find().sort(Sorts.ascending(RuleDocument.ID)).into(new ArrayList<>());
    }

    public boolean awaitSequence(String ruleId, long sequence, Duration timeout, Duration pollInterval) {
        return sequenced.awaitSequence(ruleId, sequence, timeout, pollInterval);
    }

    /** The start-up seeding is done (or failed for good): look-ups no longer wait. */
    public void seeded() {
        seeding.countDown();
    }

    private void awaitSeeding() {
        if (waitedOnce || seeding.getCount() == 0) {
            return;
        }
        try {
            if (!seeding.await(SEEDING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("notification rules not seeded within {}; matching what is stored", SEEDING_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitedOnce = true;
    }
}
