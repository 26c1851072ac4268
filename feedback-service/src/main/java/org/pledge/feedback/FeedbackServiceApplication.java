package org.pledge.feedback;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** feedback-service: its own jar, MongoDB database, event store and Kafka consumer group. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Pledge feedback-service", version = "1",
        description = "Client feedback of Pledge: survey invitations with signed single-use links, answers from the link or a"
                + " channel, live satisfaction figures and alerts, follow-up requests."))
public class FeedbackServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedbackServiceApplication.class, args);
    }
}
