package org.pledge.feedback.survey.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.SurveyTokenException.Reason;

class SurveyTokensTest {

    static final SurveyTokenKey K1 = new SurveyTokenKey("k1", "k1-secret-of-at-least-thirty-two-chars!!");
    static final SurveyTokenKey K2 = new SurveyTokenKey("k2", "k2-secret-of-at-least-thirty-two-chars!!");
    static final String INVITATION = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final Instant EXPIRES = Instant.parse("2025-04-15T15:00:07Z");
    /*
     * Worked with Python's hmac, independently of this code:
     *   signed = 01 | 0f8fad5bd9cb469fa16570867728950e | 67fe7477 (1744729207 s = 2025-04-15T15:00:07Z)
     *   mac    = HMAC-SHA256(K1, "pledge.survey-token" 00 "k1" 00 signed 00 "case-1")[0:16]
     *   token  = "k1." + base64url(signed | mac), no padding
     */
    static final String KNOWN = "k1.AQ-PrVvZy0afoWVwhncolQ5n_nR38uYs0W863b6saPmj-pjQrg";

    private final SurveyTokens tokens = new SurveyTokens(List.of(K1));

    @Test
    void issue_givesTheWorkedToken_shortUrlSafeAndUnpadded() {
        String token = tokens.issue("k1", INVITATION, "case-1", EXPIRES);

        assertThat(token).isEqualTo(KNOWN).hasSize(53).matches("[A-Za-z0-9_.-]+").doesNotContain("=").doesNotContain("case-1");
    }

    @Test
    void read_givesWhatTheTokenClaims_andItsSignatureHoldsForItsCase() {
        SurveyTokens.Claims claims = tokens.read(KNOWN);

        assertThat(claims.keyId()).isEqualTo("k1");
        assertThat(claims.invitationId()).isEqualTo(INVITATION);
        assertThat(claims.expiresAt()).isEqualTo(EXPIRES);
        assertThat(claims.signedFor("case-1")).isTrue();
        assertThat(claims.toString()).doesNotContain(KNOWN.substring(3));
    }

    @Test
    void signature_doesNotHold_forAnotherCase() {
        // a good token of case-1's invitation, signed with a good key, presented as case-2's
        assertThat(tokens.read(KNOWN).signedFor("case-2")).isFalse();
        assertThat(tokens.read(KNOWN).signedFor(null)).isFalse();
    }

    @Test
    void signature_doesNotHold_whenForged() {
        byte[] body = body(KNOWN);
        body[body.length - 1] ^= 0x01; // the signature's last byte

        assertThat(tokens.read(token("k1", body)).signedFor("case-1")).isFalse();
    }

    @Test
    void signature_doesNotHold_whenTheExpiryWasTamperedWith() {
        byte[] body = body(KNOWN);
        body[17 + 2] ^= 0x01; // the expiry's third byte: 256 s later

        SurveyTokens.Claims claims = tokens.read(token("k1", body));
        assertThat(claims.expiresAt()).isEqualTo(EXPIRES.plusSeconds(256));
        assertThat(claims.signedFor("case-1")).isFalse();
    }

    @Test
    void signature_doesNotHold_whenTheInvitationWasTamperedWith() {
        byte[] body = body(KNOWN);
        body[1] ^= 0x01;

        assertThat(tokens.read(token("k1", body)).signedFor("case-1")).isFalse();
    }

    @Test
    void signature_doesNotHold_whenSignedWithAnotherSecretUnderTheSameKeyId() {
        SurveyTokens forger = new SurveyTokens(List.of(new SurveyTokenKey("k1", "not-our-secret-but-long-enough-0123456789")));
        String forged = forger.issue("k1", INVITATION, "case-1", EXPIRES);

        assertThat(tokens.read(forged).signedFor("case-1")).isFalse();
    }

    @Test
    void read_isInvalid_whenTheKeyIdIsUnknown() {
        String token = new SurveyTokens(List.of(K2)).issue("k2", INVITATION, "case-1", EXPIRES);

        assertInvalid(token);
        assertInvalid("k3" + KNOWN.substring(2));
    }

    @Test
    void rotation_newestSigns_andEveryKeyVerifies() {
        SurveyTokens rotated = new SurveyTokens(List.of(K2, K1));
        String old = KNOWN; // signed with k1 before the rotation
        String fresh = rotated.issue(rotated.signingKeyId(), INVITATION, "case-1", EXPIRES);

        assertThat(rotated.signingKeyId()).isEqualTo("k2");
        assertThat(fresh).startsWith("k2.").isNotEqualTo(old);
        assertThat(rotated.read(old).signedFor("case-1")).isTrue();
        assertThat(rotated.read(fresh).signedFor("case-1")).isTrue();
        // k1 retired: its tokens no longer read
        assertThatThrownBy(() -> new SurveyTokens(List.of(K2)).read(old)).isInstanceOf(SurveyTokenException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "k1", "k1.", ".AQ-PrVvZy0afoWVwhncolQ5n_nR38uYs0W863b6saPmj-pjQrg",
            "k1.AQ-PrVvZy0afoWVwhncolQ5n_nR38uYs0W863b6saPmj-pjQr", // one character short
            "k1.AQ-PrVvZy0afoWVwhncolQ5n_nR38uYs0W863b6saPmj-pjQrg=", // padded
            "k1.AQ-PrVvZy0afoWVwhncolQ5n_nR38uYs0W863b6saPmj-pjQrh", // non-zero unused bits: another spelling of the same bytes
            "k1.AQ+PrVvZy0afoWVwhncolQ5n/nR38uYs0W863b6saPmj+pjQrg", // not URL-safe
            "k1.k1.AQ-PrVvZy0afoWVwhncolQ5n_nR38uYs0W863b6saPmj-pjQrg", "k 1.AQ-PrVvZy0afoWVwhncolQ5n_nR38uYs0W863b6saPmj-pjQrg",
            "<script>alert(1)</script>", "../../etc/passwd"})
    void read_isInvalid_whenMalformed(String token) {
        assertInvalid(token);
    }

    @Test
    void read_isInvalid_whenOfAnotherVersion() {
        byte[] body = body(KNOWN);
        body[0] = 2;

        assertInvalid(token("k1", body));
    }

    @Test
    void read_isInvalid_whenFarTooLong() {
        assertInvalid("k1." + "A".repeat(10_000));
    }

    @Test
    void invalid_neverNamesTheToken() {
        assertThatThrownBy(() -> new SurveyTokens(List.of(K2)).read(KNOWN))
                .isInstanceOfSatisfying(SurveyTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                .message().doesNotContain(KNOWN.substring(3)).doesNotContain("k1");
    }

    @Test
    void issue_isRefused_forAnUnknownKeyOrAnExpiryWithAFraction() {
        assertThatThrownBy(() -> tokens.issue("k2", INVITATION, "case-1", EXPIRES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("k1", INVITATION, "case-1", EXPIRES.plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keys_areRefused_whenShortDuplicatedOrBadlyNamed_withoutNamingTheSecret() {
        assertThatThrownBy(() -> new SurveyTokenKey("k1", "short-secret")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("short-secret");
        assertThatThrownBy(() -> new SurveyTokenKey("k.1", K1.secret())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SurveyTokens(List.of(K1, K1))).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(K1.secret());
        assertThat(K1.toString()).doesNotContain(K1.secret());
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> tokens.read(token))
                .isInstanceOfSatisfying(SurveyTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }

    private static byte[] body(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1));
    }

    private static String token(String keyId, byte[] body) {
        return keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    }
}
