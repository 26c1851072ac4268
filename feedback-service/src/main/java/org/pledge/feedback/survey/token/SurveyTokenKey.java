package org.pledge.feedback.survey.token;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One key of the survey links' tokens: {@code id} travels in the token (so a token names the key that signed it),
 * {@code secret} never leaves the service (not logged, not in {@link #toString()}).
 *
 * @param id     {@code [A-Za-z0-9_-]{1,16}}, e.g. {@code 2026-09}
 * @param secret at least {@value #MIN_SECRET_LENGTH} characters (e.g. {@code openssl rand -base64 32})
 */
public record SurveyTokenKey(String id, String secret) {

    static final int MIN_SECRET_LENGTH = 32;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    public SurveyTokenKey {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a survey token key id must match " + ID.pattern());
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the secret of survey token key " + id + " must have at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
    }

    byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SurveyTokenKey[" + id + "]";
    }
}
