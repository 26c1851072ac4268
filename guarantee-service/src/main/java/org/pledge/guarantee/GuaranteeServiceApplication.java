package org.pledge.guarantee;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** guarantee-service: its own jar, MongoDB database, event store and Kafka consumer group. */
@SpringBootApplication
public class GuaranteeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GuaranteeServiceApplication.class, args);
    }
}
