package org.pledge.feedback.satisfaction.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The ids of a service type's satisfaction watch and of its alerts: functions of what they are about. */
public final class SatisfactionWatchIds {

    private SatisfactionWatchIds() {
    }

    /** The watch of {@code serviceType}: {@code satisfaction-watch:<serviceType>}. */
    public static String forServiceType(String serviceType) {
        return "satisfaction-watch:" + serviceType;
    }

    /** The {@code ordinal}th alert (from 1) of the watch {@code watchId}: a name-based UUID. */
    public static String alert(String watchId, int ordinal) {
        return UUID.nameUUIDFromBytes((watchId + "/alert/" + ordinal).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
