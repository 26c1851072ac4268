package org.pledge.platform.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** A projection that counts, per test case, the openings it handled since its last reset; and counts its resets. */
@Component
@ProcessingGroup(ReplayProbe.GROUP)
public class ReplayProbe {

    public static final String GROUP = "replay-probe";

    final Map<String, AtomicInteger> openings = new ConcurrentHashMap<>();
    final AtomicInteger resets = new AtomicInteger();

    @EventHandler
    void on(TestApp.TestCaseOpened event) {
        openings.computeIfAbsent(event.caseId(), id -> new AtomicInteger()).incrementAndGet();
    }

    @ResetHandler
    void reset() {
        openings.clear();
        resets.incrementAndGet();
    }

    int openingsOf(String caseId) {
        AtomicInteger count = openings.get(caseId);
        return count == null ? 0 : count.get();
    }
}
