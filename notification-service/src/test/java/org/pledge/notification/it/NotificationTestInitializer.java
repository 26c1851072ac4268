package org.pledge.notification.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The parts a user of notification-service has around it, for its ITs: a real SMTP server ({@link TestSmtp}), the SMS
 * provider (WireMock: every message accepted, a receipt to follow; none found by a look-up) and a letters outbox in a
 * temporary folder, and a lease of {@link #LEASE}; each started once per JVM and named to the service through its properties. An initializer (not a
 * {@code @DynamicPropertySource}) so every IT class that lists it shares one Spring context.
 */
public class NotificationTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final TestSmtp SMTP = new TestSmtp();
    static final WireMockServer SMS = new WireMockServer(options().dynamicPort());
    static final Path LETTERS;
    /** {@code pledge.delivery.lease} in the ITs. */
    static final java.time.Duration LEASE = java.time.Duration.ofSeconds(10);

    static {
        SMTP.start();
        SMS.start();
        SMS.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"sms-{{randomValue length=12 type='ALPHANUMERIC'}}\",\"status\":\"ACCEPTED\"}")
                .withTransformers("response-template")));
        SMS.stubFor(get(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(404)));
        try {
            LETTERS = Files.createTempDirectory("pledge-letters-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.mail.host=localhost",
                "spring.mail.port=" + SMTP.port(),
                "pledge.sms.base-url=http://localhost:" + SMS.port(),
                "pledge.letters.outbox-dir=" + LETTERS,
                // an attempt that died with the service is taken over after this: short, so a test of it waits little
                "pledge.delivery.lease=" + LEASE.toSeconds() + "s").applyTo(context);
    }
}
