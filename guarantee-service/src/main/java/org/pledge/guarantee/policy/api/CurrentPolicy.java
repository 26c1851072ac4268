package org.pledge.guarantee.policy.api;

import java.time.Instant;
import java.util.Objects;

/** The current version of a service type's guarantee policy, as the policy read model holds it. */
public record CurrentPolicy(String serviceType, int version, PolicyTerms terms, String changedBy, Instant changedAt) {

    public CurrentPolicy {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(terms, "terms");
    }
}
