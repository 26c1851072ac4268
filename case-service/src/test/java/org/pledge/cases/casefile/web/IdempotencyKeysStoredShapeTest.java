package org.pledge.cases.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.OptionalLong;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.testsupport.infra.MemoryMongo;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * {@code command_keys} and {@code submission_keys} keep the shape the earlier code wrote with raw documents (written
 * out by hand below): keys stored by it answer retries as before, and new keys are stored with the same fields and
 * BSON types.
 */
class IdempotencyKeysStoredShapeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private SimpleMongoClientDatabaseFactory databases;
    private CommandKeys commandKeys;
    private SubmissionKeys submissionKeys;

    @BeforeEach
    void fresh() {
        databases = new SimpleMongoClientDatabaseFactory(MONGO.client(), "keys-" + UUID.randomUUID());
        commandKeys = new CommandKeys(databases);
        submissionKeys = new SubmissionKeys(databases);
    }

    private Document commandKey(String id, String state) {
        return new Document("_id", id).append("requestHash", "h1").append("state", state)
                .append("leaseUntil", Date.from(NOW.plus(CommandKeys.LEASE))).append("createdAt", Date.from(NOW));
    }

    @Test
    void commandKeysTheEarlierCodeStored_answerRetriesAsBefore() {
        var raw = databases.getMongoDatabase().getCollection("command_keys");
        raw.insertOne(commandKey("c-1\u0000k1", "DONE").append("version", 3L));
        raw.insertOne(commandKey("c-1\u0000k2", "DONE")); // stored before versions were kept

        assertThat(commandKeys.claim("c-1", "k1", "h1", NOW.plusSeconds(5))).isEqualTo(new CommandKeys.Claim("c-1\u0000k1", true, OptionalLong.of(3)));
        assertThat(commandKeys.claim("c-1", "k2", "h1", NOW.plusSeconds(5))).isEqualTo(new CommandKeys.Claim("c-1\u0000k2", true, OptionalLong.empty()));
    }

    @Test
    void newCommandKeys_areStoredInTheEarlierShape() {
        var raw = databases.getMongoDatabase().getCollection("command_keys");
        CommandKeys.Claim claim = commandKeys.claim("c-1", "k1", "h1", NOW);
        assertThat(raw.find().first()).isEqualTo(commandKey("c-1\u0000k1", "PENDING"));

        commandKeys.complete(claim, OptionalLong.of(4));
        assertThat(raw.find().first()).isEqualTo(commandKey("c-1\u0000k1", "DONE").append("version", 4L));
    }

    @Test
    void submissionKeys_keepTheEarlierShape_andAnswerRetriesAsBefore() {
        var raw = databases.getMongoDatabase().getCollection("submission_keys");
        raw.insertOne(new Document("_id", "web\u0000old").append("bodyHash", "b1").append("caseId", "case-old")
                .append("createdAt", Date.from(NOW)));
        assertThat(submissionKeys.caseIdFor("web", "old", "b1", NOW)).isEqualTo("case-old");

        String caseId = submissionKeys.caseIdFor("web", "new", "b2", NOW);
        assertThat(raw.find(new Document("_id", "web\u0000new")).first()).isEqualTo(new Document("_id", "web\u0000new")
                .append("bodyHash", "b2").append("caseId", caseId).append("createdAt", Date.from(NOW)));
    }
}
