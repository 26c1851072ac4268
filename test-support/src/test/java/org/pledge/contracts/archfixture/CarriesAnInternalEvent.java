package org.pledge.contracts.archfixture;

import org.pledge.fixtureclean.alpha.api.AlphaOpened;

/** A contract record that would carry a service's internal event out of the service. */
public record CarriesAnInternalEvent(AlphaOpened event) {
}
