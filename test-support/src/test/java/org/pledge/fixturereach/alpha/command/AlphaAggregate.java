package org.pledge.fixturereach.alpha.command;

import org.pledge.fixturereach.beta.query.BetaViews;

/** Reaches into another feature's query package. */
public class AlphaAggregate {

    public int count(BetaViews views) {
        return views.size();
    }
}
