package org.pledge.fixtureclean.alpha.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.pledge.fixtureclean.alpha.api.AlphaOpened;

/** Reads the time from the injected clock. */
public class AlphaAggregate {

    private final Clock clock;

    public AlphaAggregate(Clock clock) {
        this.clock = clock;
    }

    public AlphaOpened open(String id) {
        LocalDate.now(clock);
        return new AlphaOpened(id, Instant.now(clock));
    }
}
