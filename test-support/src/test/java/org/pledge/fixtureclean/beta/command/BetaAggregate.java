package org.pledge.fixtureclean.beta.command;

import org.pledge.fixtureclean.alpha.api.AlphaOpened;

/** Uses another feature through its api only. */
public class BetaAggregate {

    public String react(AlphaOpened event) {
        return event.id();
    }
}
