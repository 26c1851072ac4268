package org.pledge.fixtureclean.alpha.api;

import java.time.Instant;

/** An internal event: a plain record. */
public record AlphaOpened(String id, Instant at) {
}
