package org.pledge.cases.casefile.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Service levels per service type and channel.
 *
 * @param asOf              "now" (the injected clock) at which open cases were aged
 * @param resolvedSince     resolutions at or after this instant count towards on-time %, median and p90
 * @param truncated         true when a bound on the documents read was hit (see {@link ServiceLevels}); the figures then
 *                          cover only the newest resolutions / the first open cases read
 * @param serviceTypes      by service type code, in code order
 */
public record ServiceLevelReport(Instant asOf, Instant resolvedSince, boolean truncated, List<ServiceTypeLevels> serviceTypes) {

    /** One service type: all its channels together ({@code total}, channel {@code ALL}) and each channel. */
    public record ServiceTypeLevels(String serviceType, Figures total, List<Figures> byChannel) {
    }

    /**
     * The figures of one group of cases.
     *
     * @param open                          open cases (neither resolved nor withdrawn)
     * @param atRisk                        open and at risk (includes breached ones: a breached case was at risk first)
     * @param breachedOpen                  open and breached
     * @param resolved                      resolved since {@code resolvedSince} (and not reopened since)
     * @param resolvedOnTime                of those, resolved before their deadline
     * @param onTimePercent                 resolvedOnTime / resolved × 100, one decimal, half up; null when none resolved
     * @param medianBusinessDaysToResolution nearest-rank median (the lower middle for an even count); null when none
     * @param p90BusinessDaysToResolution   nearest-rank 90th percentile; null when none
     * @param backlogByAge                  open cases by business days since receipt
     * @param onTimeByWeek                  the same resolutions by week of resolution, oldest first, every week from the
     *                                      week of {@code resolvedSince} to this week (the first and last partial)
     */
    public record Figures(String channel, long open, long atRisk, long breachedOpen, long resolved, long resolvedOnTime,
                          String onTimePercent, Integer medianBusinessDaysToResolution, Integer p90BusinessDaysToResolution,
                          Backlog backlogByAge, List<WeekOnTime> onTimeByWeek) {
    }

    /**
     * The on-time rate of the cases resolved in one week (Monday to Sunday, resolution dates in the case's calendar zone).
     *
     * @param weekOf         the week's Monday
     * @param resolved       resolved that week (and since {@code resolvedSince})
     * @param resolvedOnTime of those, resolved before their deadline
     * @param onTimePercent  resolvedOnTime / resolved × 100, one decimal, half up; null when none resolved that week
     */
    public record WeekOnTime(LocalDate weekOf, long resolved, long resolvedOnTime, String onTimePercent) {
    }

    /** Open cases by business days since receipt (the receipt date not counted; today counted once it is a business day). */
    public record Backlog(@JsonProperty("0-5") long upTo5, @JsonProperty("6-10") long from6To10,
                          @JsonProperty("11-20") long from11To20, @JsonProperty("over-20") long over20) {
    }
}
