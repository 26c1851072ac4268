package org.pledge.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServiceStandardClockSpecTest {

    private static final BusinessCalendar UTC = BusinessCalendar.mondayToFriday("utc", 1, ZoneId.of("UTC"), Set.of());
    private static final Instant START = Instant.parse("2025-06-02T10:00:00Z");

    @Test
    void clock_defaultsTheAtRiskShareTo80Percent() {
        assertThat(ServiceStandardClockSpec.of(ServiceStandard.businessDays(5), UTC, null, START).atRiskShare()).isEqualByComparingTo("0.8");
    }

    @Test
    void clock_isRejected_whenTheShareIsOutsideZeroToOne() {
        assertThatThrownBy(() -> ServiceStandardClockSpec.of(ServiceStandard.businessDays(5), UTC, BigDecimal.ZERO, START))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.AT_RISK_SHARE_INVALID);
        assertThatThrownBy(() -> ServiceStandardClockSpec.of(ServiceStandard.businessDays(5), UTC, new BigDecimal("1.01"), START))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.AT_RISK_SHARE_INVALID);
    }

    @Test
    void clock_isRejected_whenPausesOverlapOrPrecedeTheStart() {
        Pause first = new Pause(START.plusSeconds(100), START.plusSeconds(200));
        Pause overlapping = new Pause(START.plusSeconds(150), START.plusSeconds(300));
        Pause beforeStart = new Pause(START.minusSeconds(1), START.plusSeconds(1));

        assertThatThrownBy(() -> new ServiceStandardClockSpec(ServiceStandard.businessDays(5), UTC, null, START, List.of(first, overlapping), null))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.PAUSES_INVALID);
        assertThatThrownBy(() -> new ServiceStandardClockSpec(ServiceStandard.businessDays(5), UTC, null, START, List.of(beforeStart), null))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.PAUSES_INVALID);
        assertThatThrownBy(() -> new ServiceStandardClockSpec(ServiceStandard.businessDays(5), UTC, null, START, List.of(first), START))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.PAUSES_INVALID);
        assertThatThrownBy(() -> new Pause(START, START.minusSeconds(1)))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.PAUSES_INVALID);
    }

    @Test
    void atRiskDay_isTheExactFloorOfShareTimesN() {
        assertThat(ServiceStandardClock.atRiskDay(10, new BigDecimal("0.8"))).isEqualTo(8);
        assertThat(ServiceStandardClock.atRiskDay(7, new BigDecimal("0.8"))).isEqualTo(5); // 5.6
        assertThat(ServiceStandardClock.atRiskDay(1, new BigDecimal("0.8"))).isZero(); // end of the receipt date
        assertThat(ServiceStandardClock.atRiskDay(3, new BigDecimal("1"))).isEqualTo(3); // at risk only at the deadline
    }
}
