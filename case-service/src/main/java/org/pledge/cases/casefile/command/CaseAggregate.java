package org.pledge.cases.casefile.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.pledge.cases.casefile.command.CaseCommandRules.require;
import static org.pledge.cases.casefile.command.CaseCommandRules.requireReasonCode;
import static org.pledge.cases.casefile.command.CaseCommandRules.requireSane;
import static org.pledge.cases.casefile.command.CaseCommandRules.requireText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.InvalidCaseCommandException;
import org.pledge.cases.casefile.api.MarkCaseAtRiskCommand;
import org.pledge.cases.casefile.api.MarkServiceStandardBreachedCommand;
import org.pledge.cases.casefile.api.OpenFollowUpCaseCommand;
import org.pledge.cases.casefile.api.RecalculateDeadlineCommand;
import org.pledge.cases.casefile.api.RecordInformationReceivedCommand;
import org.pledge.cases.casefile.api.ReopenCaseCommand;
import org.pledge.cases.casefile.api.RequestInformationCommand;
import org.pledge.cases.casefile.api.ResolveCaseCommand;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.casefile.api.WithdrawCaseCommand;
import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.cases.sla.ServiceStandardClockSpec;
import org.pledge.cases.sla.Pause;
import org.pledge.cases.sla.ServiceStandard;
import org.pledge.cases.sla.ServiceStandardClock;

