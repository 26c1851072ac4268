package org.pledge.feedback;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** feedback-service: its own jar, MongoDB database, event store and Kafka consumer group. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Pledge feedback-service", version = "1",
        description = "Client feedback and surveys of Pledge (so far: the cases it will survey)."))
public class FeedbackServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedbackServiceApplication.class, args);
    }
}
