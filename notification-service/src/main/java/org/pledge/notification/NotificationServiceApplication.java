package org.pledge.notification;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** notification-service: its own jar, MongoDB database, event store and Kafka consumer group. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Pledge notification-service", version = "1",
        description = "What Pledge tells clients, and how it reaches them: the notifications (one per source event, rule and "
                + "recipient, with every attempt's channel and outcome), and each client's contact points, language and channel."))
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
