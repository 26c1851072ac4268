package org.pledge.notification.channel.letter;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The letter channel: {@link LetterSender} writing into {@code pledge.letters.outbox-dir}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LetterProperties.class)
class LetterConfiguration {

    @Bean
    LetterSender letterSender(LetterProperties properties, Clock clock) {
        return new LetterSender(properties, new LetterRenderer(), clock);
    }
}
