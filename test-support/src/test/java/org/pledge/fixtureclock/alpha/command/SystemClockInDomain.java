package org.pledge.fixtureclock.alpha.command;

import java.time.Clock;

public class SystemClockInDomain {

    public long millis() {
        return Clock.systemUTC().millis();
    }
}
