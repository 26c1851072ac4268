package org.pledge.platform.privacy;

import java.time.Clock;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.platform.axon.AxonJacksonCustomizer;
import org.pledge.platform.privacy.web.DataSubjectController;
import org.pledge.platform.privacy.web.MasterKeyRotationController;
import org.pledge.platform.security.ActorMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Crypto-shredding in every service (docs/privacy.md): the master keys and the key store ({@code data_subject_keys}),
 * the personal-data module on the Axon serializers (never on the web mapper), erasure (API, completion sweep,
 * {@link PersonalDataHolder} beans), key re-wrapping. Publishing this service's erasures and consuming everyone's
 * ({@code privacyEvents} on {@code pledge.privacy.v1}) is the messaging feature's part
 * ({@code org.pledge.platform.messaging.privacy}).
 */
@AutoConfiguration(after = {MongoDataAutoConfiguration.class, JacksonAutoConfiguration.class})
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public MasterKeys privacyMasterKeys(PrivacyProperties properties, MongoDatabaseFactory mongo) {
        return MasterKeyResolver.resolve(properties, mongo.getMongoDatabase());
    }

    @Bean
    @ConditionalOnMissingBean
    public DataSubjectKeyStore dataSubjectKeyStore(MongoDatabaseFactory mongo, MasterKeys privacyMasterKeys, Clock clock,
                                                   PrivacyProperties properties) {
        DataSubjectKeyStore store = new DataSubjectKeyStore(mongo.getMongoDatabase(), privacyMasterKeys, clock, properties);
        store.ensureIndexes();
        return store;
    }

    @Bean
    @ConditionalOnMissingBean
    public PersonalDataCipher personalDataCipher(DataSubjectKeyStore keys) {
        return new PersonalDataCipher(keys);
    }

    /** The personal-data module on the mapper of every Axon serializer (events, snapshots and sagas, messages). */
    @Bean
    public AxonJacksonCustomizer personalDataOnAxonSerializers(PersonalDataCipher cipher, PrivacyProperties properties) {
        if (!properties.encryption()) {
            log.warn("pledge.privacy.encryption=false: personal data is stored IN CLEAR in the event store and cannot be erased; "
                    + "for the benchmark's comparison only, never in production");
            return builder -> {
            };
        }
        PersonalDataModule module = new PersonalDataModule(cipher);
        return builder -> builder.addModule(module);
    }

    @Bean
    @ConditionalOnMissingBean
    public DataSubjectErasures dataSubjectErasureService(DataSubjectKeyStore keys, ObjectProvider<PersonalDataHolder> holders,
                                                         ObjectProvider<EventStore> eventStore) {
        return new DataSubjectErasures(keys, () -> holders.orderedStream().toList(), eventStore::getObject);
    }

    @Bean
    public PrivacyMaintenance privacyMaintenance(DataSubjectKeyStore keys, DataSubjectErasures erasures,
                                                 PrivacyProperties properties,
                                                 @Value("${spring.application.name}") String applicationName) {
        return new PrivacyMaintenance(keys, erasures, properties.erasureCompletionInterval(),
                ActorMetadata.system(applicationName + "/privacy", applicationName));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public DataSubjectController dataSubjectController(DataSubjectErasures erasures) {
        return new DataSubjectController(erasures);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public MasterKeyRotationController masterKeyRotationController(DataSubjectKeyStore keys) {
        return new MasterKeyRotationController(keys);
    }
}
