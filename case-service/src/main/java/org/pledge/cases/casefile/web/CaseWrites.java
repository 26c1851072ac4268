package org.pledge.cases.casefile.web;

import java.util.Optional;
import java.util.OptionalLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.casefile.query.CaseSummary;
import org.pledge.platform.axon.AggregateVersion;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.pledge.platform.readmodel.ReadModelProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a case's commands for the web layer and answers only once the case's read model ({@code case_summaries}) shows
 * what the command stored, waiting at most {@code pledge.read-model.await-timeout}: a client that reads right after its
 * write sees it, whichever instance it asks (docs/adr/0007-read-your-writes.md). Returns the case's version (the
 * sequence number of its last event) for the response's entity tag.
 */
@Component
class CaseWrites {

    private static final Logger log = LoggerFactory.getLogger(CaseWrites.class);

    private final VersionedCommandGateway commands;
    private final CaseSummaries summaries;
    private final ReadModelProperties readModel;
    private final Timer waited;
    private final Timer timedOut;

    CaseWrites(VersionedCommandGateway commands, CaseSummaries summaries, ReadModelProperties readModel, MeterRegistry meters) {
        this.commands = commands;
        this.summaries = summaries;
        this.readModel = readModel;
        this.waited = Timer.builder("pledge.read.model.await").tag("readModel", "case_summaries").tag("outcome", "shown")
                .description("How long a write's response waited for the read model to show it")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.timedOut = Timer.builder("pledge.read.model.await").tag("readModel", "case_summaries").tag("outcome", "timed-out")
                .description("How long a write's response waited for the read model to show it")
                .register(meters);
    }

    /**
     * Sends {@code command} (for case {@code caseId}), then waits for the read model; the case's version afterwards, or
     * empty when neither the command nor the read model knows one.
     */
    OptionalLong send(String caseId, Object command) {
        Optional<AggregateVersion> version = commands.sendAndWait(command).version();
        if (version.isEmpty()) {
            return current(caseId); // nothing stored (e.g. assigning the current assignee): the summary is as current
        }
        long v = version.get().version();
        await(caseId, v);
        return OptionalLong.of(v);
    }

    /** Waits until the case's summary exists (a retried submission of a case stored before); its version then. */
    OptionalLong existing(String caseId) {
        await(caseId, 0);
        return current(caseId);
    }

    private void await(String caseId, long version) {
        long start = System.nanoTime();
        boolean shown = summaries.awaitVersion(caseId, version, readModel.awaitTimeout(), readModel.pollInterval());
        (shown ? waited : timedOut).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (!shown) {
            log.info("case_summaries did not show case {} version {} within {}; answering anyway", caseId, version,
                    readModel.awaitTimeout());
        }
    }

    private OptionalLong current(String caseId) {
        return summaries.find(caseId).map(CaseSummary::version).filter(v -> v >= 0)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** {@code W/"<version>"}: weak, since a case's representation also depends on the clock (days elapsed). */
    static String etag(long version) {
        return "W/\"" + version + "\"";
    }
}
