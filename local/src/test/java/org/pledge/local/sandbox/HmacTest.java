package org.pledge.local.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HmacTest {

    @Test
    void sign_matchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        String signature = Hmac.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verification_fails_forAChangedBodyOrAMissingHeader() {
        byte[] body = "{\"id\":\"sms_1\"}".getBytes(StandardCharsets.UTF_8);
        String signature = Hmac.sign("s", body);
        assertThat(Hmac.verify("s", body, signature)).isTrue();
        assertThat(Hmac.verify("s", "{\"id\":\"sms_2\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Hmac.verify("s", body, null)).isFalse();
    }
}
