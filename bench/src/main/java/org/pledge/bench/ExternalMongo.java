package org.pledge.bench;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * A MongoDB given by a URI ({@code MONGO_URI}, or {@code -Dbench.mongoUri}), for measuring a real MongoDB instead of
 * the embedded mongo-java-server. The benchmark never touches data it did not create:
 * <ul>
 *     <li>a URI without a database: every place the benchmark writes to is a database of its own, named
 *     {@code pledge_bench_<UTC time>_<random>[_<n>]}, checked not to exist before it is used; at the end the benchmark
 *     drops exactly those databases;</li>
 *     <li>a URI that names a database: that database must be empty (no collection), else the benchmark refuses to run
 *     and changes nothing; the benchmark then writes only collections of its own there and, at the end, drops exactly
 *     the collections it created (the database itself is left).</li>
 * </ul>
 * The description printed never shows credentials.
 */
final class ExternalMongo implements AutoCloseable {

    /** A place for one engine: a database, and a prefix for its collection names ({@code ""}: the defaults). */
    record Store(MongoDatabase database, String prefix) {

        String collection(String name) {
            return prefix + name;
        }
    }

    private final MongoClient client;
    private final ConnectionString uri;
    private final String runId;
    /** The database the URI names, checked empty; null when the URI names none. */
    private final String namedDatabase;
    private final Set<String> createdDatabases = new LinkedHashSet<>();
    /** Collections of {@link #namedDatabase} that existed before this run: none (it was empty), kept for the drop. */
    private final Set<String> collectionsBefore = new HashSet<>();
    /** The prefix of every collection a store in {@link #namedDatabase} gets: unique to this run. */
    private final String collectionPrefix;
    private boolean wholeNamedDatabase;
    private int stores;

    private ExternalMongo(String uri) {
        this.uri = new ConnectionString(uri);
        this.client = MongoClients.create(this.uri);
        this.runId = "pledge_bench_" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                .format(Clock.systemUTC().instant()) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        this.collectionPrefix = "bench_" + runId.substring("pledge_bench_".length()) + "_";
        this.namedDatabase = this.uri.getDatabase();
        if (namedDatabase != null) {
            for (String name : client.getDatabase(namedDatabase).listCollectionNames()) {
                collectionsBefore.add(name);
            }
            if (!collectionsBefore.isEmpty()) {
                client.close();
                throw new IllegalStateException("MONGO_URI names the database '" + namedDatabase + "', which is not empty ("
                        + collectionsBefore.size() + " collection(s)): the benchmark runs only on an empty database and "
                        + "changed nothing. Give an empty database, or a URI without a database (the benchmark then "
                        + "creates databases of its own and drops them at the end).");
            }
        }
    }

    /** The MongoDB of {@code MONGO_URI} or {@code -Dbench.mongoUri}, if one is given. */
    static Optional<ExternalMongo> fromEnvironment() {
        String uri = System.getProperty("bench.mongoUri", System.getenv("MONGO_URI"));
        return uri == null || uri.isBlank() ? Optional.empty() : Optional.of(new ExternalMongo(uri.trim()));
    }

    /** Hosts and where the benchmark writes, without credentials. */
    String describe() {
        String where = namedDatabase == null
                ? "fresh databases " + runId + "*, dropped at the end"
                : "the empty database " + namedDatabase + ", collections of its own, dropped at the end";
        return "MongoDB at " + String.join(",", uri.getHosts()) + " (MONGO_URI; " + where + "), not mongo-java-server";
    }

    /** The URI as given, for a client of the application's own (never printed: it may hold credentials). */
    String uri() {
        return uri.getConnectionString();
    }

    MongoClient client() {
        return client;
    }

    /** A fresh place for one engine (the event store benchmark): a new database, or a new collection prefix. */
    Store freshStore() {
        int n = stores++;
        if (namedDatabase == null) {
            return new Store(newDatabase(runId + "_" + n), "");
        }
        return new Store(client.getDatabase(namedDatabase), collectionPrefix + n + "_");
    }

    /**
     * The one database a whole application writes to (the lifecycle benchmark): a new database, or the one the URI
     * names (checked empty); whatever the application creates there is dropped at the end.
     */
    String databaseForApplication() {
        if (namedDatabase == null) {
            String name = runId;
            newDatabase(name);
            return name;
        }
        wholeNamedDatabase = true;
        return namedDatabase;
    }

    private MongoDatabase newDatabase(String name) {
        for (String existing : client.listDatabaseNames()) {
            if (existing.equals(name)) {
                throw new IllegalStateException("The database " + name + " exists already: not using it");
            }
        }
        createdDatabases.add(name);
        return client.getDatabase(name);
    }

    /** Drops exactly what this run created, then closes the client. */
    @Override
    public void close() {
        try {
            for (String name : createdDatabases) {
                client.getDatabase(name).drop();
            }
            if (namedDatabase != null) {
                MongoDatabase database = client.getDatabase(namedDatabase);
                Set<String> drop = new LinkedHashSet<>();
                for (String name : database.listCollectionNames()) {
                    // the stores' collections carry this run's prefix; an application given the whole database
                    // (empty when the run started) created every collection in it that was not there before
                    if (name.startsWith(collectionPrefix) || wholeNamedDatabase && !collectionsBefore.contains(name)) {
                        drop.add(name);
                    }
                }
                for (String name : drop) {
                    database.getCollection(name).drop();
                }
            }
        } finally {
            client.close();
        }
    }
}