/**
 * A case and its service-standard clock: it decides, from its own state, which commands it accepts and what they
 * record. What a command must carry whatever the state is {@link CaseCommandRules}'; what a new case starts with is
 * {@link CaseOpening}'s; the clock's arithmetic is {@link ServiceStandardClock}'s.
 *
 * <p>Lifecycle: SUBMITTED → ASSIGNED → IN_PROGRESS ⇄ AWAITING_INFORMATION (clock paused) → RESOLVED, or
 * WITHDRAWN from any open state; RESOLVED → IN_PROGRESS on reopening. Reassignment is allowed while open.
 *
 * <p>Clock rules (the decisions behind them are in the package's documentation):
 * <ul>
 *   <li>Time comes only from commands; a command older than the case's last change is rejected
 *       ({@code case.command-out-of-order}).</li>
 *   <li>At-risk and breach are each recorded once. Before any other change, and after any change of the clock, a
 *       marker due at the command's instant is recorded at once (at-risk first), unless paused or closed.</li>
 *   <li>Once the breach is recorded the deadline is frozen, and a resolution is never on time.</li>
 *   <li>Reopening resumes the same clock, counting the time the case was closed as a pause.</li>
 *   <li>The calendar is looked up by the version the case recorded; a newer one is adopted only through
 *       {@link RecalculateDeadlineCommand}.</li>
 * </ul>
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class CaseAggregate {

    private static final CaseStatus[] OPEN_STATES = {CaseStatus.SUBMITTED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS,
            CaseStatus.AWAITING_INFORMATION};

    @AggregateIdentifier
    private String caseId;
    private CaseStatus status;
    private String followUpRequestId;
    private String assignee;
    private ServiceStandard standard;
    private BigDecimal atRiskShare;
    private String calendarId;
    private int calendarVersion;
    private Instant clockStartedAt;
    private List<Pause> pauses = new ArrayList<>();
    private Instant pausedSince;
    private Instant deadline;
    private Instant atRiskAt;
    private boolean atRiskMarked;
    private boolean breached;
    private Instant resolvedAt;
    private Instant lastChangeAt;
    @AggregateMember // what the client was told: recorded by ClientNotifications' own rule, in any state
    private ClientNotifications notifications = new ClientNotifications();

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected CaseAggregate() {
    }

    @CommandHandler
    public CaseAggregate(SubmitCaseCommand command, ServiceCatalogue catalogue, BusinessCalendars calendars) {
        Instant receivedAt = CaseCommandRules.clockStartOf(command);
        open(CaseOpening.submitted(command.caseId(), command.serviceTypeCode(), command.channel(), command.submittedAt(), receivedAt,
                command.receivedAt() == null ? null : command.receivedAtStatedBy(), command.applicant(), command.feePaid(),
                command.feeReductionReason(), true, null, null, null, null, command.paymentReference(), catalogue, calendars));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenFollowUpCaseCommand command, ServiceCatalogue catalogue, BusinessCalendars calendars) {
        requireText(command.followUpRequestId(), "followUpRequestId");
        if (caseId != null) {
            if (command.followUpRequestId().equals(followUpRequestId)) {
                return; // a repeated request: the follow-up case exists already
            }
            throw new InvalidCaseCommandException(InvalidCaseCommandException.CASE_EXISTS, "case " + caseId + " exists already");
        }
        requireText(command.previousCaseId(), "previousCaseId");
        require(command.openedAt() != null, "openedAt");
        requireReasonCode(command.reason());
        requireText(command.owner(), "owner"); // the follow-up belongs to the earlier case's channel client, not to its requester
        requireSane(command.openedAt(), "openedAt");
        open(CaseOpening.submitted(command.caseId(), command.serviceTypeCode(), SubmissionChannel.FOLLOW_UP, command.openedAt(),
                command.openedAt(), null, command.applicant(), command.feePaid(), null, false, command.previousCaseId(),
                command.followUpRequestId(), command.reason(), command.owner(), null, catalogue, calendars));
    }

    @CommandHandler
    public void handle(AssignCaseCommand command) {
        CaseCommandRules.requireStatus(command, caseId, status, OPEN_STATES);
        requireText(command.assignee(), "assignee");
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        recordDueMarkers(command.now());
        if (!command.assignee().equals(assignee)) {
            apply(new CaseAssignedEvent(caseId, command.assignee(), command.now()));
        }
    }

    @CommandHandler
    public void handle(StartWorkOnCaseCommand command) {
        CaseCommandRules.requireStatus(command, caseId, status, CaseStatus.ASSIGNED);
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        recordDueMarkers(command.now());
        apply(new CaseWorkStartedEvent(caseId, command.now()));
    }

    @CommandHandler
    public void handle(RequestInformationCommand command) {
        CaseCommandRules.requireStatus(command, caseId, status, CaseStatus.IN_PROGRESS);
        requireReasonCode(command.reasonCode());
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        recordDueMarkers(command.now());
        apply(new InformationRequestedEvent(caseId, command.reasonCode(), command.now()));
    }

    @CommandHandler
    public void handle(RecordInformationReceivedCommand command, BusinessCalendars calendars) {
        CaseCommandRules.requireStatus(command, caseId, status, CaseStatus.AWAITING_INFORMATION);
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        ServiceStandardClockSpec resumed = clock(calendar(calendars)).withPauseClosedAt(command.now());
        apply(new InformationReceivedEvent(caseId, pausedSince, command.now(),
                deadlineOf(resumed), atRiskAtOf(resumed)));
        recordDueMarkers(command.now());
    }

    @CommandHandler
    public void handle(MarkCaseAtRiskCommand command) {
        if (atRiskMarked || !status.isOpen() || pausedSince != null || command.now() == null || command.now().isBefore(atRiskAt)) {
            return; // idempotent: nothing to record
        }
        apply(new CaseMarkedAtRiskEvent(caseId, atRiskAt, deadline, command.now()));
    }

    @CommandHandler
    public void handle(MarkServiceStandardBreachedCommand command) {
        if (breached || !status.isOpen() || pausedSince != null || command.now() == null || command.now().isBefore(deadline)) {
            return; // idempotent: nothing to record
        }
        recordDueMarkers(command.now()); // the at-risk marker first, if it was missed
    }

    @CommandHandler
    public void handle(ResolveCaseCommand command, BusinessCalendars calendars) {
        CaseCommandRules.requireStatus(command, caseId, status, CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_INFORMATION);
        require(command.outcome() != null, "outcome");
        requireText(command.note(), "note");
        if (command.reasonCode() != null) {
            requireReasonCode(command.reasonCode());
        }
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        recordDueMarkers(command.now());
        BusinessCalendar calendar = calendar(calendars);
        Instant measuredAgainst = deadlineOf(clock(calendar).withPauseClosedAt(command.now()));
        int lateness = ServiceStandardClock.latenessBusinessDays(standard, calendar, measuredAgainst, command.now());
        apply(new CaseResolvedEvent(caseId, command.outcome(), command.note(), command.now(), !breached && lateness == 0,
                lateness, measuredAgainst, command.reasonCode()));
    }

    @CommandHandler
    public void handle(WithdrawCaseCommand command) {
        CaseCommandRules.requireStatus(command, caseId, status, OPEN_STATES);
        require(command.withdrawnBy() != null, "withdrawnBy");
        requireText(command.reason(), "reason");
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        recordDueMarkers(command.now());
        apply(new CaseWithdrawnEvent(caseId, command.withdrawnBy(), command.reason(), command.now()));
    }

    @CommandHandler
    public void handle(ReopenCaseCommand command, BusinessCalendars calendars) {
        CaseCommandRules.requireStatus(command, caseId, status, CaseStatus.RESOLVED);
        requireText(command.reason(), "reason");
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        ServiceStandardClockSpec resumed = clock(calendar(calendars)).withPause(new Pause(resolvedAt, command.now()));
        apply(new CaseReopenedEvent(caseId, command.reason(), resolvedAt, command.now(),
                deadlineOf(resumed), atRiskAtOf(resumed)));
        recordDueMarkers(command.now());
    }

    @CommandHandler
    public void handle(RecalculateDeadlineCommand command, BusinessCalendars calendars) {
        if (!status.isOpen()) {
            return; // resolved and withdrawn cases keep their deadline
        }
        if (!calendarId.equals(command.calendarId())) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.CALENDAR_MISMATCH,
                    "case " + caseId + " counts in calendar " + calendarId + ", not " + command.calendarId());
        }
        if (command.calendarVersion() <= calendarVersion) {
            return; // already on this version or a newer one
        }
        CaseCommandRules.requireInOrder(command.now(), lastChangeAt);
        recordDueMarkers(command.now());
        BusinessCalendar newCalendar = calendars.version(command.calendarId(), command.calendarVersion())
                .orElseThrow(() -> CaseCommandRules.unknownCalendar(command.calendarId(), command.calendarVersion()));
        ServiceStandardClockSpec recalculated = clock(newCalendar);
        apply(new DeadlineRecalculatedEvent(caseId, newCalendar.id(), newCalendar.version(),
                deadlineOf(recalculated), atRiskAtOf(recalculated), command.now()));
        recordDueMarkers(command.now());
    }

    // ---------------------------------------------------------------- event sourcing

    @EventSourcingHandler
    void on(CaseSubmittedEvent event) {
        caseId = event.caseId();
        status = CaseStatus.SUBMITTED;
        followUpRequestId = event.followUpRequestId();
        standard = ServiceStandard.parse(event.serviceStandard());
        atRiskShare = event.atRiskShare();
        calendarId = event.calendarId();
        calendarVersion = event.calendarVersion();
        clockStartedAt = event.receivedAt();
        deadline = event.deadline();
        atRiskAt = event.atRiskAt();
        touch(event.submittedAt());
    }

    @EventSourcingHandler
    void on(CaseAssignedEvent event) {
        assignee = event.assignee();
        if (status == CaseStatus.SUBMITTED) {
            status = CaseStatus.ASSIGNED;
        }
        touch(event.assignedAt());
    }

    @EventSourcingHandler
    void on(CaseWorkStartedEvent event) {
        status = CaseStatus.IN_PROGRESS;
        touch(event.startedAt());
    }

    @EventSourcingHandler
    void on(InformationRequestedEvent event) {
        status = CaseStatus.AWAITING_INFORMATION;
        pausedSince = event.requestedAt();
        touch(event.requestedAt());
    }

    @EventSourcingHandler
    void on(InformationReceivedEvent event) {
        pauses.add(new Pause(event.pausedSince(), event.receivedAt()));
        pausedSince = null;
        status = CaseStatus.IN_PROGRESS;
        deadline = event.deadline();
        atRiskAt = event.atRiskAt();
        touch(event.receivedAt());
    }

    @EventSourcingHandler
    void on(CaseMarkedAtRiskEvent event) {
        atRiskMarked = true;
        touch(event.markedAt());
    }

    @EventSourcingHandler
    void on(ServiceStandardBreachedEvent event) {
        breached = true;
        touch(event.markedAt());
    }

    @EventSourcingHandler
    void on(CaseResolvedEvent event) {
        closePauseAt(event.resolvedAt());
        status = CaseStatus.RESOLVED;
        resolvedAt = event.resolvedAt();
        deadline = event.deadline();
        touch(event.resolvedAt());
    }

    @EventSourcingHandler
    void on(CaseWithdrawnEvent event) {
        closePauseAt(event.withdrawnAt());
        status = CaseStatus.WITHDRAWN;
        touch(event.withdrawnAt());
    }

    @EventSourcingHandler
    void on(CaseReopenedEvent event) {
        pauses.add(new Pause(event.resolvedAt(), event.reopenedAt()));
        status = CaseStatus.IN_PROGRESS;
        resolvedAt = null;
        deadline = event.deadline();
        atRiskAt = event.atRiskAt();
        touch(event.reopenedAt());
    }

    @EventSourcingHandler
    void on(DeadlineRecalculatedEvent event) {
        calendarVersion = event.calendarVersion();
        deadline = event.deadline();
        atRiskAt = event.atRiskAt();
        touch(event.recalculatedAt());
    }

    /** A pause in progress ends when the case closes. */
    private void closePauseAt(Instant at) {
        if (pausedSince != null) {
            pauses.add(new Pause(pausedSince, at));
            pausedSince = null;
        }
    }

    /** The case's last change never moves back (a late scheduler command may carry an older instant). */
    private void touch(Instant at) {
        if (lastChangeAt == null || at.isAfter(lastChangeAt)) {
            lastChangeAt = at;
        }
    }

    /** Records the opening of the case, then the markers already due at its submission ({@link CaseOpening#markersDueAt}). */
    private void open(CaseSubmittedEvent submitted) {
        apply(submitted);
        CaseOpening.markersDueAt(submitted).forEach(AggregateLifecycle::apply);
    }

    /** Records the at-risk and breach markers due at {@code now}, in that order, each once; not while paused or closed. */
    private void recordDueMarkers(Instant now) {
        if (!status.isOpen() || pausedSince != null) {
            return;
        }
        if (!atRiskMarked && !now.isBefore(atRiskAt)) {
            apply(new CaseMarkedAtRiskEvent(caseId, atRiskAt, deadline, now));
        }
        if (!breached && !now.isBefore(deadline)) {
            apply(new ServiceStandardBreachedEvent(caseId, deadline, now));
        }
    }

    /** The deadline by this clock; after a breach the recorded one, frozen. */
    private Instant deadlineOf(ServiceStandardClockSpec clock) {
        return breached ? deadline : ServiceStandardClock.deadline(clock);
    }

    /** The at-risk instant by this clock; after a breach the recorded one, frozen. */
    private Instant atRiskAtOf(ServiceStandardClockSpec clock) {
        return breached ? atRiskAt : ServiceStandardClock.atRiskAt(clock);
    }

    private ServiceStandardClockSpec clock(BusinessCalendar calendar) {
        return new ServiceStandardClockSpec(standard, calendar, atRiskShare, clockStartedAt, pauses, pausedSince);
    }

    private BusinessCalendar calendar(BusinessCalendars calendars) {
        return calendars.version(calendarId, calendarVersion)
                .orElseThrow(() -> CaseCommandRules.unknownCalendar(calendarId, calendarVersion));
    }
}
