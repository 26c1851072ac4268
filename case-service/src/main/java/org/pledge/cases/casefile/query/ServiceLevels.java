package org.pledge.cases.casefile.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.springframework.stereotype.Component;

/**
 * Reads {@code case_summaries} for the service-level figures and computes them with {@link ServiceLevelCalculator} at
 * the injected {@link Clock}'s instant.
 *
 * <p>Bounded: two queries, each with a projection of the few fields needed. Open cases (SUBMITTED, ASSIGNED,
 * IN_PROGRESS, AWAITING_INFORMATION): at most {@value #MAX_OPEN}. Resolved cases: those resolved in the last
 * {@code resolvedWithinDays} days (1..366), newest first, at most {@value #MAX_RESOLVED}. Hitting either bound sets
 * {@code truncated}. Withdrawn cases count nowhere. Percentiles are computed in Java over the resolved cases read, so
 * both MongoDB backends give the same answer. Index {@code {status: 1, resolvedAt: -1}} (created here) serves both
 * queries on real MongoDB.
 */
@Component
public class ServiceLevels {

    static final int MAX_OPEN = 100_000;
    static final int MAX_RESOLVED = 100_000;
    private static final List<String> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList();
    private static final Bson FIELDS = Projections.include(CaseSummaryDocument.SERVICE_TYPE, CaseSummaryDocument.CHANNEL,
            CaseSummaryDocument.STATUS, CaseSummaryDocument.AT_RISK, CaseSummaryDocument.BREACHED, CaseSummaryDocument.RECEIVED_AT,
            CaseSummaryDocument.RESOLVED_AT, CaseSummaryDocument.ON_TIME, CaseSummaryDocument.CALENDAR_ID,
            CaseSummaryDocument.CALENDAR_VERSION);

    private final CaseSummaries summaries;
    private final BusinessCalendars calendars;
    private final Clock clock;

    public ServiceLevels(CaseSummaries summaries, BusinessCalendars calendars, Clock clock) {
        this.summaries = summaries;
        this.calendars = calendars;
        this.clock = clock;
        // for real MongoDB (both queries select by status; the resolved one ranges over resolvedAt); mongo-java-server ignores it
        summaries.collection().createIndex(Indexes.compoundIndex(Indexes.ascending(CaseSummaryDocument.STATUS),
                Indexes.descending(CaseSummaryDocument.RESOLVED_AT)));
    }

    /**
     * The figures of every service type with cases, or of one ({@code serviceType} not null; empty figures if it has
     * none, their weeks in the zone of its calendar {@code calendarId}, as its cases' weeks would be).
     */
    public ServiceLevelReport report(String serviceType, String calendarId, int resolvedWithinDays) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(resolvedWithinDays));
        List<Bson> open = new ArrayList<>(List.of(Filters.in(CaseSummaryDocument.STATUS, OPEN)));
        List<Bson> resolved = new ArrayList<>(List.of(Filters.eq(CaseSummaryDocument.STATUS, CaseStatus.RESOLVED.name()),
                Filters.gte(CaseSummaryDocument.RESOLVED_AT, Date.from(since))));
        if (serviceType != null) {
            open.add(Filters.eq(CaseSummaryDocument.SERVICE_TYPE, serviceType));
            resolved.add(Filters.eq(CaseSummaryDocument.SERVICE_TYPE, serviceType));
        }
        List<ServiceLevelCase> cases = new ArrayList<>();
        boolean truncated = read(Filters.and(open), Sorts.ascending(CaseSummaryDocument.ID), MAX_OPEN, cases);
        truncated |= read(Filters.and(resolved), Sorts.orderBy(Sorts.descending(CaseSummaryDocument.RESOLVED_AT),
                Sorts.ascending(CaseSummaryDocument.ID)), MAX_RESOLVED, cases);
        Map<String, BusinessCalendar> cache = new HashMap<>();
        List<ServiceLevelReport.ServiceTypeLevels> levels = ServiceLevelCalculator.compute(cases, since, now, c -> c.calendarId() == null ? null
                : cache.computeIfAbsent(c.calendarId() + "@" + c.calendarVersion(),
                        k -> calendars.version(c.calendarId(), c.calendarVersion()).orElse(null)));
        if (serviceType != null && levels.isEmpty()) {
            java.time.ZoneId zone = (calendarId == null ? java.util.Optional.<BusinessCalendar>empty() : calendars.current(calendarId))
                    .map(BusinessCalendar::zone).orElse(java.time.ZoneOffset.UTC);
            levels = List.of(ServiceLevelCalculator.none(serviceType, since, now, zone));
        }
        return new ServiceLevelReport(now, since, truncated, levels);
    }

    /** Reads at most {@code max} cases into {@code into}; true when there were more. */
    private boolean read(Bson filter, Bson sort, int max, List<ServiceLevelCase> into) {
        int read = 0;
        for (CaseSummaryDocument d : summaries.collection().find(filter).projection(FIELDS).sort(sort).limit(max + 1)) {
            if (++read > max) {
                return true;
            }
            CaseSummary s = d.toSummary();
            into.add(new ServiceLevelCase(s.serviceType(), s.channel(), d.status() != null && d.status().isOpen(), s.atRisk(),
                    s.breached(), s.receivedAt(), s.resolvedAt(), s.onTime(), s.calendarId(), s.calendarVersion()));
        }
        return false;
    }
}
