package org.pledge.cases.casefile.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;

/**
 * Keeps {@link MarkerSchedules} ({@code sla_clocks}) in step with every case event that changes the clock. Idempotent: each
 * change is applied once per aggregate sequence number, so redelivery after a restart and a full replay (after
 * {@link #reset()}) leave the same documents. Errors propagate (the processor retries the event) instead of being
 * logged and skipped: a skipped event would leave a clock that never fires or fires wrongly.
 */
@ProcessingGroup(MarkerScheduleProjection.GROUP)
public class MarkerScheduleProjection {

    public static final String GROUP = "sla-clocks";

    private final MarkerSchedules clocks;

    public MarkerScheduleProjection(MarkerSchedules clocks) {
        this.clocks = clocks;
    }

    @EventHandler
    void on(CaseSubmittedEvent e, @SequenceNumber long seq) {
        clocks.start(e.caseId(), seq, MarkerSchedule.started(e.atRiskAt(), e.deadline()));
    }

    @EventHandler
    void on(InformationRequestedEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, MarkerSchedule::pause);
    }

    @EventHandler
    void on(InformationReceivedEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, c -> c.resume(e.atRiskAt(), e.deadline()));
    }

    @EventHandler
    void on(DeadlineRecalculatedEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, c -> c.rescheduled(e.atRiskAt(), e.deadline()));
    }

    @EventHandler
    void on(CaseMarkedAtRiskEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, MarkerSchedule::markedAtRisk);
    }

    @EventHandler
    void on(ServiceStandardBreachedEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, MarkerSchedule::breached);
    }

    @EventHandler
    void on(CaseResolvedEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, c -> c.close(e.deadline()));
    }

    @EventHandler
    void on(CaseWithdrawnEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, c -> c.close(null));
    }

    @EventHandler
    void on(CaseReopenedEvent e, @SequenceNumber long seq) {
        clocks.apply(e.caseId(), seq, c -> c.reopen(e.atRiskAt(), e.deadline()));
    }

    @ResetHandler
    void reset() {
        clocks.deleteAll();
    }
}
