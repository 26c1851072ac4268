package org.pledge.fixtureclean.config;

import java.time.Clock;

/** Where the clock is made, once. */
public class CleanConfiguration {

    public Clock clock() {
        return Clock.systemUTC();
    }
}
