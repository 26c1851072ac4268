package org.pledge.notification.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.DeliveryReceipt;
import org.pledge.notification.channel.api.DeliveryReceipts;
import org.pledge.notification.channel.provider.ProviderLimits;
import org.pledge.notification.channel.sms.SmsProperties;
import org.pledge.platform.web.CallbackSignature;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/** What a checked receipt becomes ({@link SmsCallbackController}); the HTTP answers are in {@code SmsCallbacksIT}. */
class SmsCallbackControllerTest {

    private static final String SECRET = "sms-sandbox-secret";
    private static final Instant NOW = Instant.parse("2027-01-15T14:30:00Z");

    private final List<DeliveryReceipt> recorded = new ArrayList<>();
    private final SmsCallbackController controller = controller(recorded::add);

    @Test
    void deliveredReceipt_isRecorded_asTheProviderSentIt() throws Exception {
        String body = "{\"eventId\":\"sms_1-delivered\",\"type\":\"sms.delivered\",\"id\":\"sms_1\",\"idempotencyKey\":\"n-1.SMS\","
                + "\"status\":\"DELIVERED\",\"deliveredAt\":\"2027-01-15T14:29:58Z\",\"request\":{\"to\":\"+15145550123\","
                + "\"text\":\"Réponse d'ici le 15 janvier\"}}";

        assertThat(post(body).getStatusCode().value()).isEqualTo(204);

        assertThat(recorded).containsExactly(new DeliveryReceipt("n-1.SMS", "sms_1", true, null,
                Instant.parse("2027-01-15T14:29:58Z"), "sms_1-delivered"));
    }

    @Test
    void failedReceipt_isRecorded_withTheReasonAsAShortCode() throws Exception {
        String body = "{\"eventId\":\"sms_2-failed\",\"type\":\"sms.failed\",\"id\":\"sms_2\",\"idempotencyKey\":\"n-2.SMS\","
                + "\"status\":\"FAILED\",\"failedAt\":\"2027-01-15T14:29:59Z\",\"reason\":\"UNREACHABLE\"}";

        post(body);

        assertThat(recorded).containsExactly(new DeliveryReceipt("n-2.SMS", "sms_2", false, "unreachable",
                Instant.parse("2027-01-15T14:29:59Z"), "sms_2-failed"));
    }

    @Test
    void receiptOfAnotherType_isAcknowledged_andRecordsNothing() throws Exception {
        assertThat(post("{\"type\":\"sms.accepted\",\"id\":\"sms_3\",\"idempotencyKey\":\"n-3.SMS\"}").getStatusCode().value())
                .isEqualTo(204);
        assertThat(recorded).isEmpty();
    }

    @Test
    void receiptForAReferenceNobodySent_isRefused() {
        SmsCallbackController refusing = controller(receipt -> {
            throw new DeliveryReceipts.UnknownReferenceException();
        });
        String body = "{\"type\":\"sms.delivered\",\"id\":\"sms_4\",\"idempotencyKey\":\"not-ours\"}";

        assertThatThrownBy(() -> post(refusing, body, NOW.getEpochSecond()))
                .isInstanceOfSatisfying(SmsCallbackException.class, e -> assertThat(e.code()).isEqualTo("sms.reference-unknown"));
    }

    @Test
    void receiptSignedLongAgo_isRefusedBeforeItIsRead() {
        String body = "{\"type\":\"sms.delivered\",\"id\":\"sms_5\",\"idempotencyKey\":\"n-5.SMS\"}";

        assertThatThrownBy(() -> post(controller, body, NOW.minusSeconds(301).getEpochSecond()))
                .isInstanceOfSatisfying(SmsCallbackException.class, e -> assertThat(e.code()).isEqualTo("sms.signature-stale"));
        assertThat(recorded).isEmpty();
    }

    private org.springframework.http.ResponseEntity<Void> post(String body) throws Exception {
        return post(controller, body, NOW.getEpochSecond());
    }

    private static org.springframework.http.ResponseEntity<Void> post(SmsCallbackController target, String body, long timestamp)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/callbacks/sms");
        request.setContentType("application/json");
        request.setContent(bytes);
        return target.receipt(String.valueOf(timestamp), CallbackSignature.sign(SECRET, timestamp, bytes), request);
    }

    private static SmsCallbackController controller(DeliveryReceipts receipts) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("receipts", receipts);
        ProviderLimits.Retry retry = new ProviderLimits.Retry(3, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(10));
        ProviderLimits.CircuitBreaker breaker = new ProviderLimits.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30));
        SmsProperties properties = new SmsProperties(java.net.URI.create("http://localhost:9101"), "", SECRET, Duration.ofMinutes(5),
                Duration.ofMinutes(1), 65536, 10, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), retry, breaker);
        return new SmsCallbackController(beans.getBeanProvider(DeliveryReceipts.class), properties, new ObjectMapper(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
