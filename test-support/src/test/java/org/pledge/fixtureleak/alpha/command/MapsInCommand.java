package org.pledge.fixtureleak.alpha.command;

import org.pledge.contracts.archfixture.AlphaOpenedV1;

/** Makes a contract event outside the integration package. */
public class MapsInCommand {

    public AlphaOpenedV1 map(String id) {
        return new AlphaOpenedV1(id, "2026-01-01T00:00:00Z");
    }
}
