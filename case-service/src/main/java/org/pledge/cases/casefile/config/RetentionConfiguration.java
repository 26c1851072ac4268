package org.pledge.cases.casefile.config;

import java.time.Clock;

import org.pledge.cases.casefile.command.RetentionSweep;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.casefile.query.RetentionCursors;
import org.pledge.cases.config.PeriodicTask;
import org.pledge.platform.axon.EventProcessorOperations;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retention of applicants' personal data ({@code pledge.privacy.retention.*}): the sweep, and its schedule when a
 * service type has a retention. The first sweep comes one interval after start-up (the projections catch up first).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);

    @Bean
    RetentionSweep retentionSweep(CaseSummaries summaries, RetentionCursors cursors, DataSubjectErasures erasures,
                                  EventProcessorOperations processors, Clock clock, RetentionProperties properties) {
        return new RetentionSweep(summaries, cursors, erasures, properties.serviceTypes(), clock, properties.batchSize(),
                () -> processors.isReplayingOrStopped(CaseSummaries.PROCESSING_GROUP));
    }

    @Bean
    PeriodicTask retentionSchedule(RetentionSweep sweep, RetentionProperties properties) {
        if (properties.enabled()) {
            log.info("retention: applicants' personal data erased after {}", properties.serviceTypes());
        }
        return new PeriodicTask("retention-sweep", sweep::sweep, properties.sweepInterval(), properties.sweepInterval());
    }
}
