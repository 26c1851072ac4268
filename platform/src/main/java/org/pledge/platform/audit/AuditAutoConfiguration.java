package org.pledge.platform.audit;

import java.security.KeyPair;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.pledge.audit.CheckpointSigner;
import org.pledge.platform.audit.web.AuditController;
import org.pledge.platform.config.PledgeMessagingProperties;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The audit chain of every service ({@code docs/audit.md}), on unless {@code pledge.audit.enabled=false}: the signing
 * key ({@link AuditSigningKey}), the chain processor ({@link AuditChainProcessor}, group {@value
 * AuditChainProcessor#PROCESSING_GROUP}, one segment: {@code pledge-defaults.properties}), the checkpoint outbox
 * ({@link CheckpointOutbox}; the broker side is the messaging's {@link CheckpointPublisher}), and the audit API
 * ({@link AuditController}, role {@code auditor} by the platform's security filter chain). Collections
 * {@code audit_links}, {@code audit_checkpoints}, {@code audit_keys} (dev key only) in the service's database.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnProperty(name = "pledge.audit.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({AuditProperties.class, PledgeMessagingProperties.class})
public class AuditAutoConfiguration {

    /** The chain's head as this instance chained it. */
    public static final String HEAD_GAUGE = "pledge.audit.chain.head";
    /** Stored links that differed from their recomputation (each logged as an error): should stay 0. */
    public static final String MISMATCH_GAUGE = "pledge.audit.chain.mismatches";

    @Bean
    public CheckpointSigner auditCheckpointSigner(AuditProperties properties, MongoDatabaseFactory mongo, Clock clock) {
        KeyPair keys = AuditSigningKey.load(properties, mongo.getMongoDatabase(), clock);
        return new CheckpointSigner(keys);
    }

    @Bean
    StoredLinks auditStoredLinks(MongoDatabaseFactory mongo) {
        return new StoredLinks(mongo.getMongoDatabase());
    }

    @Bean
    StoredCheckpoints auditStoredCheckpoints(MongoDatabaseFactory mongo) {
        StoredCheckpoints checkpoints = new StoredCheckpoints(mongo.getMongoDatabase());
        checkpoints.ensureIndexes();
        return checkpoints;
    }

    @Bean
    StoredRecords auditStoredRecords(EventStorageEngine engine) {
        if (!(engine instanceof MongoSequencedEventStorageEngine sequenced)) {
            throw new IllegalStateException("The audit chain reads the documents of the platform's"
                    + " MongoSequencedEventStorageEngine; this service uses " + engine.getClass().getSimpleName()
                    + ". Set pledge.audit.enabled=false to run without the audit chain.");
        }
        return new StoredRecords(sequenced);
    }

    @Bean
    AuditChainer auditChainer(StoredRecords records, StoredLinks links, StoredCheckpoints checkpoints,
                              CheckpointSigner signer, AuditProperties properties, Clock clock,
                              @Value("${spring.application.name}") String service,
                              ObjectProvider<CheckpointOutbox> outbox) {
        return new AuditChainer(records, links, checkpoints, signer, service, clock, properties.checkpointEvery(),
                properties.checkpointInterval(), () -> outbox.ifAvailable(CheckpointOutbox::checkpointStored));
    }

    @Bean
    public AuditChainProcessor auditChainProcessor(AuditChainer chainer) {
        return new AuditChainProcessor(chainer);
    }

    /**
     * A failure of the chain processor (a hole, a concurrent writer, the database) fails its batch, which is retried from
     * the stored token with back-off: never skipped, so the chain never passes a number it did not chain.
     */
    @Bean
    public ConfigurerModule auditChainErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(AuditChainProcessor.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(AuditChainProcessor.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    CheckpointOutbox auditCheckpointOutbox(AuditChainer chainer, StoredCheckpoints checkpoints,
                                           ObjectProvider<CheckpointPublisher> publisher, Clock clock,
                                           AuditProperties properties, PledgeMessagingProperties messaging) {
        return new CheckpointOutbox(chainer, checkpoints, publisher::getIfAvailable, clock,
                properties.outboxInterval(), messaging.publishTimeout());
    }

    @Bean
    public AuditTrail auditTrail(StoredRecords records, StoredLinks links, StoredCheckpoints checkpoints,
                                 CheckpointSigner signer, AuditProperties properties,
                                 @Value("${spring.application.name}") String service) {
        return new AuditTrail(records, links, checkpoints, signer.verifier(), service, properties.maxRange(),
                properties.checkpointEvery());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }

    /** The chained head and the link mismatches this instance saw; read from memory, never a query. */
    @Bean
    public MeterBinder auditChainGauges(AuditChainer chainer) {
        return registry -> {
            Gauge.builder(HEAD_GAUGE, chainer, AuditChainer::head)
                    .description("The highest global sequence number this instance chained").register(registry);
            Gauge.builder(MISMATCH_GAUGE, chainer, AuditChainer::mismatches)
                    .description("Stored audit links that differed from their recomputation since start")
                    .register(registry);
        };
    }
}
