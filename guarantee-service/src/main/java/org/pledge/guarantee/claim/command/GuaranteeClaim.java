package org.pledge.guarantee.claim.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.guarantee.claim.api.Adjustment;
import org.pledge.guarantee.claim.api.AppliedPolicy;
import org.pledge.guarantee.claim.api.BankAccount;
import org.pledge.guarantee.claim.api.CaseReopenedNotedEvent;
import org.pledge.guarantee.claim.api.CaseResolutionNotedEvent;
import org.pledge.guarantee.claim.api.CaseWithdrawalNotedEvent;
import org.pledge.guarantee.claim.api.ClaimApprovalGivenEvent;
import org.pledge.guarantee.claim.api.ClaimClosedEvent;
import org.pledge.guarantee.claim.api.ClaimDecidedEvent;
import org.pledge.guarantee.claim.api.ClaimOpenedEvent;
import org.pledge.guarantee.claim.api.ClaimPolicyAppliedEvent;
import org.pledge.guarantee.claim.api.ClaimReevaluatedEvent;
import org.pledge.guarantee.claim.api.ClaimRuleException;
import org.pledge.guarantee.claim.api.ClaimSentToReviewEvent;
import org.pledge.guarantee.claim.api.ClaimStatus;
import org.pledge.guarantee.claim.api.ClosureReason;
import org.pledge.guarantee.claim.api.DecideRefundCommand;
import org.pledge.guarantee.claim.api.Decision;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.GuaranteedFeeRecordedEvent;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.OpenClaimCommand;
import org.pledge.guarantee.claim.api.PayoutDetailsRecordedEvent;
import org.pledge.guarantee.claim.api.RecordCaseReopenedCommand;
import org.pledge.guarantee.claim.api.RecordCaseResolvedCommand;
import org.pledge.guarantee.claim.api.RecordCaseWithdrawnCommand;
import org.pledge.guarantee.claim.api.RecordDeadlineRecalculatedCommand;
import org.pledge.guarantee.claim.api.RecordGuaranteedFeeCommand;
import org.pledge.guarantee.claim.api.RecordPayoutDetailsCommand;
import org.pledge.guarantee.claim.api.RecordRefundFailedCommand;
import org.pledge.guarantee.claim.api.RecordRefundPaidCommand;
import org.pledge.guarantee.claim.api.ReevaluateClaimCommand;
import org.pledge.guarantee.claim.api.RefundApprovedEvent;
import org.pledge.guarantee.claim.api.RefundFailedEvent;
import org.pledge.guarantee.claim.api.RefundIds;
import org.pledge.guarantee.claim.api.RefundInstructedEvent;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.claim.api.RefundRejectedEvent;
import org.pledge.guarantee.policy.api.Exclusion;
import org.pledge.guarantee.policy.api.PayoutMethod;

