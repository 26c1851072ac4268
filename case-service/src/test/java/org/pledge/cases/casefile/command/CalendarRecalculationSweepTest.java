package org.pledge.cases.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.InvalidCaseCommandException;
import org.pledge.cases.casefile.api.RecalculateDeadlineCommand;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.pledge.testsupport.infra.MemoryMongo;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * The reconciliation sweep on mongo-java-server with a recording command bus: which cases it moves (open ones the read
 * model shows behind the newest version), which it leaves (closed, current, other calendars), how much it reads when
 * nothing is behind, and that it is bounded and not held up by one rejected case.
 */
class CalendarRecalculationSweepTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** "command collection" of every command the client sends (the event's document is valid only in the callback). */
    private static final List<String> queries = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            queries.add(event.getCommandName() + " " + event.getCommand().get(event.getCommandName()));
        }
    });

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private MongoDatabase database;
    private MongoCatalogue catalogue;
    private CaseSummaries summaries;
    private DefaultCommandGateway gateway;

    @BeforeEach
    void fresh() {
        SimpleMongoClientDatabaseFactory databases = new SimpleMongoClientDatabaseFactory(MONGO.client(), "sweep-" + UUID.randomUUID());
        database = databases.getMongoDatabase();
        catalogue = new MongoCatalogue(databases);
        summaries = new CaseSummaries(databases);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RecalculateDeadlineCommand.class.getName(), m -> {
            RecalculateDeadlineCommand command = (RecalculateDeadlineCommand) m.getPayload();
            if (rejected.contains(command.caseId())) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.OUT_OF_ORDER, "rejected by the test");
            }
            sent.add(m);
            return null;
        });
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private CalendarRecalculationSweep sweep(int batchSize) {
        return new CalendarRecalculationSweep(gateway, catalogue, summaries, Clock.fixed(NOW, ZoneOffset.UTC), batchSize);
    }

    @Test
    void openCasesBehindTheNewestVersion_areMovedToIt_closedCurrentAndOtherCalendarsAreLeftAlone() {
        calendarVersions("CA-ON", 3);
        calendarVersions("QC", 1);
        summary("submitted-v1", "CA-ON", 1, CaseStatus.SUBMITTED);
        summary("awaiting-v2", "CA-ON", 2, CaseStatus.AWAITING_INFORMATION);
        summary("in-progress-v3", "CA-ON", 3, CaseStatus.IN_PROGRESS);
        summary("resolved-v1", "CA-ON", 1, CaseStatus.RESOLVED);
        summary("withdrawn-v2", "CA-ON", 2, CaseStatus.WITHDRAWN);
        summary("qc-v1", "QC", 1, CaseStatus.ASSIGNED);
        database.getCollection("case_summaries").insertOne(new Document("_id", "link-only").append("followUpCaseIds", List.of("x")));

        int accepted = sweep(100).sweep();

        assertThat(accepted).isEqualTo(2);
        assertThat(sent).<Object>extracting(CommandMessage::getPayload).containsExactlyInAnyOrder(
                new RecalculateDeadlineCommand("submitted-v1", "CA-ON", 3, NOW),
                new RecalculateDeadlineCommand("awaiting-v2", "CA-ON", 3, NOW));
        assertThat(sent).allSatisfy(m -> {
            assertThat(m.getMetaData().get("actor")).isEqualTo(CalendarRecalculationSweep.SWEEP_ACTOR);
            assertThat(m.getMetaData().get("actorRoles")).isEqualTo("system");
        });
    }

    @Test
    void whenNothingIsBehind_aSweepIsOneQueryForTheVersions_andOnePerCalendarPastVersion1() {
        calendarVersions("CA-ON", 2);
        calendarVersions("QC", 1);
        calendarVersions("BC", 4);
        summary("current", "CA-ON", 2, CaseStatus.IN_PROGRESS);
        summary("resolved-v1", "CA-ON", 1, CaseStatus.RESOLVED);
        CalendarRecalculationSweep sweep = sweep(100);
        queries.clear();

        assertThat(sweep.sweep()).isZero();

        assertThat(sent).isEmpty();
        assertThat(queries).containsExactly("aggregate BsonString{value='business_calendars'}",
                "find BsonString{value='case_summaries'}", "find BsonString{value='case_summaries'}");
        assertThat(sweep.completedSweeps()).isEqualTo(1);
    }

    @Test
    void aSweepIsBounded_byTheBatchSizePerCalendar_andTheNextSweepTakesTheRest() {
        calendarVersions("CA-ON", 2);
        for (int i = 0; i < 5; i++) {
            summary("case-" + i, "CA-ON", 1, CaseStatus.SUBMITTED);
        }
        CalendarRecalculationSweep sweep = sweep(2);

        assertThat(sweep.sweep()).isEqualTo(2);
        assertThat(sent).hasSize(2);
        // what the projection does once the cases recorded their recalculation
        sent.forEach(m -> moved(((RecalculateDeadlineCommand) m.getPayload()).caseId(), 2));

        assertThat(sweep.sweep()).isEqualTo(2);
        sent.forEach(m -> moved(((RecalculateDeadlineCommand) m.getPayload()).caseId(), 2));
        assertThat(sweep.sweep()).isEqualTo(1);
        sent.forEach(m -> moved(((RecalculateDeadlineCommand) m.getPayload()).caseId(), 2));
        assertThat(sent).extracting(m -> ((RecalculateDeadlineCommand) m.getPayload()).caseId()).doesNotHaveDuplicates().hasSize(5);
        assertThat(sweep.sweep()).isZero();
    }

    @Test
    void aRejectedCase_isLoggedAndSkipped_theOthersAreStillRecalculated() {
        calendarVersions("CA-ON", 2);
        summary("rejected", "CA-ON", 1, CaseStatus.SUBMITTED);
        summary("fine-1", "CA-ON", 1, CaseStatus.SUBMITTED);
        summary("fine-2", "CA-ON", 1, CaseStatus.IN_PROGRESS);
        rejected.add("rejected");

        assertThat(sweep(100).sweep()).isEqualTo(2);

        assertThat(sent).extracting(m -> ((RecalculateDeadlineCommand) m.getPayload()).caseId()).containsExactlyInAnyOrder("fine-1", "fine-2");
    }

    // ------------------------------------------------------------------ helpers

    /** Versions 1..newest of a calendar as the catalogue projection stores them (the fields the sweep reads). */
    private void calendarVersions(String calendarId, int newest) {
        for (int v = 1; v <= newest; v++) {
            database.getCollection("business_calendars").insertOne(new Document("_id", calendarId + ":" + v)
                    .append("calendarId", calendarId).append("version", v));
        }
        assertThat(catalogue.newestVersions()).containsEntry(calendarId, newest);
    }

    private void summary(String caseId, String calendarId, int version, CaseStatus status) {
        database.getCollection("case_summaries").insertOne(new Document("_id", caseId).append("calendarId", calendarId)
                .append("calendarVersion", version).append("status", status.name()));
    }

    private void moved(String caseId, int version) {
        database.getCollection("case_summaries").updateOne(new Document("_id", caseId),
                new Document("$set", new Document("calendarVersion", version)));
    }
}
