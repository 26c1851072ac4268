package org.pledge.cases.catalogue.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledge.cases.it.CaseServiceITSupport;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.PublishBusinessCalendarCommand;
import org.pledge.testsupport.await.Eventually;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rebuilding the catalogue projection (resetting the {@code catalogue} processor's tokens and replaying) in the
 * running service: the catalogue stays readable from the reset to the end of the replay (a reader checks throughout,
 * and a case is submitted between the reset and the restart), and the replay ends where it started, even restoring a
 * version document that was lost.
 */
class CatalogueRebuildIT extends CaseServiceITSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoCatalogue catalogue;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;

    @Test
    void resettingTheCatalogueProcessor_keepsEveryServiceTypeFindable_andTheReplayEndsInTheSameState() throws Exception {
        String calendarId = "IT-REBUILD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String code = calendarId + "-SVC";
        commands.sendAndWait(new PublishBusinessCalendarCommand(calendarId, "UTC", Set.of(), Set.of(), false, clock.instant()));
        assertThat(catalogue.awaitCalendar(calendarId, 1, WAIT)).isTrue();
        LocalDate holiday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(3);
        commands.sendAndWait(new PublishBusinessCalendarCommand(calendarId, "UTC", Set.of(), Set.of(holiday), false, clock.instant()));
        assertThat(catalogue.awaitCalendar(calendarId, 2, WAIT)).isTrue();
        commands.sendAndWait(define(code, calendarId, "10 business days"));
        commands.sendAndWait(define(code, calendarId, "12 business days"));
        assertThat(catalogue.awaitServiceType(code, 2, WAIT)).isTrue();

        List<Document> serviceTypes = all(catalogue.serviceTypes());
        List<Document> calendars = all(catalogue.calendars());
        assertThat(serviceTypes).extracting(d -> d.getString("_id")).contains("PASSPORT", "DEMO", code);
        // a version document lost by hand: the replay writes it again
        catalogue.calendars().deleteOne(Filters.eq("_id", calendarId + ":1"));

        StreamingEventProcessor processor = processing.eventProcessor(CatalogueProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        Reader reader = new Reader(code, calendarId);
        Thread readerThread = new Thread(reader, "catalogue-reader");
        readerThread.start();
        try {
            processor.shutDown();
            processor.resetTokens();

            // reset handlers ran (Axon calls them in resetTokens()): nothing was emptied, submissions still work
            assertThat(catalogue.find("PASSPORT")).isPresent();
            assertThat(catalogue.stored(code).orElseThrow().revision()).isEqualTo(2);
            assertThat(catalogue.current("CA-ON")).isPresent();
            commands.sendAndWait(new SubmitCaseCommand(UUID.randomUUID().toString(), "PASSPORT", SubmissionChannel.WEB, clock.instant(), null,
                    null, new Applicant("ref-1", "Marie Tremblay", "marie@example.org", null, null, "fr-CA", PreferredChannel.EMAIL),
                    Money.of("120.00", "CAD")));

            processor.start();
            Eventually.await("the catalogue replayed", WAIT).until(() -> replayed(processor));
            Eventually.await("calendar version 1 restored", WAIT).until(() -> catalogue.calendars().countDocuments(Filters.eq("_id", calendarId + ":1")) == 1);
        } finally {
            reader.stop.set(true);
            readerThread.join(WAIT.toMillis());
            if (!processor.isRunning()) {
                processor.start();
            }
        }

        assertThat(reader.reads.get()).as("reads during the rebuild").isPositive();
        assertThat(reader.misses).as("what a reader saw go missing or back during the rebuild").isEmpty();
        assertThat(all(catalogue.serviceTypes())).isEqualTo(serviceTypes);
        assertThat(all(catalogue.calendars())).isEqualTo(calendars);
    }

    /** Reads what a submission reads, as fast as it can, and records anything missing or older than before. */
    private final class Reader implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong reads = new AtomicLong();
        final List<String> misses = new CopyOnWriteArrayList<>();
        private final String code;
        private final String calendarId;

        Reader(String code, String calendarId) {
            this.code = code;
            this.calendarId = calendarId;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                check(catalogue.find("PASSPORT").isPresent(), "service type PASSPORT");
                check(catalogue.find("DEMO").isPresent(), "service type DEMO");
                check(catalogue.stored(code).map(s -> s.revision() == 2).orElse(false), "service type " + code + " revision 2");
                check(catalogue.current("CA-ON").isPresent(), "calendar CA-ON");
                check(catalogue.current(calendarId).map(c -> c.version() == 2).orElse(false), "calendar " + calendarId + " version 2");
                reads.incrementAndGet();
            }
        }

        private void check(boolean ok, String what) {
            if (!ok && misses.size() < 20) {
                misses.add(what + " at read " + reads.get());
            }
        }
    }

    /** Every segment of the processor claimed again, past its replay and caught up with the head of the event stream. */
    private boolean replayed(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        return status.size() == segments && status.values().stream().noneMatch(EventTrackerStatus::isReplaying)
                && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    private DefineServiceTypeCommand define(String code, String calendarId, String standard) {
        return new DefineServiceTypeCommand(code, Map.of("en", "Test service", "fr", "Service de test"), Money.of("120.00", "CAD"), standard,
                null, null, true, calendarId, Instant.parse("2020-01-01T00:00:00Z"), false, clock.instant());
    }

    /** The documents as stored. */
    private static List<Document> all(MongoCollection<?> collection) {
        return collection.withDocumentClass(Document.class).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
