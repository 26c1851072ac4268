package org.pledge.guarantee.policy.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.guarantee.policy.api.DefineGuaranteePolicyCommand;
import org.pledge.guarantee.policy.api.GuaranteePolicyDefinedEvent;
import org.pledge.guarantee.policy.api.PolicyRules;
import org.pledge.guarantee.policy.api.PolicyTerms;

/**
 * The guarantee policy of one service type (id: the service type), versioned: every change is a
 * {@link GuaranteePolicyDefinedEvent} with the whole terms and the next version. The same terms again record nothing; a
 * seed never changes an existing policy. The rules are {@link PolicyRules}'.
 */
@Aggregate
public class GuaranteePolicy {

    @AggregateIdentifier
    private String serviceType;
    private int version;
    private PolicyTerms terms;

    /** For Axon. */
    protected GuaranteePolicy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(DefineGuaranteePolicyCommand command) {
        boolean exists = terms != null;
        if (exists && command.onlyIfMissing()) {
            return version;
        }
        PolicyRules.check(command.serviceType(), command.terms());
        PolicyTerms normalized = PolicyRules.normalized(command.terms());
        if (exists && PolicyRules.same(terms, normalized)) {
            return version; // the same terms again: nothing to record
        }
        apply(new GuaranteePolicyDefinedEvent(command.serviceType(), version + 1, normalized, command.by(), command.at()));
        return version;
    }

    @EventSourcingHandler
    void on(GuaranteePolicyDefinedEvent event) {
        serviceType = event.serviceType();
        version = event.version();
        terms = event.terms();
    }
}
