package org.pledge.fixtureframework.alpha.api;

import org.axonframework.messaging.MetaData;

public record AxonInApi(MetaData metaData) {
}
