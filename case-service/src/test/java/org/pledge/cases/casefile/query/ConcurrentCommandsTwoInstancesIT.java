package org.pledge.cases.casefile.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.testsupport.time.MutableClock;

/**
 * Two case-service instances on one database change the same case at the same time: the loser of each race for the
 * next aggregate sequence gets a {@code ConcurrencyException} from the event store, and the platform's command gateway
 * retries it with a fresh load, so every command takes effect and no event is lost or duplicated.
 */
class ConcurrentCommandsTwoInstancesIT {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final int PER_INSTANCE = 25;

    @Test
    void racingCommandsOnOneCase_fromTwoInstances_allTakeEffect() throws Exception {
        MutableClock clock = new MutableClock(T0);
        String database = "race-" + UUID.randomUUID();
        try (MarkerScheduleApp a = MarkerScheduleApp.start(database, clock); MarkerScheduleApp b = MarkerScheduleApp.start(database, clock)) {
            String caseId = UUID.randomUUID().toString();
            a.submit(caseId, T0);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (MarkerScheduleApp app : List.of(a, b)) {
                    String prefix = app == a ? "worker-a-" : "worker-b-";
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < PER_INSTANCE; i++) {
                            app.send(new AssignCaseCommand(caseId, prefix + i, T0));
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(2, TimeUnit.MINUTES); // rethrows a command that failed despite the retries
                }
            } finally {
                pool.shutdownNow();
            }

            List<Object> events = a.events(caseId);
            List<String> assignees = events.stream().filter(CaseAssignedEvent.class::isInstance)
                    .map(e -> ((CaseAssignedEvent) e).assignee()).toList();
            assertThat(assignees).hasSize(2 * PER_INSTANCE).doesNotHaveDuplicates();
            assertThat(assignees).filteredOn(n -> n.startsWith("worker-a-")).hasSize(PER_INSTANCE);
            assertThat(assignees).filteredOn(n -> n.startsWith("worker-b-")).hasSize(PER_INSTANCE);
        }
    }
}
