package org.pledge.guarantee.claim.api;

import java.util.Objects;

import org.pledge.guarantee.policy.api.PolicyTerms;

/** The guarantee policy a claim is decided under: its service type, version and terms, as current when the command was sent. */
public record AppliedPolicy(String serviceType, int version, PolicyTerms terms) {

    public AppliedPolicy {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(terms, "terms");
    }
}
