package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledge.platform.web.CallbackSignature;
import org.pledge.testsupport.http.ApiResponse;

/**
 * {@code POST /api/callbacks/sms} over real HTTP, without a token: the signature over the exact bytes decides, each
 * refusal a 401 problem {@code sms.<rule>}; a receipt for a reference nobody sent is 404 (the delivery feature's
 * {@code DeliveryReceipts} refuses it). What a good receipt records: {@code SmsCallbackControllerTest} and the
 * delivery feature's tests.
 */
class SmsCallbacksIT extends NotificationServiceITSupport {

    private static final String SECRET = "sms-sandbox-secret";
    private static final String PATH = "/api/callbacks/sms";
    // the text holds accents: the signature is over the UTF-8 bytes as sent
    private static final String DELIVERED = "{\"eventId\":\"sms_9-delivered\",\"type\":\"sms.delivered\",\"id\":\"sms_9\","
            + "\"idempotencyKey\":\"not-one-of-ours\",\"status\":\"DELIVERED\",\"deliveredAt\":\"2027-01-15T14:29:58Z\","
            + "\"request\":{\"to\":\"+15145550123\",\"text\":\"Réponse d'ici le 15 janvier\"}}";

    @Test
    void signedReceipt_forAReferenceNobodySent_isNotFound() {
        long now = clock.instant().getEpochSecond();

        signed(DELIVERED, now, SECRET).assertProblem(404, "sms.reference-unknown");
    }

    @Test
    void receiptWithoutSignature_isRefused() {
        api.post(PATH, null, DELIVERED, Map.of()).assertProblem(401, "sms.signature-missing");
        api.post(PATH, null, DELIVERED, Map.of(CallbackSignature.TIMESTAMP, String.valueOf(clock.instant().getEpochSecond())))
                .assertProblem(401, "sms.signature-missing");
    }

    @Test
    void receiptSignedWithAnotherSecret_orAlteredAfterSigning_isRefused() {
        long now = clock.instant().getEpochSecond();

        signed(DELIVERED, now, "not-the-secret").assertProblem(401, "sms.signature-invalid");
        String signature = CallbackSignature.sign(SECRET, now, DELIVERED.getBytes(StandardCharsets.UTF_8));
        String altered = DELIVERED.replace("sms.delivered", "sms.failed!!");
        api.post(PATH, null, altered, Map.of(CallbackSignature.TIMESTAMP, String.valueOf(now), CallbackSignature.SIGNATURE, signature))
                .assertProblem(401, "sms.signature-invalid");
        api.post(PATH, null, DELIVERED, Map.of(CallbackSignature.TIMESTAMP, String.valueOf(now), CallbackSignature.SIGNATURE, "md5=abc"))
                .assertProblem(401, "sms.signature-invalid");
    }

    @Test
    void receiptSignedTooLongAgo_orTooFarAhead_isRefused() {
        long now = clock.instant().getEpochSecond();

        signed(DELIVERED, now - 6 * 60, SECRET).assertProblem(401, "sms.signature-stale");
        signed(DELIVERED, now + 6 * 60, SECRET).assertProblem(401, "sms.signature-future");
    }

    @Test
    void signedBodyThatIsNoReceipt_isABadRequest_andAnotherType_isAcknowledged() {
        long now = clock.instant().getEpochSecond();

        signed("[1,2]", now, SECRET).assertProblem(400, "sms.callback-invalid");
        signed("{\"type\":\"sms.delivered\",\"id\":\"sms_9\"}", now, SECRET).assertProblem(400, "sms.callback-invalid");
        assertThat(signed("{\"type\":\"sms.accepted\",\"id\":\"sms_9\",\"idempotencyKey\":\"x\"}", now, SECRET).status()).isEqualTo(204);
    }

    @Test
    void receiptLargerThanTheLimit_isRefusedUnread() {
        String large = "{\"type\":\"sms.delivered\",\"pad\":\"" + "x".repeat(70_000) + "\"}";

        signed(large, clock.instant().getEpochSecond(), SECRET).assertProblem(413, "sms.callback-too-large");
    }

    private ApiResponse signed(String body, long timestamp, String secret) {
        String signature = CallbackSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
        return api.post(PATH, null, body, Map.of(CallbackSignature.TIMESTAMP, String.valueOf(timestamp), CallbackSignature.SIGNATURE,
                signature));
    }
}