/**
 * The guarantee claim of one case (id {@link GuaranteeClaimIds#forCase}): it holds the fee paid at submission, opens
 * when the case's guaranteed standard is missed, is decided when the case resolves (a share of the fee by the lateness
 * counted, under the policy current then), approved automatically or by finance (four eyes, enforced here), and paid
 * exactly once through {@link RefundInstructedEvent}. The states and rules are described in {@code docs/guarantee.md}.
 *
 * <p><b>Amount.</b> {@code fee × percent / 100}, rounded to the fee currency's minor units, HALF_UP; the policy's
 * arithmetic (exclusions by outcome, the tier's percent, approvals by amount, the payout method) is {@link RefundRule}'s.
 *
 * <p><b>Case events in any order, any number of times.</b> Every case-event command is {@code CREATE_IF_MISSING}: a
 * resolution or withdrawal before the breach is noted and applied when the breach opens the claim; a repeat of
 * anything changes nothing. A command with nothing to record on a claim that does not exist yet (a reopening, a
 * breach of a standard that is not guaranteed) applies no event: Axon then stores nothing and the claim stays absent.
 * The commands of finance, the channel and the payment side ({@link DecideRefundCommand},
 * {@link RecordPayoutDetailsCommand}, {@link RecordRefundPaidCommand}, {@link RecordRefundFailedCommand},
 * {@link ReevaluateClaimCommand}) need an existing claim.
 *
 * <p><b>Four eyes.</b> Whoever last changed the claim (an approver, the admin whose circumstance re-evaluated it, the
 * channel that gave the account) never approves it; nobody approves twice in one round; above the second-approval
 * limit two distinct approvers are needed. A change of the amount voids the approvals given before it.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class GuaranteeClaim {

    @AggregateIdentifier
    private String claimId;
    private String caseId;
    private String serviceType;
    private String applicantReference;
    private String language;
    private ClaimStatus status;
    private boolean feeRecorded;
    private Money fee;
    private String paymentReference;
    private Instant breachedAt;
    private AppliedPolicy policy;
    // the case's resolution, once noted
    private boolean resolutionNoted;
    private String outcome;
    private String reasonCode;
    private int lateness;
    private Instant resolvedAt;
    private AppliedPolicy resolutionPolicy;
    private boolean withdrawalNoted;
    private Set<Instant> reopenings = new HashSet<>();
    // exceptional circumstances applied
    private Set<String> circumstances = new HashSet<>();
    private int subtractedDays;
    private String excludedBy;
    // the decision and its approval
    private boolean decided;
    private Money amount;
    private int approvalsRequired;
    private boolean reviewRequired;
    private List<String> approvals = new ArrayList<>();
    private String lastChangedBy;
    private int refundIssue;
    private String refundId;
    private PayoutMethod method;
    private BankAccount account;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected GuaranteeClaim() {
    }

    // ------------------------------------------------------------------------------------------------ case events

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordGuaranteedFeeCommand command) {
        adopt(command.claimId(), command.caseId());
        if (feeRecorded) {
            return; // recorded already: the fee recorded first stands
        }
        requireText(command.caseId(), "caseId");
        requireText(command.serviceType(), "serviceType");
        requireCaseClaim(command.claimId(), command.caseId());
        if (command.feePaid() != null && command.feePaid().amount().signum() < 0) {
            throw new IllegalArgumentException("a fee paid is never negative");
        }
        apply(new GuaranteedFeeRecordedEvent(command.claimId(), command.caseId(), command.serviceType(), command.feePaid(),
                command.submittedAt(), command.paymentReference()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenClaimCommand command) {
        adopt(command.claimId(), command.caseId());
        if (opened() || status == ClaimStatus.CLOSED) {
            return; // one claim per case, whatever is redelivered
        }
        requireText(command.caseId(), "caseId");
        requireText(command.serviceType(), "serviceType");
        requireCaseClaim(command.claimId(), command.caseId());
        Objects.requireNonNull(command.policy(), "policy");
        if (Boolean.FALSE.equals(command.guaranteedByCase()) || !command.policy().terms().guaranteed()) {
            return; // not guaranteed: nothing is owed, nothing to record
        }
        Money feePaid = fee != null ? fee : command.fee();
        Instant at = command.breachedAt();
        if (feePaid == null || feePaid.amount().signum() <= 0) {
            apply(new ClaimClosedEvent(command.claimId(), command.caseId(), ClosureReason.NO_FEE, command.policy().version(), null, at));
            return;
        }
        apply(new ClaimPolicyAppliedEvent(command.claimId(), command.caseId(), command.policy(), at));
        apply(new ClaimOpenedEvent(command.claimId(), command.caseId(), command.serviceType(), command.applicantReference(),
                command.language(), command.deadline(), at, feePaid, paymentReference, command.policy().version()));
        if (withdrawalNoted && command.policy().terms().exclusions().contains(Exclusion.WITHDRAWN)) {
            apply(new ClaimClosedEvent(claimId, caseId, ClosureReason.WITHDRAWN, command.policy().version(), null, at));
        } else if (resolutionNoted) {
            decide(resolutionPolicy, resolvedAt);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordCaseResolvedCommand command) {
        adopt(command.claimId(), command.caseId());
        if (resolutionNoted) {
            return; // a repeat, or a later resolution after a reopening: the amount fixed first stands
        }
        requireText(command.caseId(), "caseId");
        requireText(command.outcome(), "outcome");
        requireCaseClaim(command.claimId(), command.caseId());
        Objects.requireNonNull(command.policy(), "policy");
        if (command.latenessBusinessDays() < 0) {
            throw new IllegalArgumentException("lateness is never negative");
        }
        boolean open = status == ClaimStatus.OPEN;
        if (!open && (opened() || status == ClaimStatus.CLOSED || command.latenessBusinessDays() == 0)) {
            return; // decided or closed already; or on time and not breached: there is nothing to remember
        }
        apply(new CaseResolutionNotedEvent(command.claimId(), command.caseId(), command.outcome(), command.reasonCode(),
                command.latenessBusinessDays(), command.resolvedAt(), command.policy()));
        if (open) {
            decide(command.policy(), command.resolvedAt());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordCaseWithdrawnCommand command) {
        adopt(command.claimId(), command.caseId());
        if (withdrawalNoted || decided || status == ClaimStatus.CLOSED) {
            return; // a repeat; or decided already: the amount fixed first stands
        }
        requireText(command.caseId(), "caseId");
        requireCaseClaim(command.claimId(), command.caseId());
        Objects.requireNonNull(command.policy(), "policy");
        if (status == ClaimStatus.OPEN && command.policy().terms().exclusions().contains(Exclusion.WITHDRAWN)) {
            apply(new ClaimClosedEvent(claimId, caseId, ClosureReason.WITHDRAWN, command.policy().version(), null, command.withdrawnAt()));
            return;
        }
        apply(new CaseWithdrawalNotedEvent(command.claimId(), command.caseId(), command.withdrawnAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordCaseReopenedCommand command) {
        adopt(command.claimId(), command.caseId());
        if (!opened() || reopenings.contains(command.reopenedAt())) {
            return; // no claim to note it on (possibly none exists: no event), or a repeat
        }
        apply(new CaseReopenedNotedEvent(claimId, caseId, command.reopenedAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordDeadlineRecalculatedCommand command) {
        adopt(command.claimId(), command.caseId());
        if (reviewRequired || command.deadline() == null) {
            return;
        }
        boolean reviewable = status == ClaimStatus.OPEN || status == ClaimStatus.AWAITING_APPROVAL
                || status == ClaimStatus.AWAITING_PAYOUT_DETAILS || status == ClaimStatus.PAYMENT_FAILED;
        if (!reviewable) {
            return; // not breached (or no claim at all), or paying, paid or final: never clawed back
        }
        boolean undoesBreach = command.deadline().isAfter(breachedAt) && (resolvedAt == null || command.deadline().isAfter(resolvedAt));
        if (undoesBreach) {
            apply(new ClaimSentToReviewEvent(claimId, caseId, command.deadline(), command.recalculatedAt()));
        }
    }

    // ------------------------------------------------------------------------------------------------ circumstances

    @CommandHandler
    void handle(ReevaluateClaimCommand command) {
        requireText(command.circumstanceId(), "circumstanceId");
        Objects.requireNonNull(command.adjustment(), "adjustment");
        if (command.adjustment() == Adjustment.SUBTRACT_BUSINESS_DAYS && command.businessDays() < 1) {
            throw ClaimRuleException.input("claim.invalid-command", "a circumstance subtracts at least 1 business day");
        }
        if (circumstances.contains(command.circumstanceId())) {
            return; // once per circumstance
        }
        if (status == null) {
            return; // no claim recorded (only its identity): nothing to re-evaluate
        }
        boolean pending = status == ClaimStatus.WATCHING || status == ClaimStatus.OPEN;
        boolean redecidable = status == ClaimStatus.AWAITING_APPROVAL || status == ClaimStatus.AWAITING_PAYOUT_DETAILS
                || status == ClaimStatus.PAYMENT_FAILED;
        int days = command.adjustment() == Adjustment.EXCLUDE ? 0 : command.businessDays();
        if (pending) {
            // applied when the claim is decided
            apply(new ClaimReevaluatedEvent(claimId, caseId, command.circumstanceId(), command.adjustment(), days, null, null,
                    command.declaredBy(), command.at()));
            return;
        }
        if (!redecidable) {
            return; // paying, paid, rejected or closed: not changed
        }
        Money zero = new Money(BigDecimal.ZERO.setScale(amount.amount().scale()), amount.currency());
        if (command.adjustment() == Adjustment.EXCLUDE) {
            apply(new ClaimReevaluatedEvent(claimId, caseId, command.circumstanceId(), command.adjustment(), 0, amount, zero,
                    command.declaredBy(), command.at()));
            apply(new ClaimClosedEvent(claimId, caseId, ClosureReason.EXCLUDED_BY_CIRCUMSTANCE, policy.version(),
                    command.circumstanceId(), command.at()));
            return;
        }
        int counted = Math.max(0, lateness - subtractedDays - days);
        Optional<BigDecimal> percent = RefundRule.percentFor(policy.terms(), counted);
        Money newAmount = percent.map(p -> RefundRule.share(fee, p)).orElse(zero);
        Money previous = amount;
        apply(new ClaimReevaluatedEvent(claimId, caseId, command.circumstanceId(), command.adjustment(), days, previous, newAmount,
                command.declaredBy(), command.at()));
        if (percent.isEmpty()) {
            apply(new ClaimClosedEvent(claimId, caseId, ClosureReason.NOT_LATE, policy.version(), null, command.at()));
        } else if (newAmount.amount().compareTo(previous.amount()) != 0) {
            decideAmount(percent.get(), counted, command.at()); // a new amount: the approvals given before are void
        }
    }

    // ------------------------------------------------------------------------------------------------ finance

    @CommandHandler
    void handle(DecideRefundCommand command) {
        requireText(command.by(), "by");
        Objects.requireNonNull(command.decision(), "decision");
        if (status != ClaimStatus.AWAITING_APPROVAL && status != ClaimStatus.PAYMENT_FAILED) {
            throw ClaimRuleException.state("claim.not-awaiting-approval", "claim " + claimId + " is " + status
                    + ": it does not await a decision");
        }
        if (command.decision() == Decision.REJECT) {
            if (command.reason() == null || command.reason().isBlank()) {
                throw ClaimRuleException.input("claim.reason-required", "a rejection needs a reason");
            }
            apply(new RefundRejectedEvent(claimId, caseId, amount, command.by(), command.reason(), serviceType, applicantReference,
                    language, command.at()));
            return;
        }
        if (approvals.contains(command.by())) {
            throw ClaimRuleException.fourEyes("claim.already-approved", "you approved this claim already; another finance user must");
        }
        if (command.by().equals(lastChangedBy)) {
            throw ClaimRuleException.fourEyes("claim.four-eyes", "you changed this claim last; another finance user must approve it");
        }
        PayoutMethod payout = payoutMethod().orElseThrow(() -> ClaimRuleException.input("claim.no-payout-method",
                "the policy allows no payout method this claim can be paid by"));
        int required = roundApprovals();
        int given = approvals.size() + 1;
        apply(new ClaimApprovalGivenEvent(claimId, caseId, command.by(), given, required, command.reason(), command.at()));
        if (given >= required) {
            List<String> approvers = new ArrayList<>(approvals);
            approveRefund(approvers, payout, command.at());
        }
    }

    // ------------------------------------------------------------------------------------------------ payout

    @CommandHandler
    void handle(RecordPayoutDetailsCommand command) {
        requireText(command.by(), "by");
        BankAccount given = Objects.requireNonNull(command.account(), "account");
        switch (status == null ? ClaimStatus.WATCHING : status) {
            case WATCHING -> throw ClaimRuleException.state("claim.not-open", "claim " + claimId + " is not open");
            case PAYING -> throw ClaimRuleException.state("claim.refund-under-way", "a refund of claim " + claimId + " is being paid");
            case PAID, REJECTED, CLOSED -> throw ClaimRuleException.state("claim.closed", "claim " + claimId + " is " + status);
            default -> {
            }
        }
        if (applicantReference == null || !applicantReference.equals(given.holderReference())) {
            throw ClaimRuleException.input("claim.holder-mismatch", "the account's holder is not the claim's applicant");
        }
        if (given.equals(account)) {
            return; // the same account again
        }
        apply(new PayoutDetailsRecordedEvent(claimId, caseId, given, command.by(), command.at()));
        if (status == ClaimStatus.AWAITING_PAYOUT_DETAILS) {
            instruct(command.at());
        }
    }

    @CommandHandler
    void handle(RecordRefundPaidCommand command) {
        if (refundId == null || !refundId.equals(command.refundId())
                || (status != ClaimStatus.PAYING && status != ClaimStatus.PAYMENT_FAILED)) {
            return; // a repeat, or another refund of the claim
        }
        apply(new RefundPaidEvent(claimId, caseId, refundId, amount, method, command.paymentId(), serviceType, applicantReference,
                language, command.paidAt()));
    }

    @CommandHandler
    void handle(RecordRefundFailedCommand command) {
        if (refundId == null || !refundId.equals(command.refundId()) || status != ClaimStatus.PAYING) {
            return; // a repeat, or another refund of the claim
        }
        apply(new RefundFailedEvent(claimId, caseId, refundId, amount, method, command.reason(), serviceType, applicantReference,
                language, command.failedAt()));
    }

    // ------------------------------------------------------------------------------------------------ deciding

    /** Applies the noted resolution under {@code applied}: closes the claim for an exclusion, or fixes the amount. */
    private void decide(AppliedPolicy applied, Instant at) {
        if (policy == null || applied.version() != policy.version() || !applied.serviceType().equals(policy.serviceType())) {
            apply(new ClaimPolicyAppliedEvent(claimId, caseId, applied, at));
        }
        Optional<ClosureReason> excluded = RefundRule.excludedOutcome(applied.terms(), outcome, reasonCode);
        if (excluded.isPresent()) {
            apply(new ClaimClosedEvent(claimId, caseId, excluded.get(), applied.version(), null, at));
            return;
        }
        if (excludedBy != null) {
            apply(new ClaimClosedEvent(claimId, caseId, ClosureReason.EXCLUDED_BY_CIRCUMSTANCE, applied.version(), excludedBy, at));
            return;
        }
        int counted = Math.max(0, lateness - subtractedDays);
        Optional<BigDecimal> percent = RefundRule.percentFor(applied.terms(), counted);
        if (percent.isEmpty()) {
            apply(new ClaimClosedEvent(claimId, caseId, ClosureReason.NOT_LATE, applied.version(), null, at));
            return;
        }
        decideAmount(percent.get(), counted, at);
    }

    /** Fixes the amount for {@code percent} % (policy {@link #policy}), then approves it when no approval is needed. */
    private void decideAmount(BigDecimal percent, int counted, Instant at) {
        Money share = RefundRule.share(fee, percent);
        int required = approvalsFor(share);
        apply(new ClaimDecidedEvent(claimId, caseId, lateness, counted, percent, share, policy.version(), required, reviewRequired, at));
        if (required == 0) {
            approveRefund(List.of(), payoutMethod().orElseThrow(), at);
        }
    }

    private int approvalsFor(Money share) {
        int required = RefundRule.approvalsByAmount(policy.terms(), share);
        if (required == 0 && (reviewRequired || status == ClaimStatus.PAYMENT_FAILED || payoutMethod().isEmpty())) {
            required = 1; // never paid automatically: under review, failed before, or no payout method fits
        }
        return required;
    }

    /** The approvals this round needs: a failed payment is approved again by at least one finance user. */
    private int roundApprovals() {
        return Math.max(status == ClaimStatus.PAYMENT_FAILED || reviewRequired ? 1 : 0, approvalsRequired);
    }

    private void approveRefund(List<String> approvers, PayoutMethod payout, Instant at) {
        String id = RefundIds.of(claimId, refundIssue + 1);
        apply(new RefundApprovedEvent(claimId, caseId, id, amount, approvers, payout, serviceType, applicantReference, language, at));
        if (payout == PayoutMethod.ORIGINAL_PAYMENT_METHOD || (account != null && !account.erased())) {
            instruct(at);
        }
    }

    private void instruct(Instant at) {
        boolean original = method == PayoutMethod.ORIGINAL_PAYMENT_METHOD;
        apply(new RefundInstructedEvent(claimId, caseId, refundId, amount, method, original ? paymentReference : null,
                original ? null : account, serviceType, at));
    }

    private Optional<PayoutMethod> payoutMethod() {
        return RefundRule.payoutMethod(policy.terms(), paymentReference);
    }

    private boolean opened() {
        return breachedAt != null;
    }

    // ------------------------------------------------------------------------------------------------ event sourcing

    @EventSourcingHandler
    void on(GuaranteedFeeRecordedEvent event) {
        identify(event.claimId(), event.caseId());
        serviceType = serviceType == null ? event.serviceType() : serviceType;
        feeRecorded = true;
        if (!opened()) {
            fee = event.feePaid();
        }
        if (paymentReference == null) {
            paymentReference = event.paymentReference();
        }
        if (status == null) {
            status = ClaimStatus.WATCHING;
        }
    }

    @EventSourcingHandler
    void on(ClaimPolicyAppliedEvent event) {
        identify(event.claimId(), event.caseId());
        policy = event.policy();
    }

    @EventSourcingHandler
    void on(ClaimOpenedEvent event) {
        identify(event.claimId(), event.caseId());
        serviceType = event.serviceType();
        applicantReference = event.applicantReference();
        language = event.language();
        breachedAt = event.breachedAt();
        fee = event.fee();
        status = ClaimStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CaseResolutionNotedEvent event) {
        identify(event.claimId(), event.caseId());
        resolutionNoted = true;
        outcome = event.outcome();
        reasonCode = event.reasonCode();
        lateness = event.latenessBusinessDays();
        resolvedAt = event.resolvedAt();
        resolutionPolicy = event.policy();
        if (status == null) {
            status = ClaimStatus.WATCHING;
        }
    }

    @EventSourcingHandler
    void on(CaseWithdrawalNotedEvent event) {
        identify(event.claimId(), event.caseId());
        withdrawalNoted = true;
        if (status == null) {
            status = ClaimStatus.WATCHING;
        }
    }

    @EventSourcingHandler
    void on(CaseReopenedNotedEvent event) {
        reopenings.add(event.reopenedAt());
    }

    @EventSourcingHandler
    void on(ClaimSentToReviewEvent event) {
        reviewRequired = true;
        if (status == ClaimStatus.AWAITING_PAYOUT_DETAILS) {
            // approved automatically but not instructed yet: back to finance
            status = ClaimStatus.AWAITING_APPROVAL;
            approvals = new ArrayList<>();
            approvalsRequired = Math.max(1, approvalsRequired);
        }
    }

    @EventSourcingHandler
    void on(ClaimReevaluatedEvent event) {
        circumstances.add(event.circumstanceId());
        if (event.adjustment() == Adjustment.EXCLUDE) {
            excludedBy = event.circumstanceId();
        } else {
            subtractedDays += event.businessDays();
        }
        if (event.newAmount() != null) {
            amount = event.newAmount();
        }
        if (event.declaredBy() != null) {
            lastChangedBy = event.declaredBy();
        }
    }

    @EventSourcingHandler
    void on(ClaimDecidedEvent event) {
        decided = true;
        amount = event.amount();
        approvalsRequired = event.approvalsRequired();
        approvals = new ArrayList<>();
        status = ClaimStatus.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(ClaimApprovalGivenEvent event) {
        approvals.add(event.approver());
        lastChangedBy = event.approver();
    }

    @EventSourcingHandler
    void on(RefundApprovedEvent event) {
        refundIssue++;
        refundId = event.refundId();
        method = event.method();
        approvals = new ArrayList<>();
        status = ClaimStatus.AWAITING_PAYOUT_DETAILS;
    }

    @EventSourcingHandler
    void on(PayoutDetailsRecordedEvent event) {
        account = event.account();
        lastChangedBy = event.by();
    }

    @EventSourcingHandler
    void on(RefundInstructedEvent event) {
        status = ClaimStatus.PAYING;
    }

    @EventSourcingHandler
    void on(RefundPaidEvent event) {
        status = ClaimStatus.PAID;
    }

    @EventSourcingHandler
    void on(RefundFailedEvent event) {
        status = ClaimStatus.PAYMENT_FAILED;
        approvals = new ArrayList<>();
    }

    @EventSourcingHandler
    void on(RefundRejectedEvent event) {
        status = ClaimStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ClaimClosedEvent event) {
        identify(event.claimId(), event.caseId());
        status = ClaimStatus.CLOSED;
    }

    /**
     * Gives a new claim (created by {@code CREATE_IF_MISSING}) its identity before anything else, also when the command
     * then records nothing: Axon's caching repository keeps the aggregate by its identifier, which must not be null.
     * No event is stored then, so the claim stays absent from the event store and the read model.
     */
    private void adopt(String claim, String ofCase) {
        if (claimId == null) {
            requireText(ofCase, "caseId");
            requireCaseClaim(claim, ofCase);
            identify(claim, ofCase);
        }
    }

    private void identify(String claim, String ofCase) {
        claimId = claim;
        caseId = ofCase;
    }

    private static void requireCaseClaim(String claimId, String caseId) {
        if (!GuaranteeClaimIds.forCase(caseId).equals(claimId)) {
            throw new IllegalArgumentException("claim " + claimId + " is not the claim of case " + caseId);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
