package org.pledge.cases.sla.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.testsupport.time.MutableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two case-service instances on one database sweep the same clocks: each marker is recorded once per case. */
class SlaTwoInstancesIT {

    private static final Logger log = LoggerFactory.getLogger(SlaTwoInstancesIT.class);
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final int CASES = 8;

    @Test
    void eachCase_isMarkedAtRiskOnce_andBreachedOnce_whenTwoInstancesSweep() {
        MutableClock clock = new MutableClock(T0);
        String database = "sla-two-" + UUID.randomUUID();
        try (SlaApp a = SlaApp.start(database, clock); SlaApp b = SlaApp.start(database, clock)) {
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                String caseId = UUID.randomUUID().toString();
                (i % 2 == 0 ? a : b).submit(caseId, T0);
                cases.add(caseId);
            }
            Awaitility.await().atMost(SlaApp.WAIT).until(() -> cases.stream().allMatch(c -> a.clocks().find(c).isPresent()));

            clock.set(T0.plus(SlaApp.AT_RISK_AFTER).plusSeconds(60));
            Awaitility.await().atMost(SlaApp.WAIT)
                    .until(() -> cases.stream().allMatch(c -> a.count(c, CaseMarkedAtRiskEvent.class) > 0));
            assertThat(cases).allSatisfy(c -> assertThat(a.count(c, ServiceStandardBreachedEvent.class)).isZero());

            clock.set(T0.plus(SlaApp.STANDARD).plusSeconds(60));
            Awaitility.await().atMost(SlaApp.WAIT).until(() -> cases.stream().allMatch(a::atRiskAndBreachRecorded));
            a.awaitSweeps(2);
            b.awaitSweeps(2);

            assertThat(cases).allSatisfy(c -> {
                List<Object> events = a.events(c);
                assertThat(events).filteredOn(CaseMarkedAtRiskEvent.class::isInstance).hasSize(1);
                assertThat(events).filteredOn(ServiceStandardBreachedEvent.class::isInstance).hasSize(1);
                assertThat(a.clockDocument(c)).doesNotContainKey("nextDueAt");
            });
            log.info("mark commands sent: instance a {}, instance b {}", a.sweeper().sent(), b.sweeper().sent());
            assertThat(a.sweeper().sent() + b.sweeper().sent()).isGreaterThanOrEqualTo(2L * CASES);
        }
    }
}
