package org.pledge.guarantee.claim.command;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.pledge.guarantee.claim.api.GuaranteeClaimCommand;
import org.pledge.platform.axon.CommandTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which claim a command targets: {@link GuaranteeClaimCommand#claimId()} (commands in {@code api} carry no Axon annotation). */
@Configuration(proxyBeanMethods = false)
public class GuaranteeClaimTarget {

    /** The bean the aggregate names as its {@code commandTargetResolver}. */
    public static final String BEAN = "guaranteeClaimTargetResolver";

    public static CommandTargetResolver resolver() {
        return CommandTargets.by(GuaranteeClaimCommand.class, GuaranteeClaimCommand::claimId);
    }

    @Bean(BEAN)
    CommandTargetResolver guaranteeClaimTargetResolver() {
        return resolver();
    }
}
