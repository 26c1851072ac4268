package org.pledge.cases.sla;

import java.time.Instant;
import java.util.Objects;

/** A closed pause of a case clock, from instant {@code from} (inclusive) to {@code to}. */
public record Pause(Instant from, Instant to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.PAUSES_INVALID,
                    "a pause ends before it starts: " + from + " .. " + to);
        }
    }
}
