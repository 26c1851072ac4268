package org.pledge.guarantee.claim.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.pledge.guarantee.claim.api.GuaranteeClaimCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which claim a command targets: {@link GuaranteeClaimCommand#claimId()}. Commands in {@code api} stay free of Axon's
 * {@code @TargetAggregateIdentifier}; the aggregate names this resolver's bean instead.
 */
public final class GuaranteeClaimTarget implements CommandTargetResolver {

    public static final String BEAN = "guaranteeClaimTarget";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof GuaranteeClaimCommand claimCommand) {
            return new VersionedAggregateIdentifier(claimCommand.claimId(), null);
        }
        throw new IllegalArgumentException(command.getPayloadType().getSimpleName() + " is not a claim command");
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean(BEAN)
        GuaranteeClaimTarget guaranteeClaimTarget() {
            return new GuaranteeClaimTarget();
        }
    }
}
