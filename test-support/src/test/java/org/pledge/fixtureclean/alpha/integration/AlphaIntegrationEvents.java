package org.pledge.fixtureclean.alpha.integration;

import org.pledge.contracts.archfixture.AlphaOpenedV1;
import org.pledge.fixtureclean.alpha.api.AlphaOpened;

/** The one edge where an internal event becomes a contract event. */
public class AlphaIntegrationEvents {

    public AlphaOpenedV1 map(AlphaOpened event) {
        return new AlphaOpenedV1(event.id(), event.at().toString());
    }
}
