package org.pledge.guarantee.policy.api;

import java.util.List;
import java.util.Optional;

/**
 * The policies as current: what other features look a service type's policy up in. {@link #current} waits (bounded)
 * until the configured policies are seeded at start-up, so a case event consumed early finds them.
 */
public interface GuaranteePolicies {

    /** The current policy of {@code serviceType}; empty when the service type has none (nothing is guaranteed). */
    Optional<CurrentPolicy> current(String serviceType);

    /** Every service type's current policy, by service type. */
    List<CurrentPolicy> all();
}
