package org.pledge.fixtureclock.alpha.command;

import java.time.Instant;

public class InstantNow {

    public Instant now() {
        return Instant.now();
    }
}
