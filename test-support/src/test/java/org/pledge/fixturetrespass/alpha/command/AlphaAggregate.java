package org.pledge.fixturetrespass.alpha.command;

import org.pledge.fixtureclean.alpha.api.AlphaOpened;

/** Uses an internal event of another service. */
public class AlphaAggregate {

    public String on(AlphaOpened foreign) {
        return foreign.id();
    }
}
