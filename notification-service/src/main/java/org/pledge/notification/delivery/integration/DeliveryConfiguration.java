package org.pledge.notification.delivery.integration;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.ChannelSender;
import org.pledge.notification.contact.api.ContactDirectory;
import org.pledge.notification.delivery.query.Notifications;
import org.pledge.notification.template.api.MessageTemplates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery feature's wiring: the senders by channel (every {@link ChannelSender} bean; a channel without one fails
 * its attempts for good, so notifications fall back past it), the attempts and their workers, and the sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    /**
     * A failure in the dispatcher or the read model's projection is retried (the processor backs off and handles the
     * event again) instead of being logged and skipped: a skipped request would be a message never sent, a skipped
     * event a schedule that never comes due.
     */
    @Bean
    ConfigurerModule deliveryErrorHandling() {
        return configurer -> {
            for (String group : new String[] {NotificationDispatcher.GROUP, Notifications.PROJECTION_GROUP}) {
                configurer.eventProcessing()
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                        .registerErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        };
    }

    @Bean
    DeliveryAttempts deliveryAttempts(CommandGateway commands, ContactDirectory contacts, MessageTemplates templates,
                                      ObjectProvider<ChannelSender> senders, DeliveryProperties properties, Clock clock) {
        Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
        senders.orderedStream().forEach(sender -> {
            if (byChannel.putIfAbsent(sender.channel(), sender) != null) {
                throw new IllegalStateException("two ChannelSender beans for " + sender.channel());
            }
        });
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()), runnable -> {
            Thread thread = new Thread(runnable, "notification-send-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new DeliveryAttempts(commands, contacts, templates, byChannel, properties, workers, clock);
    }

    @Bean
    NotificationSweep notificationSweep(Notifications notifications, DeliveryAttempts attempts, DeliveryProperties properties, Clock clock) {
        return new NotificationSweep(notifications, attempts, properties, clock);
    }
}
