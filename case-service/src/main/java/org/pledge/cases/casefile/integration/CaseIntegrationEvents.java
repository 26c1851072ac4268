package org.pledge.cases.casefile.integration;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.query.CaseOrigins;
import org.pledge.cases.casefile.query.CaseOrigins.CaseOrigin;
import org.pledge.contracts.EventType;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.Money;
import org.pledge.contracts.cases.CaseAssignedV1;
import org.pledge.contracts.cases.CaseAtRiskV1;
import org.pledge.contracts.cases.CaseReopenedV1;
import org.pledge.contracts.cases.CaseResolvedV1;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.contracts.cases.CaseWithdrawnV1;
import org.pledge.contracts.cases.DeadlineRecalculatedV1;
import org.pledge.contracts.cases.InformationReceivedV1;
import org.pledge.contracts.cases.InformationRequestedV1;
import org.pledge.contracts.cases.ServiceStandardBreachedV1;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * Maps the Case aggregate's internal events to the {@code pledge.case.v1} contract.
 *
 * <p>Every contract event carries facts its internal event does not: service type, channel, applicant reference,
 * language and preferred channel (and, for a breach, the guarantee and the fee) come from the case's
 * {@link CaseSubmittedEvent} ({@link CaseOrigins#find}: the event store's sequence 0, cached without personal data;
 * only {@code pledge.case.submitted.v1} carries the applicant's name and contact points, taken from the event being
 * mapped itself, and left out once the client is erased), and the current deadline, for events that do not carry it, is folded from the
 * case's earlier events in the event store. Both are functions of the event store up to the event being mapped,
 * which never changes, so a retry or a restart of the publisher publishes the same data; no projection (which may
 * lag) is read. The last deadline seen per case is kept in a small cache so the fold is not repeated for each
 * event; a gap (restart, eviction) falls back to reading the stream.
 *
 * <p>{@code CaseWorkStartedEvent} is not published (no consumer needs it; not in the contract list).
 */
@Component
class CaseIntegrationEvents implements IntegrationEventMapper {

    private static final int DEADLINE_CACHE_SIZE = 10_000;

    private final CaseOrigins origins;
    private final EventStore eventStore;
    private final Map<String, KnownDeadline> deadlines = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KnownDeadline> eldest) {
            return size() > DEADLINE_CACHE_SIZE;
        }
    });

    private record KnownDeadline(long sequence, Instant deadline) {
    }

    /** The facts from the submission that every contract event repeats, in their contract form. */
    private record Facts(String serviceType, String channel, String reference, String language, String preferredChannel) {
        static Facts of(CaseOrigin o) {
            return new Facts(o.serviceTypeCode(), o.channel().name(), o.applicantReference(), o.preferredLanguage(),
                    o.preferredChannel() == null ? null : o.preferredChannel().name());
        }
    }

    CaseIntegrationEvents(CaseOrigins origins, EventStore eventStore) {
        this.origins = origins;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CaseSubmittedEvent submitted) {
            remember(event, submitted.caseId(), submitted.deadline());
            origins.learn(event);
            return Optional.of(out(EventTypes.CASE_SUBMITTED, submitted.caseId(), submitted(submitted)));
        }
        String caseId = caseIdOf(payload);
        if (caseId == null) {
            return Optional.empty();
        }
        Instant deadline = deadlineAfter(payload, deadlineBefore(event, caseId));
        remember(event, caseId, deadline);
        CaseOrigin origin = origins.find(caseId)
                .orElseThrow(() -> new IllegalStateException("no submission for case " + caseId)); // permanent: parked after a few tries
        return Optional.ofNullable(contract(payload, caseId, origin, deadline));
    }

    private OutboundIntegrationEvent contract(Object payload, String caseId, CaseOrigin origin, Instant deadline) {
        Facts f = Facts.of(origin);
        if (payload instanceof CaseAssignedEvent e) {
            return out(EventTypes.CASE_ASSIGNED, caseId, new CaseAssignedV1(caseId, f.serviceType(), f.channel(),
                    f.reference(), f.language(), f.preferredChannel(), deadline, e.assignedAt()));
        }
        if (payload instanceof InformationRequestedEvent e) {
            return out(EventTypes.CASE_INFORMATION_REQUESTED, caseId, new InformationRequestedV1(caseId,
                    f.serviceType(), f.channel(), f.reference(), f.language(), f.preferredChannel(), deadline, e.reasonCode(), e.requestedAt()));
        }
        if (payload instanceof InformationReceivedEvent e) {
            return out(EventTypes.CASE_INFORMATION_RECEIVED, caseId, new InformationReceivedV1(caseId,
                    f.serviceType(), f.channel(), f.reference(), f.language(), f.preferredChannel(), deadline, e.pausedSince(),
                    e.receivedAt(), e.atRiskAt()));
        }
        if (payload instanceof CaseMarkedAtRiskEvent e) {
            return out(EventTypes.CASE_AT_RISK, caseId, new CaseAtRiskV1(caseId, f.serviceType(), f.channel(),
                    f.reference(), f.language(), f.preferredChannel(), deadline, e.atRiskAt(), e.markedAt()));
        }
        if (payload instanceof ServiceStandardBreachedEvent e) {
            return out(EventTypes.CASE_SERVICE_STANDARD_BREACHED, caseId, new ServiceStandardBreachedV1(caseId, f.serviceType(),
                    f.channel(), f.reference(), f.language(), f.preferredChannel(), deadline, e.markedAt(), origin.guaranteed(),
                    money(origin.feePaid())));
        }
        if (payload instanceof CaseResolvedEvent e) {
            return out(EventTypes.CASE_RESOLVED, caseId, new CaseResolvedV1(caseId, f.serviceType(), f.channel(),
                    f.reference(), f.language(), f.preferredChannel(), deadline, e.outcome().name(), e.resolvedAt(), e.onTime(),
                    e.latenessInBusinessDays(), e.reasonCode()));
        }
        if (payload instanceof CaseWithdrawnEvent e) {
            return out(EventTypes.CASE_WITHDRAWN, caseId, new CaseWithdrawnV1(caseId, f.serviceType(), f.channel(),
                    f.reference(), f.language(), f.preferredChannel(), deadline, e.withdrawnBy().name(), e.withdrawnAt()));
        }
        if (payload instanceof CaseReopenedEvent e) {
            return out(EventTypes.CASE_REOPENED, caseId, new CaseReopenedV1(caseId, f.serviceType(), f.channel(),
                    f.reference(), f.language(), f.preferredChannel(), deadline, e.resolvedAt(), e.reopenedAt(), e.atRiskAt()));
        }
        if (payload instanceof DeadlineRecalculatedEvent e) {
            return out(EventTypes.CASE_DEADLINE_RECALCULATED, caseId, new DeadlineRecalculatedV1(caseId,
                    f.serviceType(), f.channel(), f.reference(), f.language(), f.preferredChannel(), deadline, e.calendarId(),
                    e.calendarVersion(), e.atRiskAt(), e.recalculatedAt()));
        }
        return null; // CaseWorkStartedEvent: internal only
    }

    /**
     * The contract of a submission. The applicant's name and contact points as the event store reads them now: once the
     * client is erased they read as the marker, and are left out (absent, never {@code "[erased]"}); when none is left,
     * so is the applicant object. So a submission published late (a lagging, replayed or parked-and-replayed publisher)
     * never carries an erased client's data.
     */
    static CaseSubmittedV1 submitted(CaseSubmittedEvent e) {
        var applicant = e.applicant();
        String name = Applicant.unlessErased(applicant.name());
        String email = Applicant.unlessErased(applicant.email());
        String phone = Applicant.unlessErased(applicant.phone());
        String postalAddress = Applicant.unlessErased(applicant.postalAddress());
        CaseSubmittedV1.Applicant contact = name == null && email == null && phone == null && postalAddress == null ? null
                : new CaseSubmittedV1.Applicant(name, email, phone, postalAddress);
        return new CaseSubmittedV1(e.caseId(), e.serviceTypeCode(), e.channel().name(), applicant.reference(),
                applicant.preferredLanguage(), applicant.preferredChannel() == null ? null : applicant.preferredChannel().name(),
                e.submittedAt(), e.receivedAt().equals(e.submittedAt()) ? null : e.receivedAt(), e.deadline(),
                contact, money(e.feePaid()), e.feeReductionReason(), e.paymentReference());
    }

    /**
     * The contract's form: the amount at the currency's minor units (120 → "120.00"; the domain allows no more decimals).
     * A stored amount outside the bounds (one stored before they existed, e.g. {@code 1e1000000}) is refused before it
     * is expanded: the event cannot be published, and the publisher parks it.
     */
    private static Money money(org.pledge.cases.catalogue.api.Money fee) {
        if (fee == null) {
            return null;
        }
        fee.requireValid();
        int digits = java.util.Currency.getInstance(fee.currency()).getDefaultFractionDigits();
        return new Money(fee.amount().setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString(), fee.currency());
    }

    private static OutboundIntegrationEvent out(EventType type, String caseId, Object data) {
        return OutboundIntegrationEvent.of(type.topic(), type.name(), caseId, data);
    }

    /** The case id of a case event, or null for any other event. */
    private static String caseIdOf(Object payload) {
        if (payload instanceof CaseAssignedEvent e) {
            return e.caseId();
        }
        if (payload instanceof CaseWorkStartedEvent e) {
            return e.caseId();
        }
        if (payload instanceof InformationRequestedEvent e) {
            return e.caseId();
        }
        if (payload instanceof InformationReceivedEvent e) {
            return e.caseId();
        }
        if (payload instanceof CaseMarkedAtRiskEvent e) {
            return e.caseId();
        }
        if (payload instanceof ServiceStandardBreachedEvent e) {
            return e.caseId();
        }
        if (payload instanceof CaseResolvedEvent e) {
            return e.caseId();
        }
        if (payload instanceof CaseWithdrawnEvent e) {
            return e.caseId();
        }
        if (payload instanceof CaseReopenedEvent e) {
            return e.caseId();
        }
        if (payload instanceof DeadlineRecalculatedEvent e) {
            return e.caseId();
        }
        return null;
    }

    /** The case's deadline after an event: the one the event carries, else unchanged. */
    static Instant deadlineAfter(Object payload, Instant before) {
        if (payload instanceof CaseSubmittedEvent e) {
            return e.deadline();
        }
        if (payload instanceof InformationReceivedEvent e) {
            return e.deadline();
        }
        if (payload instanceof CaseMarkedAtRiskEvent e) {
            return e.deadline();
        }
        if (payload instanceof ServiceStandardBreachedEvent e) {
            return e.deadline();
        }
        if (payload instanceof CaseResolvedEvent e) {
            return e.deadline();
        }
        if (payload instanceof CaseReopenedEvent e) {
            return e.deadline();
        }
        if (payload instanceof DeadlineRecalculatedEvent e) {
            return e.deadline();
        }
        return before;
    }

    /** The case's deadline just before this event: from the cache when it saw the previous event, else folded from the store. */
    private Instant deadlineBefore(EventMessage<?> event, String caseId) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("a case event without a sequence number: " + event.getIdentifier());
        }
        long sequence = domain.getSequenceNumber();
        KnownDeadline known = deadlines.get(caseId);
        if (known != null && known.sequence() == sequence - 1) {
            return known.deadline();
        }
        Instant deadline = null;
        Iterator<? extends DomainEventMessage<?>> stream = eventStore.readEvents(caseId, 0L).asStream()
                .takeWhile(m -> m.getSequenceNumber() < sequence).iterator();
        while (stream.hasNext()) {
            deadline = deadlineAfter(stream.next().getPayload(), deadline);
        }
        return deadline;
    }

    private void remember(EventMessage<?> event, String caseId, Instant deadline) {
        if (event instanceof DomainEventMessage<?> domain) {
            deadlines.put(caseId, new KnownDeadline(domain.getSequenceNumber(), deadline));
        }
    }
}
