package org.pledge.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;

import java.time.Clock;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stock {@link MongoEventStorageEngine} (document per event, timestamp tracking) against
 * {@link MongoSequencedEventStorageEngine}, same JVM run, same mongo-java-server backend (memory, then H2 on a temp
 * file), or the MongoDB of {@code MONGO_URI} ({@link ExternalMongo}: backend {@code mongodb}). Prints one line per
 * figure: {@code name: value unit}. Not a test: run it with {@code bench/run.sh}.
 */
public final class EventStoreBenchmark {

    /** Payload of the benchmark events. */
    public record BenchEvent(String aggregateId, long sequence, String text) {
    }

    private static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final String AGGREGATE = "bench-aggregate";
    private static final int CATCH_UP_EVENTS = Integer.getInteger("bench.catchUpEvents", 5_000);
    private static final int APPEND_COMMITS = Integer.getInteger("bench.appendCommits", 4_000);

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Fill events are stamped 10 ms apart (100 events/s), so the stock token's 1 s look-back holds ~100 ids. */
    private static final java.time.Instant FILL_START = java.time.Instant.now().minusSeconds(3_600);

    private static final boolean SECONDARY_INDEXES =
            Boolean.parseBoolean(System.getProperty("bench.secondaryUniqueIndexes", "false"));

