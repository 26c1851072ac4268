package org.pledge.fixtureclock.alpha.command;

public class CurrentTimeMillis {

    public long millis() {
        return System.currentTimeMillis();
    }
}
