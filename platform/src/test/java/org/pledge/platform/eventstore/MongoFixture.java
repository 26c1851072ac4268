package org.pledge.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A mongo-java-server (memory backend) with as many clients as a test wants. */
final class MongoFixture implements AutoCloseable {

    static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri;
    private final List<MongoClient> clients = new ArrayList<>();

    MongoFixture() {
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    MongoDatabase newDatabaseConnection(String name) {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return client.getDatabase(name);
    }

    MongoSequencedEventStorageEngine.Builder engineBuilder(MongoDatabase database) {
        return MongoSequencedEventStorageEngine.builder()
                                               .mongoDatabase(database)
                                               .clock(Clock.systemUTC())
                                               .eventSerializer(SERIALIZER)
                                               .snapshotSerializer(SERIALIZER);
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }
}
