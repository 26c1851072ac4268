package org.pledge.cases.casefile.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.FeeReduction;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.InvalidCaseCommandException;
import org.pledge.cases.casefile.api.InvalidCaseTransitionException;
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
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.cases.sla.ServiceStandardClockSpec;
import org.pledge.cases.sla.Pause;
import org.pledge.cases.sla.ServiceStandard;
import org.pledge.cases.sla.ServiceStandardClock;
import org.pledge.platform.validation.ContactRules;
import org.pledge.platform.validation.InstantRules;
import org.pledge.platform.validation.TextRules;

/**
 * A case and its service-standard clock.
 *
 * <p>Lifecycle: SUBMITTED → ASSIGNED → IN_PROGRESS ⇄ AWAITING_INFORMATION (clock paused) → RESOLVED, or
 * WITHDRAWN from any open state; RESOLVED → IN_PROGRESS on reopening. Reassignment is allowed while open.
 *
 * <p>Clock rules (the arithmetic is {@link ServiceStandardClock}'s):
 * <ul>
 *   <li>Time comes only from commands ({@code now}, {@code submittedAt}, ...); a command older than the
 *       case's last change is rejected ({@code case.command-out-of-order}).</li>
 *   <li>At-risk and breach are each recorded once per case. Before any other change, and after any change
 *       of the clock, a marker that is due at the command's instant is recorded at once (at-risk before
 *       breach), unless the clock is paused or the case is closed. So a deadline already past at
 *       submission fires at once, and a case resolved late always has its breach recorded first.</li>
 *   <li>Once the breach is recorded the deadline is frozen: later pauses, reopenings and calendar versions
 *       no longer move it (the promise was missed; a refund may already be under way), and a resolution is
 *       never "on time" after a breach.</li>
 *   <li>Reopening resumes the same clock, counting the time the case was closed as a pause: the client is
 *       not promised a fresh standard (a new request is a follow-up case), and the service is not charged
 *       for the time the case was rightly closed. At-risk and breach stay once per case.</li>
 *   <li>The business calendar is looked up by the version the case recorded (published versions never
 *       change); a newer version is adopted only through {@link RecalculateDeadlineCommand}.</li>
 * </ul>
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class CaseAggregate {

    private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

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

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected CaseAggregate() {
    }

    @CommandHandler
    public CaseAggregate(SubmitCaseCommand command, ServiceCatalogue catalogue, BusinessCalendars calendars) {
        requireText(command.caseId(), "caseId");
        require(command.channel() != null, "channel");
        require(command.submittedAt() != null, "submittedAt");
        if (command.channel() == SubmissionChannel.FOLLOW_UP) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FOLLOW_UP_NOT_SUBMITTABLE,
                    "a FOLLOW_UP case is not submitted: it is opened from the feedback flow, or by a caseworker with "
                            + "POST /api/cases/{caseId}/follow-ups on the earlier case");
        }
        requireSane(command.submittedAt(), "submittedAt");
        Instant receivedAt = command.submittedAt();
        if (command.receivedAt() != null) {
            requireSane(command.receivedAt(), "receivedAt");
            if (!command.channel().mayStateReceivedAt()) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_AT_NOT_ALLOWED,
                        "only paper and mail-in applications may state when they were received, not " + command.channel());
            }
            if (command.receivedAtStatedBy() == null || command.receivedAtStatedBy().isBlank()) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_AT_STATED_BY_MISSING,
                        "a stated receipt instant needs who stated it");
            }
            if (command.receivedAt().isAfter(command.submittedAt())) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_AT_IN_FUTURE,
                        "received at " + command.receivedAt() + " is after the submission at " + command.submittedAt());
            }
            receivedAt = command.receivedAt();
        }
        requireSubmittedApplicant(command.applicant());
        open(command.caseId(), command.serviceTypeCode(), command.channel(), command.submittedAt(), receivedAt,
                command.receivedAt() == null ? null : command.receivedAtStatedBy(), command.applicant(), command.feePaid(),
                command.feeReductionReason(), true, null, null, null, null, catalogue, calendars);
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
        open(command.caseId(), command.serviceTypeCode(), SubmissionChannel.FOLLOW_UP, command.openedAt(), command.openedAt(),
                null, command.applicant(), command.feePaid(), null, false, command.previousCaseId(), command.followUpRequestId(),
                command.reason(), command.owner(), catalogue, calendars);
    }

    @CommandHandler
    public void handle(AssignCaseCommand command) {
        requireStatus(command, CaseStatus.SUBMITTED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_INFORMATION);
        requireText(command.assignee(), "assignee");
        requireInOrder(command.now());
        recordDueMarkers(command.now());
        if (!command.assignee().equals(assignee)) {
            apply(new CaseAssignedEvent(caseId, command.assignee(), command.now()));
        }
    }

    @CommandHandler
    public void handle(StartWorkOnCaseCommand command) {
        requireStatus(command, CaseStatus.ASSIGNED);
        requireInOrder(command.now());
        recordDueMarkers(command.now());
        apply(new CaseWorkStartedEvent(caseId, command.now()));
    }

    @CommandHandler
    public void handle(RequestInformationCommand command) {
        requireStatus(command, CaseStatus.IN_PROGRESS);
        requireReasonCode(command.reasonCode());
        requireInOrder(command.now());
        recordDueMarkers(command.now());
        apply(new InformationRequestedEvent(caseId, command.reasonCode(), command.now()));
    }

    @CommandHandler
    public void handle(RecordInformationReceivedCommand command, BusinessCalendars calendars) {
        requireStatus(command, CaseStatus.AWAITING_INFORMATION);
        requireInOrder(command.now());
        ServiceStandardClockSpec resumed = clock(calendar(calendars)).withPauseClosedAt(command.now());
        apply(new InformationReceivedEvent(caseId, pausedSince, command.now(),
                breached ? deadline : ServiceStandardClock.deadline(resumed),
                breached ? atRiskAt : ServiceStandardClock.atRiskAt(resumed)));
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
        requireStatus(command, CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_INFORMATION);
        require(command.outcome() != null, "outcome");
        requireText(command.note(), "note");
        requireInOrder(command.now());
        recordDueMarkers(command.now());
        BusinessCalendar calendar = calendar(calendars);
        Instant measuredAgainst = breached ? deadline : ServiceStandardClock.deadline(clock(calendar).withPauseClosedAt(command.now()));
        int lateness = ServiceStandardClock.latenessBusinessDays(standard, calendar, measuredAgainst, command.now());
        apply(new CaseResolvedEvent(caseId, command.outcome(), command.note(), command.now(), !breached && lateness == 0,
                lateness, measuredAgainst));
    }

    @CommandHandler
    public void handle(WithdrawCaseCommand command) {
        requireStatus(command, CaseStatus.SUBMITTED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_INFORMATION);
        require(command.withdrawnBy() != null, "withdrawnBy");
        requireText(command.reason(), "reason");
        requireInOrder(command.now());
        recordDueMarkers(command.now());
        apply(new CaseWithdrawnEvent(caseId, command.withdrawnBy(), command.reason(), command.now()));
    }

    @CommandHandler
    public void handle(ReopenCaseCommand command, BusinessCalendars calendars) {
        requireStatus(command, CaseStatus.RESOLVED);
        requireText(command.reason(), "reason");
        requireInOrder(command.now());
        ServiceStandardClockSpec resumed = clock(calendar(calendars)).withPause(new Pause(resolvedAt, command.now()));
        apply(new CaseReopenedEvent(caseId, command.reason(), resolvedAt, command.now(),
                breached ? deadline : ServiceStandardClock.deadline(resumed),
                breached ? atRiskAt : ServiceStandardClock.atRiskAt(resumed)));
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
        requireInOrder(command.now());
        recordDueMarkers(command.now());
        BusinessCalendar newCalendar = calendars.version(command.calendarId(), command.calendarVersion())
                .orElseThrow(() -> unknownCalendar(command.calendarId(), command.calendarVersion()));
        ServiceStandardClockSpec recalculated = clock(newCalendar);
        apply(new DeadlineRecalculatedEvent(caseId, newCalendar.id(), newCalendar.version(),
                breached ? deadline : ServiceStandardClock.deadline(recalculated),
                breached ? atRiskAt : ServiceStandardClock.atRiskAt(recalculated), command.now()));
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
        if (pausedSince != null) {
            pauses.add(new Pause(pausedSince, event.resolvedAt()));
            pausedSince = null;
        }
        status = CaseStatus.RESOLVED;
        resolvedAt = event.resolvedAt();
        deadline = event.deadline();
        touch(event.resolvedAt());
    }

    @EventSourcingHandler
    void on(CaseWithdrawnEvent event) {
        if (pausedSince != null) {
            pauses.add(new Pause(pausedSince, event.withdrawnAt()));
            pausedSince = null;
        }
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

    // ---------------------------------------------------------------- helpers

    /** The case's last change never moves back (a late scheduler command may carry an older instant). */
    private void touch(Instant at) {
        if (lastChangeAt == null || at.isAfter(lastChangeAt)) {
            lastChangeAt = at;
        }
    }

    private void open(String id, String serviceTypeCode, SubmissionChannel channel, Instant submittedAt, Instant receivedAt,
                      String receivedAtStatedBy, Applicant applicant, Money feePaid, String feeReductionReason,
                      boolean submission, String previousCaseId,
                      String followUpRequest, String followUpReason, String owner, ServiceCatalogue catalogue,
                      BusinessCalendars calendars) {
        requireApplicant(applicant);
        if (feePaid == null) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_MISSING, "the fee paid is required (zero when waived)");
        }
        ServiceType serviceType = (serviceTypeCode == null ? java.util.Optional.<ServiceType>empty() : catalogue.find(serviceTypeCode))
                .orElseThrow(() -> new InvalidCaseCommandException(InvalidCaseCommandException.SERVICE_TYPE_UNKNOWN,
                        "no service type " + serviceTypeCode));
        if (submission) {
            feePaid.requireValid();
            requireCatalogueFee(feePaid, feeReductionReason, serviceType);
        }
        if (receivedAt.isBefore(serviceType.availableFrom())) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_BEFORE_SERVICE_EXISTED,
                    "received at " + receivedAt + ", before service type " + serviceTypeCode + " existed (" + serviceType.availableFrom() + ")");
        }
        BusinessCalendar calendar = calendars.current(serviceType.calendarId())
                .orElseThrow(() -> new InvalidCaseCommandException(InvalidCaseCommandException.CALENDAR_UNKNOWN,
                        "no business calendar " + serviceType.calendarId()));
        ServiceStandardClockSpec clock = ServiceStandardClockSpec.of(serviceType.standard(), calendar, serviceType.atRiskShare(), receivedAt);
        Instant newDeadline = ServiceStandardClock.deadline(clock);
        Instant newAtRiskAt = ServiceStandardClock.atRiskAt(clock);
        apply(new CaseSubmittedEvent(id, serviceType.code(), channel, submittedAt, receivedAt, receivedAtStatedBy, applicant,
                feePaid, serviceType.standard().toString(), serviceType.atRiskShare(), serviceType.guaranteed(), calendar.id(),
                calendar.version(), newDeadline, newAtRiskAt, previousCaseId, followUpRequest, followUpReason, owner,
                feeReductionReason));
        // Inside a creating handler Axon sources the applied events only after the handler returns, so the
        // markers due at once (a paper application keyed in late) are decided from the values just computed.
        if (!submittedAt.isBefore(newAtRiskAt)) {
            apply(new CaseMarkedAtRiskEvent(id, newAtRiskAt, newDeadline, submittedAt));
        }
        if (!submittedAt.isBefore(newDeadline)) {
            apply(new ServiceStandardBreachedEvent(id, newDeadline, submittedAt));
        }
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

    private ServiceStandardClockSpec clock(BusinessCalendar calendar) {
        return new ServiceStandardClockSpec(standard, calendar, atRiskShare, clockStartedAt, pauses, pausedSince);
    }

    private BusinessCalendar calendar(BusinessCalendars calendars) {
        return calendars.version(calendarId, calendarVersion).orElseThrow(() -> unknownCalendar(calendarId, calendarVersion));
    }

    private static InvalidCaseCommandException unknownCalendar(String id, int version) {
        return new InvalidCaseCommandException(InvalidCaseCommandException.CALENDAR_UNKNOWN,
                "no business calendar " + id + " version " + version);
    }

    private void requireStatus(Object command, CaseStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new InvalidCaseTransitionException(caseId, status, command.getClass().getSimpleName());
        }
    }

    private void requireInOrder(Instant now) {
        require(now != null, "now");
        if (now.isBefore(lastChangeAt)) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.OUT_OF_ORDER,
                    "command at " + now + " is older than the case's last change at " + lastChangeAt);
        }
    }

    private static void requireApplicant(Applicant applicant) {
        if (applicant == null || applicant.reference() == null || applicant.reference().isBlank()
                || applicant.name() == null || applicant.name().isBlank() || applicant.preferredChannel() == null) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.APPLICANT_INVALID,
                    "the applicant needs a reference, a name and a preferred channel");
        }
        if (!isLanguageTag(applicant.preferredLanguage())) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.LANGUAGE_INVALID,
                    "not a BCP 47 language tag: " + applicant.preferredLanguage());
        }
        String contact = switch (applicant.preferredChannel()) {
            case EMAIL -> applicant.email();
            case SMS -> applicant.phone();
            case LETTER -> applicant.postalAddress();
        };
        if (contact == null || contact.isBlank()) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.CONTACT_MISSING,
                    "preferred channel " + applicant.preferredChannel() + " has no contact point");
        }
    }

    /**
     * The fee rule of a submission: the fee paid is the catalogue's fee at receipt (same currency, numerically equal),
     * unless a {@link FeeReduction} reason says why it is less: a waiver pays 0, a concession less than the fee.
     * A follow-up is not a submission and pays nothing.
     */
    private static void requireCatalogueFee(Money paid, String reductionReason, ServiceType serviceType) {
        Money fee = serviceType.fee();
        if (!paid.currency().equals(fee.currency())) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_CURRENCY_MISMATCH,
                    "the fee of " + serviceType.code() + " is charged in " + fee.currency() + ", not " + paid.currency());
        }
        if (reductionReason == null) {
            if (paid.amount().compareTo(fee.amount()) != 0) {
                throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_MISMATCH,
                        "the fee of " + serviceType.code() + " is " + fee.amount().toPlainString() + " " + fee.currency()
                                + "; a different amount needs feePaid.reductionReason (" + FeeReduction.CODES + ")");
            }
            return;
        }
        FeeReduction reduction = FeeReduction.ofCode(reductionReason).orElseThrow(() -> new InvalidCaseCommandException(
                InvalidCaseCommandException.FEE_REDUCTION_INVALID, "unknown fee reduction reason; one of " + FeeReduction.CODES));
        if (reduction.waiver() && paid.amount().signum() != 0) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_REDUCTION_INVALID,
                    reduction.code() + " waives the fee: the amount paid must be 0");
        }
        if (paid.amount().compareTo(fee.amount()) >= 0) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_REDUCTION_INVALID,
                    "a fee reduction (" + reduction.code() + ") needs an amount below the fee of " + serviceType.code() + " ("
                            + fee.amount().toPlainString() + " " + fee.currency() + ")");
        }
    }

    /**
     * What a submission's applicant must be, beyond {@link #requireApplicant}: single-line reference and name, an email
     * by {@link ContactRules}, a phone already normalised to E.164 (the web layer does it), a postal address of a few
     * bounded lines. (A follow-up copies the earlier case's applicant as it was stored.)
     */
    private static void requireSubmittedApplicant(Applicant applicant) {
        if (applicant == null) {
            return; // requireApplicant says so
        }
        requireApplicantField(applicant.reference() == null || TextRules.isSingleLine(applicant.reference(), 128), "reference");
        requireApplicantField(applicant.name() == null || TextRules.isSingleLine(applicant.name(), 256), "name");
        requireApplicantField(applicant.email() == null || ContactRules.isEmail(applicant.email()), "email");
        requireApplicantField(applicant.phone() == null || E164.matcher(applicant.phone()).matches(), "phone");
        requireApplicantField(applicant.postalAddress() == null || ContactRules.isPostalAddress(applicant.postalAddress()), "postalAddress");
    }

    private static void requireApplicantField(boolean valid, String field) {
        if (!valid) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.APPLICANT_INVALID, "the applicant's " + field + " is not valid");
        }
    }

    private static void requireSane(Instant instant, String field) {
        if (!InstantRules.isSane(instant)) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.INSTANT_OUT_OF_RANGE, field + " " + InstantRules.MESSAGE);
        }
    }

    private static boolean isLanguageTag(String tag) {
        return ContactRules.isLanguageTag(tag);
    }

    private static void requireReasonCode(String reasonCode) {
        if (reasonCode == null || !REASON_CODE.matcher(reasonCode).matches()) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.REASON_CODE_INVALID,
                    "a reason code is a lower-case word of letters, digits, '.', '-' or '_', was " + reasonCode);
        }
    }

    private static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field);
    }

    private static void require(boolean condition, String field) {
        if (!condition) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FIELD_MISSING, field + " is required");
        }
    }
}
