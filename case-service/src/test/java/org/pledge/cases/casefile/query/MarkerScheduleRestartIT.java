package org.pledge.cases.casefile.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.RecordInformationReceivedCommand;
import org.pledge.cases.casefile.api.RequestInformationCommand;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.testsupport.time.MutableClock;

/**
 * Deadlines survive a restart of the service: one that fell due while no instance ran fires once after the restart,
 * and a paused clock neither fires while paused nor loses its place; after resuming it fires once.
 */
class MarkerScheduleRestartIT {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instant PAUSED_AT = T0.plus(Duration.ofMinutes(10));
    private static final Instant RESTARTED_AT = T0.plus(Duration.ofHours(2));

    @Test
    void dueWhileStopped_firesOnceAfterRestart_andPausedClock_firesOnlyAfterResuming() {
        MutableClock clock = new MutableClock(T0);
        String database = "sla-restart-" + UUID.randomUUID();
        String running = UUID.randomUUID().toString();
        String paused = UUID.randomUUID().toString();

        try (MarkerScheduleApp first = MarkerScheduleApp.start(database, clock)) {
            first.submit(running, T0);
            first.submit(paused, T0);
            first.send(new AssignCaseCommand(paused, "caseworker-1", T0));
            first.send(new StartWorkOnCaseCommand(paused, T0));
            clock.set(PAUSED_AT);
            first.send(new RequestInformationCommand(paused, "missing-photo", PAUSED_AT));
            Awaitility.await().atMost(MarkerScheduleApp.WAIT).until(() -> first.clockDocument(paused) != null
                    && Boolean.TRUE.equals(first.clockDocument(paused).get("paused"))
                    && first.clockDocument(running) != null);
        }

        // both the running case's at-risk point and deadline, and the paused case's original ones, pass while stopped
        clock.set(RESTARTED_AT);
        try (MarkerScheduleApp second = MarkerScheduleApp.start(database, clock)) {
            Awaitility.await().atMost(MarkerScheduleApp.WAIT).until(() -> second.atRiskAndBreachRecorded(running));
            second.awaitSweeps(2);

            assertThat(second.count(running, CaseMarkedAtRiskEvent.class)).isEqualTo(1);
            assertThat(second.count(running, ServiceStandardBreachedEvent.class)).isEqualTo(1);
            assertThat(second.events(paused)).noneMatch(e -> e instanceof CaseMarkedAtRiskEvent || e instanceof ServiceStandardBreachedEvent);
            assertThat(second.clockDocument(paused)).containsEntry("paused", true).doesNotContainKey("nextDueAt")
                    .doesNotContainKey("claimedBy"); // never even claimed

            second.send(new RecordInformationReceivedCommand(paused, RESTARTED_AT));
            // paused 10 min .. 2 h: the one-hour standard moves by 110 minutes; 10 running minutes were used before
            Instant deadline = T0.plus(MarkerScheduleApp.STANDARD).plus(Duration.ofMinutes(110));
            Instant atRiskAt = RESTARTED_AT.plus(MarkerScheduleApp.AT_RISK_AFTER).minus(Duration.ofMinutes(10));
            assertThat(second.events(paused)).filteredOn(InformationReceivedEvent.class::isInstance).singleElement()
                    .isEqualTo(new InformationReceivedEvent(paused, PAUSED_AT, RESTARTED_AT, deadline, atRiskAt));
            Awaitility.await().atMost(MarkerScheduleApp.WAIT).until(() -> Date.from(atRiskAt).equals(second.clockDocument(paused).get("nextDueAt")));
            second.awaitSweeps(2);
            assertThat(second.count(paused, CaseMarkedAtRiskEvent.class)).isZero();

            clock.set(deadline);
            Awaitility.await().atMost(MarkerScheduleApp.WAIT).until(() -> second.atRiskAndBreachRecorded(paused));
            second.awaitSweeps(2);

            assertThat(second.count(paused, CaseMarkedAtRiskEvent.class)).isEqualTo(1);
            assertThat(second.count(paused, ServiceStandardBreachedEvent.class)).isEqualTo(1);
            assertThat(second.count(running, CaseMarkedAtRiskEvent.class)).isEqualTo(1);
            assertThat(second.count(running, ServiceStandardBreachedEvent.class)).isEqualTo(1);
        }
    }
}
