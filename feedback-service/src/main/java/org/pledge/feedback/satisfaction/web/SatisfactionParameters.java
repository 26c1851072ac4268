package org.pledge.feedback.satisfaction.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.satisfaction.api.SatisfactionWindow;

/** The satisfaction API's query parameters, read strictly: an unknown value is a 400 naming what is allowed. */
final class SatisfactionParameters {

    static final String ALL = "all";
    static final String SERVICE_TYPE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    private static final Pattern SERVICE_TYPE = Pattern.compile(SERVICE_TYPE_PATTERN);

    private SatisfactionParameters() {
    }

    /** The service type asked for, or null for all of them (absent, empty or {@code all}). */
    static String serviceType(String value) {
        if (value == null || value.isEmpty() || ALL.equalsIgnoreCase(value)) {
            return null;
        }
        if (!SERVICE_TYPE.matcher(value).matches()) {
            throw new SatisfactionQueryException(SatisfactionQueryException.INVALID_SERVICE_TYPE,
                    "serviceType must be a service type code (letters, digits, '.', '_', '-'; at most 64) or 'all'");
        }
        return value;
    }

    /** The channel asked for (its name), or null for all of them (absent, empty or {@code all}). */
    static String channel(String value) {
        if (value == null || value.isEmpty() || ALL.equalsIgnoreCase(value)) {
            return null;
        }
        return Arrays.stream(FeedbackChannel.values()).map(Enum::name).filter(name -> name.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new SatisfactionQueryException(SatisfactionQueryException.UNKNOWN_CHANNEL,
                        "channel must be one of " + Arrays.toString(FeedbackChannel.values()) + " or 'all'"));
    }

    /** The window asked for; every window when absent or empty. */
    static List<SatisfactionWindow> windows(String value) {
        if (value == null || value.isEmpty()) {
            return List.of(SatisfactionWindow.values());
        }
        return List.of(window(value, null));
    }

    /** The window asked for, {@code otherwise} when absent or empty. */
    static SatisfactionWindow window(String value, SatisfactionWindow otherwise) {
        if ((value == null || value.isEmpty()) && otherwise != null) {
            return otherwise;
        }
        return SatisfactionWindow.parse(value).orElseThrow(() -> new SatisfactionQueryException(SatisfactionQueryException.UNKNOWN_WINDOW,
                "window must be one of PT1H, P1D, P30D"));
    }
}
