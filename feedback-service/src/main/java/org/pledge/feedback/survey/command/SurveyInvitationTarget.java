package org.pledge.feedback.survey.command;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.pledge.feedback.survey.api.SurveyInvitationCommand;
import org.pledge.platform.axon.CommandTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which invitation a command targets: {@link SurveyInvitationCommand#invitationId()} (commands in {@code api} carry no Axon annotation). */
@Configuration(proxyBeanMethods = false)
public class SurveyInvitationTarget {

    /** The bean the aggregate names as its {@code commandTargetResolver}. */
    public static final String BEAN = "surveyInvitationTargetResolver";

    public static CommandTargetResolver resolver() {
        return CommandTargets.by(SurveyInvitationCommand.class, SurveyInvitationCommand::invitationId);
    }

    @Bean(BEAN)
    CommandTargetResolver surveyInvitationTargetResolver() {
        return resolver();
    }
}
