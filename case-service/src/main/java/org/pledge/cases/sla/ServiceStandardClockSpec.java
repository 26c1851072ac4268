package org.pledge.cases.sla;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a case clock depends on.
 *
 * @param standard    the service standard
 * @param calendar    the business calendar version in force for the case
 * @param atRiskShare share of the standard after which the case is at risk, in (0, 1]; default 0.8
 * @param startedAt   the instant the application was received (submission or stated receipt)
 * @param pauses      closed pauses, in order, not overlapping, none before {@code startedAt}
 * @param pausedSince start of the pause in progress, or null when the clock runs; it does not move the
 *                    deadline until it is closed (see {@link #withPauseClosedAt})
 */
public record ServiceStandardClockSpec(ServiceStandard standard, BusinessCalendar calendar, BigDecimal atRiskShare, Instant startedAt,
                        List<Pause> pauses, Instant pausedSince) {

    public static final BigDecimal DEFAULT_AT_RISK_SHARE = new BigDecimal("0.8");

    public ServiceStandardClockSpec {
        if (standard == null || calendar == null || startedAt == null) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.CLOCK_INPUT_MISSING,
                    "a clock needs a standard, a calendar and a start instant");
        }
        atRiskShare = atRiskShare == null ? DEFAULT_AT_RISK_SHARE : atRiskShare;
        requireShare(atRiskShare);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        Instant previousEnd = startedAt;
        for (Pause pause : pauses) {
            if (pause.from().isBefore(previousEnd)) {
                throw new InvalidServiceLevelException(InvalidServiceLevelException.PAUSES_INVALID,
                        "pauses must be in order, not overlapping and not before the clock starts: " + pause);
            }
            previousEnd = pause.to();
        }
        if (pausedSince != null && pausedSince.isBefore(previousEnd)) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.PAUSES_INVALID,
                    "the open pause starts before the previous pause ended or the clock started: " + pausedSince);
        }
    }

    /** A running clock without pauses. */
    public static ServiceStandardClockSpec of(ServiceStandard standard, BusinessCalendar calendar, BigDecimal atRiskShare, Instant startedAt) {
        return new ServiceStandardClockSpec(standard, calendar, atRiskShare, startedAt, List.of(), null);
    }

    /** The most decimals an at-risk share may have (0.123456). */
    public static final int MAX_SHARE_DECIMALS = 6;

    /**
     * Throws {@code sla.clock.at-risk-share-invalid} unless 0 &lt; share &le; 1 with at most {@value #MAX_SHARE_DECIMALS}
     * decimals (so that the at-risk arithmetic stays small: a share of scale 1 000 000 would make it expand the number).
     */
    public static void requireShare(BigDecimal share) {
        if (share == null || share.unscaledValue().bitLength() > 64 || share.scale() > 64
                || share.scale() > MAX_SHARE_DECIMALS && share.stripTrailingZeros().scale() > MAX_SHARE_DECIMALS
                || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.AT_RISK_SHARE_INVALID,
                    "the at-risk share must be in (0, 1] with at most " + MAX_SHARE_DECIMALS + " decimals");
        }
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /** This clock with the pause in progress (if any) closed at {@code at}. */
    public ServiceStandardClockSpec withPauseClosedAt(Instant at) {
        if (pausedSince == null) {
            return this;
        }
        List<Pause> closed = new ArrayList<>(pauses);
        closed.add(new Pause(pausedSince, at.isBefore(pausedSince) ? pausedSince : at));
        return new ServiceStandardClockSpec(standard, calendar, atRiskShare, startedAt, closed, null);
    }

    /** This clock with one more closed pause. */
    public ServiceStandardClockSpec withPause(Pause pause) {
        List<Pause> more = new ArrayList<>(pauses);
        more.add(pause);
        return new ServiceStandardClockSpec(standard, calendar, atRiskShare, startedAt, more, pausedSince);
    }

    /** The same clock under another calendar version. */
    public ServiceStandardClockSpec withCalendar(BusinessCalendar newCalendar) {
        return new ServiceStandardClockSpec(standard, newCalendar, atRiskShare, startedAt, pauses, pausedSince);
    }
}
