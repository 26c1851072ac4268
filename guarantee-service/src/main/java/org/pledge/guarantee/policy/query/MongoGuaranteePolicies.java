package org.pledge.guarantee.policy.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.pledge.guarantee.policy.api.CurrentPolicy;
import org.pledge.guarantee.policy.api.GuaranteePolicies;
import org.pledge.guarantee.policy.api.GuaranteePolicyDefinedEvent;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code guarantee_policies} read model: the current version of each service type's policy, kept by
 * {@link PolicyProjection}. A write replaces a stored policy only when the event's version is newer, so redeliveries
 * and replays converge without a reset (like case-service's catalogue).
 *
 * <p>{@link #current} waits, at most {@link #SEEDING_WAIT} once, until the start-up seeding is done
 * ({@link #seeded()}), so a case event consumed while the service starts finds the configured policies.
 */
@Component
public class MongoGuaranteePolicies implements GuaranteePolicies {

    static final String COLLECTION = "guarantee_policies";
    static final Duration SEEDING_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(MongoGuaranteePolicies.class);
    private static final ObjectMapper TERMS_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MongoCollection<PolicyDocument> policies;
    private final CountDownLatch seeding = new CountDownLatch(1);
    private volatile boolean waitedOnce;

    public MongoGuaranteePolicies(MongoDatabaseFactory databases) {
        this.policies = ReadModelCodecs.collection(databases.getMongoDatabase(), COLLECTION, PolicyDocument.class);
    }

    /** The start-up seeding is done (or failed for good): look-ups no longer wait. */
    public void seeded() {
        seeding.countDown();
    }

    /** Waits (bounded) until the projection stored version {@code version} of {@code serviceType}; false on time-out. */
    public boolean awaitVersion(String serviceType, int version, Duration timeout) {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (stored(serviceType).map(p -> p.version() < version).orElse(true)) {
            if (System.nanoTime() > giveUp) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<CurrentPolicy> current(String serviceType) {
        awaitSeeding();
        return stored(serviceType);
    }

    /** The stored policy, without waiting for the seeding. */
    public Optional<CurrentPolicy> stored(String serviceType) {
        return Optional.ofNullable(policies.find(Filters.eq("_id", serviceType)).first()).map(MongoGuaranteePolicies::of);
    }

    @Override
    public List<CurrentPolicy> all() {
        return policies.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()).stream().map(MongoGuaranteePolicies::of).toList();
    }

    void store(GuaranteePolicyDefinedEvent e) {
        PolicyDocument document = new PolicyDocument(e.serviceType(), e.version(), json(e.terms()), e.by(), e.at());
        try {
            // matches only an older version; when none is stored the upsert inserts, when this or a newer one is stored
            // the insert collides on _id
            policies.replaceOne(Filters.and(Filters.eq("_id", e.serviceType()), Filters.lt(PolicyDocument.VERSION, e.version())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
        }
    }

    private void awaitSeeding() {
        if (waitedOnce || seeding.getCount() == 0) {
            return;
        }
        try {
            if (!seeding.await(SEEDING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("guarantee policies not seeded within {}; looking up what is stored", SEEDING_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitedOnce = true;
    }

    private static CurrentPolicy of(PolicyDocument document) {
        try {
            return new CurrentPolicy(document.serviceType(), document.version(), TERMS_JSON.readValue(document.terms(), PolicyTerms.class),
                    document.changedBy(), document.changedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy of " + document.serviceType() + " is unreadable", e);
        }
    }

    private static String json(PolicyTerms terms) {
        try {
            return TERMS_JSON.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
