package org.pledge.platform.axon;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.pledge.platform.messaging.publish.IntegrationEventPublisher;
import org.pledge.platform.readmodel.BatchEndTasks;
import org.pledge.platform.readmodel.ReadModelProperties;
import org.pledge.platform.security.ActorMetadata;
import org.pledge.platform.security.ActorMetadataDispatchInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Axon Framework on the service's own MongoDB database, wired by hand (there is no axon-mongo Spring Boot starter):
 * event store (see {@link EventStoreConfiguration}), snapshots, tracking tokens, sagas, opt-in dead-letter queues,
 * Jackson serializers, and pooled streaming processors by default.
 *
 * <p>Works on real MongoDB and on mongo-java-server: no transactions (Axon's {@code NoTransactionManager} is used),
 * no change streams, and only unique indexes are relied upon.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class,
        after = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class})
@EnableConfigurationProperties({PledgeAxonProperties.class, ReadModelProperties.class})
@Import(EventStoreConfiguration.class)
public class AxonMongoAutoConfiguration {

    /** The processing group of the one processor per service that publishes integration events. */
    public static final String PUBLISHER_GROUP = IntegrationEventPublisher.PROCESSING_GROUP;

    /**
     * The Jackson mapper behind every Axon serializer: ISO-8601 dates, lenient to added fields, and fields visible
     * without getters (aggregate snapshots and sagas keep their state in private fields). Not a bean, so the web
     * layer's mapper stays independent of the event store format.
     */
    public static ObjectMapper axonObjectMapper() {
        return axonObjectMapper(java.util.List.of());
    }

    /**
     * The mapper of {@link #axonObjectMapper()} with {@code customizers} applied (the personal-data module among them):
     * what every Axon serializer of a service uses.
     */
    public static ObjectMapper axonObjectMapper(java.util.List<AxonJacksonCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .findAndAddModules()
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        customizers.forEach(c -> c.customize(builder));
        return builder.build();
    }

