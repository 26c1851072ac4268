package org.pledge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pledge.platform.web.CallbackSignature.Verdict;

class CallbackSignatureTest {

    private static final String SECRET = "payments-sandbox-secret";
    private static final Instant NOW = Instant.ofEpochSecond(1_767_000_000L);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final byte[] BODY = "{\"eventId\":\"ref_1-settled\",\"type\":\"refund.settled\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sign_isTheHmacOfTimestampDotBody() {
        // worked out apart: printf '1767000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(CallbackSignature.sign("secret", 1_767_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=" + EXPECTED_A1);
    }

    @Test
    void good_signature_isValid() {
        String signature = CallbackSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        assertThat(verify(String.valueOf(NOW.getEpochSecond()), signature, BODY)).isEqualTo(Verdict.VALID);
        // hex in upper case is the same signature
        assertThat(verify(String.valueOf(NOW.getEpochSecond()), "sha256=" + signature.substring(7).toUpperCase(), BODY))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void bad_signature_isAMismatch() {
        long at = NOW.getEpochSecond();
        assertThat(verify(String.valueOf(at), CallbackSignature.sign("another-secret", at, BODY), BODY)).isEqualTo(Verdict.MISMATCH);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("settled", "pending").getBytes(StandardCharsets.UTF_8);
        assertThat(verify(String.valueOf(at), CallbackSignature.sign(SECRET, at, BODY), changed)).isEqualTo(Verdict.MISMATCH);
        // the same signature with another timestamp: the timestamp is signed too
        assertThat(verify(String.valueOf(at - 1), CallbackSignature.sign(SECRET, at, BODY), BODY)).isEqualTo(Verdict.MISMATCH);
        assertThat(verify(String.valueOf(at), "sha256=zz", BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("yesterday", CallbackSignature.sign(SECRET, at, BODY), BODY)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void stale_signature_isRefused_justPastTheTolerance() {
        long edge = NOW.minus(TOLERANCE).getEpochSecond();
        assertThat(verify(String.valueOf(edge), CallbackSignature.sign(SECRET, edge, BODY), BODY)).isEqualTo(Verdict.VALID);
        long stale = edge - 1;
        assertThat(verify(String.valueOf(stale), CallbackSignature.sign(SECRET, stale, BODY), BODY)).isEqualTo(Verdict.STALE);
    }

    @Test
    void future_signature_isRefused_pastTheSkew() {
        long edge = NOW.plus(SKEW).getEpochSecond();
        assertThat(verify(String.valueOf(edge), CallbackSignature.sign(SECRET, edge, BODY), BODY)).isEqualTo(Verdict.VALID);
        long future = edge + 1;
        assertThat(verify(String.valueOf(future), CallbackSignature.sign(SECRET, future, BODY), BODY)).isEqualTo(Verdict.FUTURE);
    }

    @Test
    void missing_headers_areMissing() {
        String signature = CallbackSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        assertThat(verify(null, signature, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verify(String.valueOf(NOW.getEpochSecond()), null, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verify(" ", " ", BODY)).isEqualTo(Verdict.MISSING);
    }

    private static Verdict verify(String timestamp, String signature, byte[] body) {
        return CallbackSignature.verify(SECRET, timestamp, signature, body, NOW, TOLERANCE, SKEW);
    }

    private static final String EXPECTED_A1 = "5fd79817bebd696cd801b21576a35ac00c4bab8d377ec73a780f2c6b6c74593a";
}
