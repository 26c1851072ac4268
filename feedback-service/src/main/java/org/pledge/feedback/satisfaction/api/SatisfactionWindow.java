package org.pledge.feedback.satisfaction.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rolling windows of the live figures, each counted in buckets of its own size ending with the bucket that holds
 * now: the last hour in 60 one-minute buckets, the last day in 24 one-hour buckets, the last 30 days in 30 days of
 * {@code pledge.satisfaction.zone} (today and the 29 before).
 */
public enum SatisfactionWindow {
    PT1H("PT1H"),
    P1D("P1D"),
    P30D("P30D");

    private final String code;

    SatisfactionWindow(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The window named {@code code} (ISO-8601 duration as listed, any case), if any. */
    public static Optional<SatisfactionWindow> parse(String code) {
        return Arrays.stream(values()).filter(w -> w.code.equalsIgnoreCase(code)).findFirst();
    }
}
