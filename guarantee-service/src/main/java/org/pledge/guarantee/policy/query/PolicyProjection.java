package org.pledge.guarantee.policy.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.guarantee.policy.api.GuaranteePolicyDefinedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code guarantee_policies} ({@link MongoGuaranteePolicies}): idempotent and monotone (only a newer version
 * replaces the stored one), so there is no reset handler: a rebuild replays over the stored documents while the
 * policies stay readable for the case events being consumed.
 */
@Component
@ProcessingGroup(PolicyProjection.GROUP)
class PolicyProjection {

    static final String GROUP = "guarantee-policies";

    private final MongoGuaranteePolicies policies;

    PolicyProjection(MongoGuaranteePolicies policies) {
        this.policies = policies;
    }

    @EventHandler
    void on(GuaranteePolicyDefinedEvent event) {
        policies.store(event);
    }
}
