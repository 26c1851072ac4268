package org.pledge.notification.delivery.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trigger values that are credentials (a survey's single-use link) written as one string, so an event stores them as
 * {@link org.pledge.platform.api.PersonalData} of the recipient (encrypted under their key, erased with them), never in
 * clear: {@code name=value&name=value}, URL-encoded, sorted by name (the same values give the same string).
 */
public final class SealedValues {

    private SealedValues() {
    }

    public static String write(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        new TreeMap<>(values).forEach((name, value) -> {
            if (value != null) {
                out.append(out.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
            }
        });
        return out.isEmpty() ? null : out.toString();
    }

    /** The values written by {@link #write}; empty for null or an erased value (which holds no {@code =}). */
    public static Map<String, String> read(String sealed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (sealed == null || sealed.isEmpty()) {
            return values;
        }
        for (String pair : sealed.split("&")) {
            int at = pair.indexOf('=');
            if (at > 0) {
                values.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
