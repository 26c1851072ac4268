package org.pledge.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server): in memory, or on disk with the H2
 * MVStore backend. No transactions, no change streams, TTL and non-unique indexes are ignored.
 *
 * <p>The H2 backend by default writes to disk about once a second, so a hard kill loses the last
 * second of acknowledged writes. {@link #h2(Path, int)} commits after every write command instead.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /** Commands that change data; after each the H2 store is committed to disk. */
    static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
            "drop", "dropdatabase", "create", "renamecollection");

    private final MongoServer server;
    private final MongoBackend backend;
    private final String host;
    private final int port;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.host = "localhost";
        this.port = port;
    }

    /** An in-memory server on {@code port} (0: a free one). */
    public static EmbeddedMongo memory(int port) {
        return start(new MemoryBackend(), port);
    }

    /**
     * A server on {@code port} (0: a free one) keeping its data in the H2 file {@code file}, committed
     * after every write command so that an acknowledged write survives a hard kill.
     */
    public static EmbeddedMongo h2(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(new CommittingH2Backend(file.toAbsolutePath().toString()), port);
    }

    private static EmbeddedMongo start(MongoBackend backend, int requestedPort) {
        int port = FreePorts.orFree(requestedPort);
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        log.info("MongoDB-wire server (mongo-java-server, {}) ready on localhost:{}", backend, port);
        return new EmbeddedMongo(server, backend, port);
    }

    /** {@code mongodb://localhost:<port>} without a database. */
    public String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    public String uri(String database) {
        return connectionString() + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    /** The H2 backend with a commit after each write command. */
    static final class CommittingH2Backend extends H2Backend {

        CommittingH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document result = super.handleCommand(channel, databaseName, command, query);
            if (WRITE_COMMANDS.contains(command.toLowerCase())) {
                commit();
            }
            return result;
        }
    }
}