    private static int databases;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Optional<ExternalMongo> external;
        try {
            external = ExternalMongo.fromEnvironment();
        } catch (IllegalStateException refused) {
            System.out.println("REFUSED: " + refused.getMessage());
            System.exit(2);
            return;
        }
        if (external.isPresent()) {
            try (ExternalMongo mongo = external.get()) {
                if (args.length > 1 || args.length == 1 && !args[0].equals("mongodb")) {
                    throw new IllegalArgumentException("MONGO_URI is set: the benchmark runs on that MongoDB only; give "
                                                       + "no backend (or 'mongodb'), not " + List.of(args));
                }
                System.out.println("== event store benchmark on " + mongo.describe() + " ==");
                measure("mongodb", mongo::freshStore);
            }
            return;
        }
        List<String> backends = args.length > 0 ? List.of(args) : List.of("memory", "h2");
        System.out.println("== event store benchmark on mongo-java-server in this JVM, backends " + backends + " ==");
        for (String backend : backends) {
            Path h2File = Files.createTempFile("bench-h2", ".mv");
            Files.delete(h2File);
            MongoBackend mongoBackend = backend.equals("h2") ? new H2Backend(h2File.toString()) : new MemoryBackend();
            MongoServer server = new MongoServer(mongoBackend);
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                                                                  + address.getPort())) {
                measure(backend, () -> new ExternalMongo.Store(client.getDatabase(db()), ""));
            } finally {
                server.shutdownNow();
                Files.deleteIfExists(h2File);
            }
        }
    }

    /** Every figure on one backend; {@code stores} gives a fresh place (database or collection prefix) per call. */
    private static void measure(String backend, Supplier<ExternalMongo.Store> stores) throws Exception {
        Function<ExternalMongo.Store, EventStorageEngine> stock = EventStoreBenchmark::stock;
        Function<ExternalMongo.Store, EventStorageEngine> sequenced = EventStoreBenchmark::sequenced;
        // warm-up of both (JIT, connection pool)
        appendRate(stock.apply(stores.get()), 4, 1_000);
        appendRate(sequenced.apply(stores.get()), 4, 1_000);
        for (int threads : new int[]{1, 4}) {
            // best of ROUNDS alternating runs, each on a fresh database
            double bestStock = 0;
            double bestSequenced = 0;
            for (int round = 0; round < ROUNDS; round++) {
                bestStock = Math.max(bestStock,
                                     appendRate(stock.apply(stores.get()), threads, APPEND_COMMITS / threads));
                bestSequenced = Math.max(bestSequenced,
                                         appendRate(sequenced.apply(stores.get()), threads, APPEND_COMMITS / threads));
            }
            print(backend + ".stock.append." + threads + "threads", bestStock, "events/s");
            print(backend + ".sequenced.append." + threads + "threads", bestSequenced, "events/s");
        }
        if (Boolean.getBoolean("bench.appendOnly")) {
            return;
        }
        for (String impl : List.of("stock", "sequenced")) {
            EventStorageEngine engine = (impl.equals("stock") ? stock : sequenced).apply(stores.get());
            int stored = 0;
            long aggregateSeq = 0;
            int fillCommits = 0;
            for (int size : new int[]{20_000, 100_000}) {
                while (stored < size) {
                    // 50-event commits of filler aggregates; the measured aggregate gets 50 events in all,
                    // spread over the first 20k
                    engine.appendEvents(commit("fill-" + stored, 0, 50, stored));
                    stored += 50;
                    fillCommits++;
                    if (aggregateSeq < 50 && fillCommits % 8 == 0) {
                        engine.appendEvents(commit(AGGREGATE, aggregateSeq++, 1, stored));
                        stored++;
                    }
                }
                String prefix = backend + "." + impl + "." + (size / 1000) + "k";
                long start = System.nanoTime();
                TrackingToken last = null;
                int read = 0;
                Iterator<? extends TrackedEventMessage<?>> it = engine.readEvents(null, false).iterator();
                while (read < CATCH_UP_EVENTS && it.hasNext()) {
                    TrackedEventMessage<?> event = it.next();
                    event.getPayload();
                    last = event.trackingToken();
                    read++;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                print(prefix + ".catchUp", read / seconds, "events/s");
                print(prefix + ".tokenSize", SERIALIZER.serialize(last, byte[].class).getData().length,
                      "bytes");
                for (int i = 0; i < 3; i++) {
                    engine.readEvents(AGGREGATE).asStream().count();
                }
                int loads = 20;
                start = System.nanoTime();
                long events = 0;
                for (int i = 0; i < loads; i++) {
                    events += engine.readEvents(AGGREGATE).asStream().count();
                }
                print(prefix + ".loadAggregateOf" + (events / loads),
                      (System.nanoTime() - start) / 1e6 / loads, "ms");
            }
        }
    }

    private static String db() {
        return "bench" + (databases++);
    }

    private static EventStorageEngine stock(ExternalMongo.Store store) {
        DefaultMongoTemplate.Builder template = DefaultMongoTemplate.builder().mongoDatabase(store.database());
        if (!store.prefix().isEmpty()) {
            template.domainEventsCollectionName(store.collection("domainevents"))
                    .snapshotEventsCollectionName(store.collection("snapshotevents"))
                    .trackingTokensCollectionName(store.collection("trackingtokens"))
                    .sagasCollectionName(store.collection("sagas"))
                    .deadLetterCollectionName(store.collection("deadletters"));
        }
        return MongoEventStorageEngine.builder()
                                      .mongoTemplate(template.build())
                                      .eventSerializer(SERIALIZER)
                                      .snapshotSerializer(SERIALIZER)
                                      .build();
    }

    private static EventStorageEngine sequenced(ExternalMongo.Store store) {
        return MongoSequencedEventStorageEngine.builder()
                                               .mongoDatabase(store.database())
                                               .eventsCollectionName(store.collection("events"))
                                               .snapshotsCollectionName(store.collection("snapshots"))
                                               .clock(Clock.systemUTC())
                                               .eventSerializer(SERIALIZER)
                                               .snapshotSerializer(SERIALIZER)
                                               .secondaryUniqueIndexes(SECONDARY_INDEXES)
                                               .build();
    }

    /** Commits of one event each (a typical command), {@code commitsPerThread} per thread, own aggregates. */
    private static double appendRate(EventStorageEngine engine, int threads, int commitsPerThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < commitsPerThread; i++) {
                        engine.appendEvents(commit("t" + thread + "-" + (i % 100), i / 100, 1));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return threads * commitsPerThread / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static List<EventMessage<?>> commit(String aggregate, long firstSeq, int size) {
        return commit(aggregate, firstSeq, size, -1);
    }

    /** {@code position >= 0}: stamp the events as if 100 events/s had been appended since FILL_START. */
    private static List<EventMessage<?>> commit(String aggregate, long firstSeq, int size, long position) {
        List<EventMessage<?>> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            java.time.Instant timestamp = position < 0 ? java.time.Instant.now()
                                                       : FILL_START.plusMillis(10 * (position + i));
            DomainEventMessage<?> e = new GenericDomainEventMessage<>(
                    "BenchAggregate", aggregate, firstSeq + i,
                    new BenchEvent(aggregate, firstSeq + i, "some payload text of a typical size"),
                    org.axonframework.messaging.MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(),
                    timestamp);
            events.add(e);
        }
        return events;
    }

    private static void print(String name, double value, String unit) {
        System.out.printf("%s: %.1f %s%n", name, value, unit);
    }
}
