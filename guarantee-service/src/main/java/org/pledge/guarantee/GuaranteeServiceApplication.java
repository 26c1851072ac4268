package org.pledge.guarantee;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** guarantee-service: its own jar, MongoDB database, event store and Kafka consumer group. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Pledge guarantee-service", version = "1",
        description = "Guarantee claims and refunds of Pledge (so far: the fees it may have to refund)."))
public class GuaranteeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GuaranteeServiceApplication.class, args);
    }
}
