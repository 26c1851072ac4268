package org.pledge.cases.casefile.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.pledge.cases.CaseServiceApplication;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.security.TestTokens;
import org.pledge.testsupport.time.MutableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.pledge.cases.casefile.command.MarkerSweeper;

/**
 * One case-service instance for the SLA integration tests: the whole application on a given database of the JVM's
 * test infrastructure, with a {@link MutableClock} shared by all instances of a test, a service type {@code SLA-IT}
 * with a one-hour standard (at risk after 48 minutes), and a fast sweep.
 */
final class MarkerScheduleApp implements AutoCloseable {

    static final String SERVICE_TYPE = "SLA-IT";
    static final Duration STANDARD = Duration.ofHours(1);
    static final Duration AT_RISK_AFTER = Duration.ofMinutes(48);
    static final Duration WAIT = Duration.ofSeconds(60);

    private final ConfigurableApplicationContext context;

    private MarkerScheduleApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static MarkerScheduleApp start(String database, MutableClock clock) {
        List<String> args = new ArrayList<>();
        PledgeTestInitializer.properties(PledgeInfrastructure.get(), TestTokens.get(), database)
                .forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(List.of(
                "--server.port=0",
                "--pledge.sla.sweep-interval=200ms",
                // replaces the configured catalogue (lists are replaced whole); the calendar CA-ON stays
                "--pledge.catalogue.service-types[0].code=" + SERVICE_TYPE,
                "--pledge.catalogue.service-types[0].names.en=SLA test service",
                "--pledge.catalogue.service-types[0].names.fr=Service de test SLA",
                "--pledge.catalogue.service-types[0].fee.amount=10.00",
                "--pledge.catalogue.service-types[0].fee.currency=CAD",
                "--pledge.catalogue.service-types[0].standard=" + STANDARD,
                "--pledge.catalogue.service-types[0].guaranteed=true",
                "--pledge.catalogue.service-types[0].calendar=CA-ON"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseServiceApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("slaTestClock", clock))
                .run(args.toArray(String[]::new));
        return new MarkerScheduleApp(context);
    }

    /**
     * Sends a command and waits for its outcome, at most {@link #WAIT}: a command that never answers fails the test
     * with a timeout instead of holding the build.
     */
    void send(Object command) {
        context.getBean(CommandGateway.class).sendAndWait(command, WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    MarkerSchedules clocks() {
        return context.getBean(MarkerSchedules.class);
    }

    MarkerSweeper sweeper() {
        return context.getBean(MarkerSweeper.class);
    }

    void submit(String caseId, Instant at) {
        send(new SubmitCaseCommand(caseId, SERVICE_TYPE, SubmissionChannel.WEB, at, null, null,
                new Applicant("ref-" + caseId, "A. Client", "client@example.org", null, null, "en-CA", PreferredChannel.EMAIL),
                new Money(new BigDecimal("10.00"), "CAD")));
    }

    /** The payloads of the case's events, from the event store. */
    List<Object> events(String caseId) {
        return context.getBean(EventStore.class).readEvents(caseId).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    long count(String caseId, Class<?> type) {
        return events(caseId).stream().filter(type::isInstance).count();
    }

    boolean atRiskAndBreachRecorded(String caseId) {
        return count(caseId, CaseMarkedAtRiskEvent.class) > 0 && count(caseId, ServiceStandardBreachedEvent.class) > 0;
    }

    /** Waits until {@code n} whole sweeps ran after this call (a sweep under way may have read the clock earlier). */
    void awaitSweeps(int n) {
        long target = sweeper().completedSweeps() + n + 1;
        Awaitility.await().atMost(WAIT).until(() -> sweeper().completedSweeps() >= target);
    }

    Map<String, Object> clockDocument(String caseId) {
        return context.getBean(MongoDatabaseFactory.class).getMongoDatabase()
                .getCollection(MarkerSchedules.COLLECTION).find(new Document("_id", caseId)).first();
    }

    @Override
    public void close() {
        context.close();
    }
}
