package org.pledge.fixturereach.beta.query;

public class BetaViews {

    public int size() {
        return 0;
    }
}
