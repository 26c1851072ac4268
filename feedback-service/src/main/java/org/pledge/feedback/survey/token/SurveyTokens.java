package org.pledge.feedback.survey.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.SurveyTokenException.Reason;

/**
 * The signed token of a survey link (docs/surveys.md, "The token"):
 *
 * <pre>
 *   token   = keyId "." base64url-without-padding(body)                      e.g. 2026-09.AZ3x…  (≤ 67 characters)
 *   body    = version (1 byte, 1) | invitation id (16 bytes, the UUID) | expiry (4 bytes, unsigned epoch seconds) | mac (16 bytes)
 *   mac     = the first 16 bytes of HMAC-SHA256(key, "pledge.survey-token" 0 keyId 0 version | invitation id | expiry 0 caseId)
 * </pre>
 *
 * The case id is signed but not carried (the invitation names it), so a token is short and holds nothing personal; a
 * token moved to another case's invitation does not verify. Every key verifies; the first ({@link #signingKeyId()},
 * the newest) signs. Comparison is constant-time. A token never appears in an exception message or a log line.
 */
public final class SurveyTokens {

    private static final byte VERSION = 1;
    private static final int UUID_BYTES = 16;
    private static final int EXPIRY_BYTES = 4;
    private static final int MAC_BYTES = 16;
    private static final int SIGNED_BYTES = 1 + UUID_BYTES + EXPIRY_BYTES;
    private static final int BODY_BYTES = SIGNED_BYTES + MAC_BYTES;
    private static final int BODY_CHARS = (BODY_BYTES * 8 + 5) / 6;
    private static final int MAX_TOKEN_LENGTH = 16 + 1 + BODY_CHARS;
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9_-]{" + BODY_CHARS + "}");
    private static final byte[] DOMAIN = "pledge.survey-token".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_EXPIRY = 0xFFFF_FFFFL;

    private final Map<String, SurveyTokenKey> keys = new LinkedHashMap<>();
    private final String signingKeyId;

    /** @param keys newest first: the first signs, all verify; ids unique */
    public SurveyTokens(List<SurveyTokenKey> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("at least one survey token key is required");
        }
        for (SurveyTokenKey key : keys) {
            if (this.keys.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("survey token key id " + key.id() + " is given twice");
            }
        }
        this.signingKeyId = keys.get(0).id();
    }

    /** The id of the key new invitations are signed with: the newest. */
    public String signingKeyId() {
        return signingKeyId;
    }

    /** Whether a token signed with {@code keyId} can be issued and verified here. */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /**
     * The token of invitation {@code invitationId} (a UUID) of {@code caseId}, valid until {@code expiresAt} (whole
     * seconds), under key {@code keyId}: the same arguments always give the same token.
     *
     * @throws IllegalArgumentException an unknown key, an invitation id that is no UUID, an expiry out of range or with a fraction of a second
     */
    public String issue(String keyId, String invitationId, String caseId, Instant expiresAt) {
        SurveyTokenKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("no survey token key " + keyId);
        }
        long seconds = expiresAt.getEpochSecond();
        if (expiresAt.getNano() != 0 || seconds < 0 || seconds > MAX_EXPIRY) {
            throw new IllegalArgumentException("a survey token's expiry is a whole second between 1970 and 2106");
        }
        UUID id = UUID.fromString(invitationId);
        ByteBuffer body = ByteBuffer.allocate(BODY_BYTES)
                .put(VERSION).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).putInt((int) seconds);
        byte[] signed = Arrays.copyOf(body.array(), SIGNED_BYTES);
        body.put(mac(key, signed, caseId));
        return key.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /**
     * What a token claims, read without trusting it: its shape, version and key are checked, its signature is not
     * (that needs the invitation's case: {@link Claims#signedFor}).
     *
     * @throws SurveyTokenException {@link Reason#INVALID}: malformed, another version, or signed by a key not configured
     */
    public Claims read(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        String keyId = token.substring(0, dot);
        String encoded = token.substring(dot + 1);
        if (!SurveyTokenKey.ID.matcher(keyId).matches() || !BODY.matcher(encoded).matches()) {
            throw invalid();
        }
        byte[] body = Base64.getUrlDecoder().decode(encoded);
        // one spelling per token: unused trailing bits must be zero, else two texts would be the same token
        if (body.length != BODY_BYTES || body[0] != VERSION
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(body).equals(encoded)) {
            throw invalid();
        }
        SurveyTokenKey key = keys.get(keyId);
        if (key == null) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(body, 1, UUID_BYTES + EXPIRY_BYTES);
        String invitationId = new UUID(buffer.getLong(), buffer.getLong()).toString();
        Instant expiresAt = Instant.ofEpochSecond(buffer.getInt() & MAX_EXPIRY);
        return new Claims(key, invitationId, expiresAt, Arrays.copyOf(body, SIGNED_BYTES),
                Arrays.copyOfRange(body, SIGNED_BYTES, BODY_BYTES));
    }

    /** {@code expiresAt} as a token carries it: whole seconds. */
    public static Instant tokenExpiry(Instant expiresAt) {
        return expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] mac(SurveyTokenKey key, byte[] signed, String caseId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secretBytes(), "HmacSHA256"));
            mac.update(DOMAIN);
            mac.update((byte) 0);
            mac.update(key.id().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(signed);
            mac.update((byte) 0);
            mac.update(caseId.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static SurveyTokenException invalid() {
        return new SurveyTokenException(Reason.INVALID, "The survey link is not valid.");
    }

    /** What a token claims; {@link #signedFor} tells whether its signature holds for a case. */
    public static final class Claims {

        private final SurveyTokenKey key;
        private final String invitationId;
        private final Instant expiresAt;
        private final byte[] signed;
        private final byte[] mac;

        private Claims(SurveyTokenKey key, String invitationId, Instant expiresAt, byte[] signed, byte[] mac) {
            this.key = key;
            this.invitationId = invitationId;
            this.expiresAt = expiresAt;
            this.signed = signed;
            this.mac = mac;
        }

        public String keyId() {
            return key.id();
        }

        public String invitationId() {
            return invitationId;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        /** Whether the token was signed (by its key) for this invitation of {@code caseId}: compared in constant time. */
        public boolean signedFor(String caseId) {
            return caseId != null && MessageDigest.isEqual(mac(key, signed, caseId), mac);
        }

        @Override
        public String toString() {
            return "SurveyTokens.Claims[" + invitationId + "]";
        }
    }

}
