package org.pledge.guarantee.transfer.config;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transfer feature's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferProperties.class)
class TransferConfiguration {

    /**
     * The batches' days: the business time zone ({@code pledge.guarantee.zone}, the claim feature's, default UTC) and
     * the cut-off ({@code pledge.transfers.cut-off}, default midnight).
     */
    @Bean
    TransferZone transferZone(@Value("${pledge.guarantee.zone:UTC}") ZoneId zone, TransferProperties properties) {
        return new TransferZone(zone, properties.cutOff());
    }
}
