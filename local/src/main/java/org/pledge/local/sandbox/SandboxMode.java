package org.pledge.local.sandbox;

import java.util.Map;

/**
 * How a sandbox answers its API calls, set through {@code POST /admin/mode}.
 *
 * @param mode        OK, FAIL (answer 5xx, no effect), TIMEOUT (no answer for {@code seconds}, then the
 *                    connection is closed), SLOW (answer normally after {@code delayMillis})
 * @param status      the 5xx status FAIL answers with
 * @param seconds     how long TIMEOUT keeps the caller waiting
 * @param delayMillis how long SLOW delays each answer
 * @param apply       whether a request that TIMEOUT leaves unanswered still takes effect (the caller
 *                    cannot know: that is what idempotency keys are for)
 * @param remaining   how many more API calls the mode applies to before it reverts to OK; -1 = until changed
 */
public record SandboxMode(String mode, int status, int seconds, long delayMillis, boolean apply, int remaining) {

    public static final SandboxMode OK = new SandboxMode("OK", 503, 30, 2000, true, -1);

    public static SandboxMode from(Map<String, Object> body) {
        String mode = String.valueOf(body.getOrDefault("mode", "OK")).toUpperCase();
        if (!mode.equals("OK") && !mode.equals("FAIL") && !mode.equals("TIMEOUT") && !mode.equals("SLOW")) {
            throw new IllegalArgumentException("mode must be one of OK, FAIL, TIMEOUT, SLOW");
        }
        int status = intOf(body.get("status"), 503);
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be a 5xx code");
        }
        int seconds = intOf(body.get("seconds"), 30);
        long delay = intOf(body.get("delayMillis"), 2000);
        boolean apply = body.get("apply") == null || Boolean.parseBoolean(String.valueOf(body.get("apply")));
        int count = intOf(body.get("count"), -1);
        return new SandboxMode(mode, status, seconds, delay, apply, count);
    }

    SandboxMode consumeOne() {
        if (remaining < 0) {
            return this;
        }
        return remaining <= 1 ? OK : new SandboxMode(mode, status, seconds, delayMillis, apply, remaining - 1);
    }

    private static int intOf(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(value.toString());
    }
}
