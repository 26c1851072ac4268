package org.pledge.cases.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.ResolveCaseCommand;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.casefile.api.WithdrawCaseCommand;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.casefile.query.CaseSummary;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.pledge.cases.it.CaseServiceITSupport;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.privacy.ErasureRecord;
import org.pledge.testsupport.await.Eventually;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The retention of applicants' personal data on real storage, with the service's clock moved by the test
 * ({@code MutableClock}): PASSPORT keeps a subject's data 365 days after its cases closed, DEMO 30 days, a service type
 * without retention for ever. The test calls the sweep itself (the scheduled one waits an hour). A context of its own:
 * the clock moves years ahead.
 */
@TestPropertySource(properties = {
        "pledge.test.context=retention",
        "pledge.privacy.retention.service-types.PASSPORT=P365D",
        "pledge.privacy.retention.service-types.DEMO=P30D",
        "pledge.privacy.retention.sweep-interval=1h"})
class RetentionSweepIT extends CaseServiceITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    CaseSummaries summaries;
    @Autowired
    MongoCatalogue catalogue;
    @Autowired
    RetentionSweep sweep;
    @Autowired
    DataSubjectErasures erasures;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void sweep_erasesTheSubject_onceItsResolvedCaseIsOlderThanTheRetention_andOnlyOnce() {
        String subject = subject();
        resolved(submit("PASSPORT", subject));

        clock.advance(Duration.ofDays(364));
        sweep.sweep();
        assertThat(erasures.isErased(subject)).as("364 days after").isFalse();

        clock.advance(Duration.ofDays(2));
        sweep.sweep();
        ErasureRecord erased = erasures.status(subject).orElseThrow();
        assertThat(erased.reason()).isEqualTo("retention");
        assertThat(erased.requestedThrough()).isEqualTo("retention");
        assertThat(erased.erasedBy()).isEqualTo(RetentionSweep.ACTOR);
        assertThat(erased.completed()).isTrue();
        JsonNode status = api.get("/api/data-subjects/" + subject, token("admin")).json();
        assertThat(status.path("erased").asBoolean()).isTrue();
        assertThat(status.path("reason").asText()).isEqualTo("retention");

        clock.advance(Duration.ofDays(1));
        sweep.sweep();
        assertThat(erasures.status(subject).orElseThrow()).isEqualTo(erased);
        assertThat(eventStore.readEvents(DataSubjectErasures.streamId(subject)).asStream().count()).isEqualTo(1);
    }

    @Test
    void sweep_keepsTheSubject_whileAnotherOfItsCasesIsOpen_andErasesItOnceThatOneClosedLongEnough() {
        String subject = subject();
        resolved(submit("PASSPORT", subject));
        String open = submit("PASSPORT", subject);

        clock.advance(Duration.ofDays(400));
        sweep.sweep();
        assertThat(erasures.isErased(subject)).as("with a case open").isFalse();

        resolved(open);
        clock.advance(Duration.ofDays(300));
        sweep.sweep();
        assertThat(erasures.isErased(subject)).as("300 days after the second case closed").isFalse();

        clock.advance(Duration.ofDays(66));
        sweep.sweep();
        assertThat(erasures.isErased(subject)).as("366 days after").isTrue();
    }

    @Test
    void sweep_keepsTheSubject_whileAWithdrawnCaseIsWithinItsRetention() {
        String subject = subject();
        resolved(submit("PASSPORT", subject));
        clock.advance(Duration.ofDays(200));
        withdrawn(submit("PASSPORT", subject));

        // resolved 400 days ago, withdrawn 200 days ago
        clock.advance(Duration.ofDays(200));
        sweep.sweep();
        assertThat(erasures.isErased(subject)).isFalse();

        // withdrawn 366 days ago
        clock.advance(Duration.ofDays(166));
        sweep.sweep();
        assertThat(erasures.isErased(subject)).isTrue();
    }

    @Test
    void sweep_holdsEachCase_toItsOwnServiceTypesRetention() {
        String demoOnly = subject();
        String both = subject();
        resolved(submit("DEMO", demoOnly));
        resolved(submit("DEMO", both));
        resolved(submit("PASSPORT", both));

        clock.advance(Duration.ofDays(31));
        sweep.sweep();
        assertThat(erasures.isErased(demoOnly)).as("DEMO only, 31 days after").isTrue();
        assertThat(erasures.isErased(both)).as("DEMO and PASSPORT, 31 days after").isFalse();

        clock.advance(Duration.ofDays(335));
        sweep.sweep();
        assertThat(erasures.isErased(both)).as("DEMO and PASSPORT, 366 days after").isTrue();
    }

    @Test
    void sweep_neverErasesTheSubject_ofAServiceTypeWithoutRetention() {
        String code = "KEPT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        commands.sendAndWait(new DefineServiceTypeCommand(code, Map.of("en", "Kept", "fr", "Conservé"), Money.of("120.00", "CAD"),
                "10 business days", null, null, false, "CA-ON", Instant.parse("2020-01-01T00:00:00Z"), false, clock.instant()));
        assertThat(catalogue.awaitServiceType(code, 1, WAIT)).isTrue();
        String subject = subject();
        resolved(submit(code, subject));
        resolved(submit("DEMO", subject));

        clock.advance(Duration.ofDays(3650));
        sweep.sweep();

        assertThat(erasures.isErased(subject)).isFalse();
    }

    @Test
    void sweep_leavesASubjectErasedOnRequest_asItWas() {
        String subject = subject();
        resolved(submit("PASSPORT", subject));
        assertThat(api.send("DELETE", "/api/data-subjects/" + subject + "?reason=subject-request", token("admin"), null, Map.of())
                .status()).isEqualTo(200);
        ErasureRecord requested = erasures.status(subject).orElseThrow();

        clock.advance(Duration.ofDays(366));
        sweep.sweep();

        assertThat(erasures.status(subject).orElseThrow()).isEqualTo(requested);
        assertThat(requested.reason()).isEqualTo("subject-request");
        assertThat(eventStore.readEvents(DataSubjectErasures.streamId(subject)).asStream().count()).isEqualTo(1);
    }

    @Test
    void sweep_erasesNothing_whileCaseSummariesIsStopped() {
        String subject = subject();
        resolved(submit("PASSPORT", subject));
        clock.advance(Duration.ofDays(366));
        StreamingEventProcessor caseSummaries = processing.eventProcessor(CaseSummaries.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();

        caseSummaries.shutDown();
        try {
            assertThat(sweep.sweep()).isZero();
            assertThat(erasures.isErased(subject)).isFalse();
        } finally {
            caseSummaries.start();
        }
        sweep.sweep();
        assertThat(erasures.isErased(subject)).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private static String subject() {
        return "ret-" + UUID.randomUUID();
    }

    private String submit(String serviceType, String subject) {
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitCaseCommand(caseId, serviceType, SubmissionChannel.WEB, clock.instant(), null, null,
                new Applicant(subject, "Marie Tremblay", "marie@example.org", null, null, "fr-CA", PreferredChannel.EMAIL),
                Money.of(feeOf(serviceType), "CAD")));
        awaitSummary(caseId, s -> s.status().equals("SUBMITTED"));
        return caseId;
    }

    private void resolved(String caseId) {
        commands.sendAndWait(new AssignCaseCommand(caseId, "cw-1", clock.instant()));
        commands.sendAndWait(new StartWorkOnCaseCommand(caseId, clock.instant()));
        commands.sendAndWait(new ResolveCaseCommand(caseId, Outcome.APPROVED, "done", clock.instant()));
        awaitSummary(caseId, s -> s.status().equals("RESOLVED"));
    }

    private void withdrawn(String caseId) {
        commands.sendAndWait(new WithdrawCaseCommand(caseId, WithdrawnBy.CHANNEL, "no longer needed", clock.instant()));
        awaitSummary(caseId, s -> s.status().equals("WITHDRAWN"));
    }

    private CaseSummary awaitSummary(String caseId, Predicate<CaseSummary> until) {
        return Eventually.await("summary of " + caseId, WAIT).until(() -> summaries.find(caseId).orElse(null),
                s -> s != null && until.test(s));
    }

    /** A token valid at the service's clock, which the test moved. */
    private String token(String role) {
        return TOKENS.tokenAt(clock.instant(), role + "-1", role);
    }
}
