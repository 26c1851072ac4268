package org.pledge.guarantee.policy.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Sets the guarantee policy of {@code serviceType} to {@code terms}: version n+1 when they differ from version n, nothing
 * when they are the same; returns the version current afterwards. A seed ({@code onlyIfMissing}) creates version 1 and
 * never changes an existing policy (an admin's change survives a restart).
 *
 * @param by the admin (the token's subject), or {@code configuration} for a seed
 */
public record DefineGuaranteePolicyCommand(@CommandTarget String serviceType, PolicyTerms terms, boolean onlyIfMissing, String by,
                                           Instant at) {
}
