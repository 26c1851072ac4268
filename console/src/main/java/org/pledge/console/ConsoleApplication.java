package org.pledge.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The console: server-rendered pages for operations, finance and auditors over the services' APIs. A backend for the
 * frontend: it signs people in at the issuer (authorization code + PKCE), keeps their tokens in the server-side
 * session and calls the services with the person's own access token. It holds no data of its own (docs/console.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
