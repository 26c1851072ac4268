package org.pledge.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pledge.contracts.CloudEventHeaders;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.browser.Browser;

/**
 * Operations in a real browser against the real services: a record no consumer can read is parked on
 * {@code pledge.case.v1.dlq}; the operations person finds it on {@code /operations}, inspects it and replays it (with a
 * confirmation, the form's Idempotency-Key), and sees what the replay did. axe on each page; screenshots in both
 * languages.
 */
class OperationsBrowserIT {

    private static final Duration PARKING = Duration.ofSeconds(90);

    @RegisterExtension
    static final Browser browser = Browser.headless().sharedAcrossClasses();

    @Test
    void operations_findsParkedRecord_inspectsIt_andReplaysIt() throws Exception {
        ConsoleStack stack = ConsoleStack.shared();
        String ceId = "console-poison-" + UUID.randomUUID();
        park(ceId);

        WebDriver driver = browser.driver();
        ConsolePages.signIn(driver, "operations");
        String topicPage = stack.uri("/operations/notification-service/dead-letters/" + Topics.CASE).toString();
        // the consumer retries a few times before it parks the record: look again until the page lists it
        new WebDriverWait(driver, PARKING, Duration.ofSeconds(2)).until(d -> {
            d.get(topicPage);
            return !d.findElements(By.id("dead-letters")).isEmpty() && d.findElement(By.id("dead-letters")).getText().contains(ceId);
        });
        ConsolePages.assertAccessible(driver);

        driver.get(stack.uri("/operations").toString());
        assertThat(driver.findElement(By.id("dead-letters-notification-service")).getText()).contains(Topics.CASE);
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "operations");
        driver.get(stack.uri("/operations?lang=fr").toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Exploitation");
        ConsolePages.assertAccessible(driver);
        ConsolePages.screenshot(driver, "operations");
        driver.get(stack.uri("/operations?lang=en").toString());

        driver.get(topicPage);
        driver.findElement(By.xpath("//table[@id='dead-letters']//tr[.//span[text()='" + ceId + "']]//a")).click();
        assertThat(driver.findElement(By.id("dead-letter")).getText()).contains(ceId).contains("pledge.case.submitted.v1");
        ConsolePages.assertAccessible(driver);

        driver.findElement(By.linkText("Replay these messages")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Replay the dead letters of " + Topics.CASE + "?");
        ConsolePages.assertAccessible(driver);
        driver.findElement(By.id("confirm-replay")).click();

        // still not a case event: it fails again and stays parked, and the page says so
        String banner = new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.findElements(By.id("ops-banner")).isEmpty() ? null : d.findElement(By.id("ops-banner")).getText());
        assertThat(banner).matches("Replayed \\d+; [1-9]\\d* failed again and stay parked\\.");
        assertThat(driver.getCurrentUrl()).isEqualTo(topicPage);
    }

    /** A record on pledge.case.v1 that is no case event (no caseId), keyed by its ce_id: every consumer of the topic parks it after its retries. */
    private static void park(String ceId) throws Exception {
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.CASE, ceId,
                "{\"serviceType\":\"PASSPORT\"}".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.TYPE, "pledge.case.submitted.v1".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.SOURCE, "/console-test".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(poison).get();
        }
    }
}