    private static Serializer jackson(RevisionResolver revisionResolver, ObjectProvider<AxonJacksonCustomizer> customizers) {
        return JacksonSerializer.builder()
                .objectMapper(axonObjectMapper(customizers.orderedStream().toList()))
                .revisionResolver(revisionResolver)
                .build();
    }

    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "serializer")
    public Serializer serializer(RevisionResolver revisionResolver, ObjectProvider<AxonJacksonCustomizer> customizers) {
        return jackson(revisionResolver, customizers);
    }

    @Bean
    @Qualifier("messageSerializer")
    @ConditionalOnMissingBean(name = "messageSerializer")
    public Serializer messageSerializer(RevisionResolver revisionResolver, ObjectProvider<AxonJacksonCustomizer> customizers) {
        return jackson(revisionResolver, customizers);
    }

    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingBean(name = "eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver, ObjectProvider<AxonJacksonCustomizer> customizers) {
        return jackson(revisionResolver, customizers);
    }

    /** Revisions from {@code @EventRevision} (or Axon's {@code @Revision}). */
    @Bean
    @ConditionalOnMissingBean(RevisionResolver.class)
    public RevisionResolver revisionResolver() {
        return new EventRevisions();
    }

    /** Every aggregate's commands are routed by {@code @CommandTarget} (or Axon's {@code @TargetAggregateIdentifier}). */
    @Bean
    @ConditionalOnMissingBean(CommandTargetResolver.class)
    public CommandTargetResolver commandTargetResolver() {
        return new CommandTargets();
    }

    @Bean
    @ConditionalOnMissingBean(MongoTemplate.class)
    public MongoTemplate axonMongoTemplate(MongoDatabaseFactory mongoDatabaseFactory) {
        // the database named in spring.data.mongodb.uri, over Spring Boot's MongoClient
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongoDatabaseFactory.getMongoDatabase())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, PledgeAxonProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(properties.tokenClaimTimeout())
                .ensureIndexes(true)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(SagaStore.class)
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /** For aggregates: {@code @Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger")}. */
    @Bean
    @ConditionalOnMissingBean(name = "pledgeSnapshotTrigger")
    public SnapshotTriggerDefinition pledgeSnapshotTrigger(Snapshotter snapshotter, PledgeAxonProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Axon's origin provider, with its "id of the message that caused this one" under {@code causationId} (Axon
     * calls it {@code correlationId} by default) and the root message id under {@code traceId}, so that
     * {@code correlationId} can carry the request's {@code X-Correlation-Id} from command to events unchanged.
     */
    @Bean
    @ConditionalOnMissingBean(name = "messageOriginProvider")
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(ActorMetadata.CAUSATION_ID, "traceId");
    }

    /** Copies actor, roles, client and correlation id from each handled message to the messages it causes. */
    @Bean
    public CorrelationDataProvider pledgeActorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(
                ActorMetadata.ACTOR, ActorMetadata.ACTOR_ROLES, ActorMetadata.CLIENT, ActorMetadata.CORRELATION_ID);
    }

    /**
     * Pooled streaming processors by default, with {@code pledge.axon.processor-batch-size} and
     * {@code processor-segments}, with {@link BatchEndTasks} around every event (a batch's deferred writes happen after its
     * last event, before its token is stored) (a processor named under {@code axon.eventhandling.processors.<group>} gets the same
     * defaults from {@code PledgeDefaultsEnvironmentPostProcessor}, and its own settings there win); the publisher group propagates every error so the processor retries
     * instead of skipping; a Mongo dead-letter queue for each group that opts in with
     * {@code axon.eventhandling.processors.<group>.dlq.enabled=true}.
     */
    @Bean
    public ConfigurerModule pledgeEventProcessingConfigurer(MongoTemplate axonMongoTemplate,
                                                            Serializer serializer,
                                                            EventProcessorProperties processorProperties,
                                                            TransactionManager transactionManager,
                                                            PledgeAxonProperties properties) {
        Set<String> dlqGroups = processorProperties.getProcessors().entrySet().stream()
                .filter(e -> e.getValue().getDlq().isEnabled())
                .map(java.util.Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((c, builder) -> builder
                        .batchSize(properties.processorBatchSize())
                        .initialSegmentCount(properties.processorSegments()))
                .registerDefaultHandlerInterceptor((c, processorName) -> new BatchEndTasks())
                .registerListenerInvocationErrorHandler(PUBLISHER_GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(PUBLISHER_GROUP, c -> PropagatingErrorHandler.instance())
                .registerDeadLetterQueueProvider(group -> dlqGroups.contains(group)
                        ? c -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(serializer)
                                .transactionManager(transactionManager)
                                .build()
                        : null);
    }

    /**
     * The command gateway, retrying a command that lost a race for its aggregate ({@link ConflictRetryScheduler}:
     * up to {@code pledge.axon.command-conflict-retries} times, from 10 ms apart with jittered doubling, on one daemon thread); Axon's
     * auto-configuration registers the dispatch interceptor beans on it.
     */
    @Bean
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(CommandBus commandBus, PledgeAxonProperties properties) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "command-conflict-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ConflictRetryScheduler.of(retries, properties.commandConflictRetries(), 10))
                .build();
    }

    /**
     * The aggregate cache an aggregate opts into with {@code @Aggregate(cache = "pledgeAggregateCache")}: Axon's
     * {@code WeakReferenceCache} (entries live while memory allows), with {@link CachedRejectionGuard} on the command
     * bus so that no answer rests on a copy another instance has overtaken (docs/adr/0005).
     */
    @Bean
    @ConditionalOnMissingBean(name = "pledgeAggregateCache")
    public Cache pledgeAggregateCache() {
        return new HitRecordingAggregateCache(new WeakReferenceCache());
    }

    @Bean
    public SmartInitializingSingleton cachedRejectionGuardOnCommandBus(ObjectProvider<CommandBus> commandBus) {
        return () -> commandBus.ifAvailable(bus -> {
            bus.registerHandlerInterceptor(new CachedRejectionGuard());
            bus.registerHandlerInterceptor(new AggregateVersionOnResult());
        });
    }

    /** Sends a command and returns the version it left its aggregate at (for entity tags and read-your-writes). */
    @Bean
    @ConditionalOnMissingBean
    public VersionedCommandGateway versionedCommandGateway(CommandGateway commandGateway,
                                                           ObjectProvider<org.axonframework.eventsourcing.eventstore.EventStore> eventStore) {
        return new VersionedCommandGateway(commandGateway, () -> {
            if (eventStore.getIfAvailable() instanceof StageRecordingEventStore staged) {
                staged.wakeReaders();
            }
        });
    }

    /**
     * Actor metadata on every command: registered on the command bus here (and, being a dispatch interceptor bean,
     * on the command gateway by Axon's auto-configuration; applying it twice changes nothing).
     */
    @Bean
    @ConditionalOnMissingBean
    public ActorMetadataDispatchInterceptor actorMetadataDispatchInterceptor() {
        return new ActorMetadataDispatchInterceptor();
    }

    @Bean
    public SmartInitializingSingleton actorMetadataOnCommandBus(ObjectProvider<CommandBus> commandBus,
                                                                ActorMetadataDispatchInterceptor interceptor) {
        return () -> commandBus.ifAvailable(bus -> bus.registerDispatchInterceptor(interceptor));
    }
}
