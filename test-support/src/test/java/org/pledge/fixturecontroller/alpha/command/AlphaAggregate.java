package org.pledge.fixturecontroller.alpha.command;

public class AlphaAggregate {

    public void close() {
    }
}
