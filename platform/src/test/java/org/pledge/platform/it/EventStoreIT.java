package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;

@PlatformIT
class EventStoreIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoDatabaseFactory databases;

    @Test
    void aggregateState_survivesASnapshot_inTheSequencedEventStore() {
        String caseId = "case-" + UUID.randomUUID();
        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "one"));
        for (String title : new String[] {"two", "three", "four", "five"}) {
            commands.sendAndWait(new TestApp.RenameTestCase(caseId, title));
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                databases.getMongoDatabase().getCollection("snapshots").countDocuments(new Document("_id", caseId)) > 0);

        // loaded from the snapshot (plus later events): the title must have survived serialisation
        assertThatThrownBy(() -> commands.sendAndWait(new TestApp.RenameTestCase(caseId, "five")))
                .isInstanceOf(TestApp.SameTitle.class);
        commands.sendAndWait(new TestApp.RenameTestCase(caseId, "six"));
        assertThat(databases.getMongoDatabase().getCollection("events").countDocuments(new Document("aggregateIdentifier", caseId)))
                .isEqualTo(6);
    }
}
