package org.pledge.local.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HmacTest {

    @Test
    void sign_matchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        String signature = Hmac.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void timestampedSignature_isTheHmacOfTimestampDotBody() {
        // printf '1767000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(Hmac.sign("secret", 1_767_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5fd79817bebd696cd801b21576a35ac00c4bab8d377ec73a780f2c6b6c74593a");
    }

    @Test
    void verification_fails_forAChangedBodyAnotherTimestampAStaleOneOrAMissingHeader() {
        byte[] body = "{\"id\":\"sms_1\"}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_767_000_000L);
        Duration tolerance = Duration.ofMinutes(5);
        String at = String.valueOf(now.getEpochSecond());
        String signature = Hmac.sign("s", now.getEpochSecond(), body);
        assertThat(Hmac.verify("s", at, body, signature, now, tolerance)).isTrue();
        assertThat(Hmac.verify("s", at, "{\"id\":\"sms_2\"}".getBytes(StandardCharsets.UTF_8), signature, now, tolerance)).isFalse();
        assertThat(Hmac.verify("s", String.valueOf(now.getEpochSecond() + 1), body, signature, now, tolerance)).isFalse();
        assertThat(Hmac.verify("s", at, body, signature, now.plusSeconds(301), tolerance)).isFalse();
        assertThat(Hmac.verify("s", at, body, null, now, tolerance)).isFalse();
        assertThat(Hmac.verify("s", null, body, signature, now, tolerance)).isFalse();
    }
}
