package org.pledge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 backend keeps every acknowledged write across a hard kill (SIGKILL) of its process. */
class EmbeddedMongoH2IT {

    static final int WRITES = 50;

    /** Runs in a child JVM: starts the server, writes, reports, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0);
        try (MongoClient client = MongoClients.create(mongo.uri("db"))) {
            MongoCollection<Document> things = client.getDatabase("db").getCollection("things");
            for (int i = 0; i < WRITES; i++) {
                things.insertOne(new Document("_id", i));
            }
        }
        System.out.println("WRITTEN");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void acknowledgedWrites_surviveAHardKill(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo.mv.db");
        Process child = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedMongoH2IT.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean written = false;
            while (!written && (line = out.readLine()) != null) {
                written = line.contains("WRITTEN");
            }
            assertThat(written).as("child reported its writes").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.h2(file, 0);
             MongoClient client = MongoClients.create(reopened.uri("db"))) {
            assertThat(client.getDatabase("db").getCollection("things").countDocuments()).isEqualTo(WRITES);
        }
    }
}
