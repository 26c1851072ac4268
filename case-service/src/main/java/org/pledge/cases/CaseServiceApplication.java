package org.pledge.cases;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** case-service: its own jar, MongoDB database, event store and Kafka consumer group. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Pledge case-service", version = "1",
        description = "Cases (submit, read, progress, history), service levels, the service catalogue and business calendars of Pledge: every case measured against its published service standard."))
public class CaseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseServiceApplication.class, args);
    }
}
