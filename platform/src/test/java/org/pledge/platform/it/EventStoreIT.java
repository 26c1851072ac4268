package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIT
class EventStoreIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoTemplate axonMongo;

    @Test
    void aggregateState_survivesASnapshot_inMongo() {
        String caseId = "case-" + UUID.randomUUID();
        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "one"));
        for (String title : new String[] {"two", "three", "four", "five"}) {
            commands.sendAndWait(new TestApp.RenameTestCase(caseId, title));
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                axonMongo.snapshotCollection().countDocuments(new Document("aggregateIdentifier", caseId)) > 0);

        // loaded from the snapshot (plus later events): the title must have survived serialisation
        assertThatThrownBy(() -> commands.sendAndWait(new TestApp.RenameTestCase(caseId, "five")))
                .isInstanceOf(TestApp.SameTitle.class);
        commands.sendAndWait(new TestApp.RenameTestCase(caseId, "six"));
        assertThat(axonMongo.eventCollection().countDocuments(new Document("aggregateIdentifier", caseId)))
                .isEqualTo(6);
    }
}
