package org.pledge.guarantee.policy.api;

import java.time.Instant;

/** Version {@code version} of {@code serviceType}'s guarantee policy: {@code terms}, set by {@code by}. */
public record GuaranteePolicyDefinedEvent(String serviceType, int version, PolicyTerms terms, String by, Instant at) {
}
