package org.pledge.cases.casefile.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.InvalidCaseCommandException;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.cases.sla.ServiceStandardClock;
import org.pledge.cases.sla.ServiceStandardClockSpec;

/**
 * What a new case records when it opens (a submission or a follow-up): its service type from the catalogue (known,
 * available at receipt), the fee paid (a submission's must match the catalogue's fee, {@link CaseCommandRules}), the
 * newest version of the service type's business calendar, and the deadline and at-risk instant of its service-standard
 * clock, started at receipt.
 */
final class CaseOpening {

    private CaseOpening() {
    }

    /** The {@link CaseSubmittedEvent} of a case opened with these facts; a typed rejection when they do not hold. */
    static CaseSubmittedEvent submitted(String id, String serviceTypeCode, SubmissionChannel channel, Instant submittedAt,
                                        Instant receivedAt, String receivedAtStatedBy, Applicant applicant, Money feePaid,
                                        String feeReductionReason, boolean submission, String previousCaseId,
                                        String followUpRequest, String followUpReason, String owner, String paymentReference,
                                        ServiceCatalogue catalogue, BusinessCalendars calendars) {
        CaseCommandRules.requireApplicant(applicant);
        CaseCommandRules.requirePaymentReference(paymentReference);
        if (feePaid == null) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.FEE_MISSING,
                    "the fee paid is required (zero when waived)");
        }
        ServiceType serviceType = (serviceTypeCode == null ? Optional.<ServiceType>empty() : catalogue.find(serviceTypeCode))
                .orElseThrow(() -> new InvalidCaseCommandException(InvalidCaseCommandException.SERVICE_TYPE_UNKNOWN,
                        "no service type " + serviceTypeCode));
        if (submission) {
            feePaid.requireValid();
            CaseCommandRules.requireCatalogueFee(feePaid, feeReductionReason, serviceType);
        }
        if (receivedAt.isBefore(serviceType.availableFrom())) {
            throw new InvalidCaseCommandException(InvalidCaseCommandException.RECEIVED_BEFORE_SERVICE_EXISTED,
                    "received at " + receivedAt + ", before service type " + serviceTypeCode + " existed ("
                            + serviceType.availableFrom() + ")");
        }
        BusinessCalendar calendar = calendars.current(serviceType.calendarId())
                .orElseThrow(() -> new InvalidCaseCommandException(InvalidCaseCommandException.CALENDAR_UNKNOWN,
                        "no business calendar " + serviceType.calendarId()));
        ServiceStandardClockSpec clock = ServiceStandardClockSpec.of(serviceType.standard(), calendar, serviceType.atRiskShare(),
                receivedAt);
        return new CaseSubmittedEvent(id, serviceType.code(), channel, submittedAt, receivedAt, receivedAtStatedBy, applicant,
                feePaid, serviceType.standard().toString(), serviceType.atRiskShare(), serviceType.guaranteed(), calendar.id(),
                calendar.version(), ServiceStandardClock.deadline(clock), ServiceStandardClock.atRiskAt(clock), previousCaseId,
                followUpRequest, followUpReason, owner, feeReductionReason, paymentReference);
    }

    /**
     * The markers already due when a case opens (a paper application keyed in late): at risk, then breached, each when
     * its instant is not after the submission. Decided from the submission's values: inside a creating handler Axon
     * sources the applied events only after the handler returns, so the aggregate's fields are not set yet.
     */
    static List<Object> markersDueAt(CaseSubmittedEvent submitted) {
        List<Object> markers = new ArrayList<>(2);
        if (!submitted.submittedAt().isBefore(submitted.atRiskAt())) {
            markers.add(new CaseMarkedAtRiskEvent(submitted.caseId(), submitted.atRiskAt(), submitted.deadline(), submitted.submittedAt()));
        }
        if (!submitted.submittedAt().isBefore(submitted.deadline())) {
            markers.add(new ServiceStandardBreachedEvent(submitted.caseId(), submitted.deadline(), submitted.submittedAt()));
        }
        return markers;
    }
}
