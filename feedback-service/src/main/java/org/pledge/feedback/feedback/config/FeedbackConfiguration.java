package org.pledge.feedback.feedback.config;

import org.pledge.feedback.feedback.api.FollowUpRule;
import org.pledge.feedback.feedback.comment.CommentCleaner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feedback feature's rules as beans (the aggregate gets {@link FollowUpRule} injected into its handler). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackConfiguration {

    @Bean
    FollowUpRule followUpRule(FeedbackProperties properties) {
        return new FollowUpRule(properties.followUp().maxRating());
    }

    @Bean
    CommentCleaner commentCleaner(FeedbackProperties properties) {
        return new CommentCleaner(properties.phoneRegion());
    }
}
