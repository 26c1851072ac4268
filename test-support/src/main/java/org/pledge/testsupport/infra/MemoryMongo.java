package org.pledge.testsupport.infra;

import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pledge.embedded.EmbeddedMongo;

/**
 * For unit tests of code that talks to MongoDB: an in-memory mongo-java-server ({@link EmbeddedMongo#memory}) and a
 * driver client, as a JUnit 5 extension.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final MemoryMongo MONGO = new MemoryMongo();       // one server for the class
 * ...
 * MongoCollection&lt;Document&gt; c = MONGO.database("test").getCollection("things");
 * </pre>
 *
 * <p>Registered on an instance field instead, it starts a server before each test and stops it after. Command
 * listeners given to the constructor see every command the client sends (to count round trips).
 */
public final class MemoryMongo implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final List<CommandListener> listeners;
    private EmbeddedMongo server;
    private MongoClient client;
    private boolean perTest;

    public MemoryMongo(CommandListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) { // registered on an instance field: JUnit calls no class-level callback
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    /** The client (closed with the server). */
    public MongoClient client() {
        if (client == null) {
            throw new IllegalStateException("MemoryMongo is not started: register it with @RegisterExtension");
        }
        return client;
    }

    public MongoDatabase database(String name) {
        return client().getDatabase(name);
    }

    private void start() {
        server = EmbeddedMongo.memory(0);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()));
        listeners.forEach(settings::addCommandListener);
        client = MongoClients.create(settings.build());
    }

    private void stop() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            client = null;
            server = null;
        }
    }
}
