package org.pledge.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.audit.CheckpointSigner;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.pledge.testsupport.infra.MemoryMongo;
import org.pledge.testsupport.time.MutableClock;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** What the auto-configuration makes of the properties: the chain on by default, never without a key. */
class AuditAutoConfigurationTest {

    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo();

    private ApplicationContextRunner runner() {
        MongoDatabaseFactory databases = new SimpleMongoClientDatabaseFactory(mongo.client(), "svc");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
                .withPropertyValues("spring.application.name=test-service")
                .withBean(MongoDatabaseFactory.class, () -> databases)
                .withBean(Clock.class, () -> new MutableClock(AuditFixture.T0))
                .withBean(EventStorageEngine.class, () -> MongoSequencedEventStorageEngine.builder()
                        .mongoDatabase(databases.getMongoDatabase()).clock(Clock.systemUTC())
                        .eventSerializer(serializer).snapshotSerializer(serializer).build());
    }

    @Test
    void withADevKey_theChainItsOutboxAndTheApiAreThere() {
        runner().withPropertyValues("pledge.audit.dev-key=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(AuditChainProcessor.class).hasSingleBean(AuditTrail.class)
                    .hasSingleBean(CheckpointOutbox.class).hasSingleBean(CheckpointSigner.class);
            assertThat(context.getBean(AuditTrail.class).publicKey().service()).isEqualTo("test-service");
        });
    }

    @Test
    void withoutAKey_theContextFails_sayingWhatToSet() {
        runner().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(AuditSigningKey.MissingAuditKeyException.class)
                    .hasMessageContaining("pledge.audit.signing-key");
        });
    }

    @Test
    void switchedOff_nothingIsThere_andNoKeyIsNeeded() {
        runner().withPropertyValues("pledge.audit.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(AuditChainProcessor.class).doesNotHaveBean(AuditTrail.class)
                    .doesNotHaveBean(CheckpointSigner.class);
        });
    }
}
