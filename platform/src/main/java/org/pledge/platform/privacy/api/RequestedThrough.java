package org.pledge.platform.privacy.api;

/** How an erasure reached a service ({@link DataSubjectErasedEvent#requestedThrough()}). */
public final class RequestedThrough {

    /** This service's {@code DELETE /api/data-subjects/{subjectRef}}. */
    public static final String API = "api";
    /** This service's own retention rules. */
    public static final String RETENTION = "retention";
    /** Another service's erasure, received on the topic of that name; never published again. */
    public static final String TOPIC = "pledge.privacy.v1";

    private RequestedThrough() {
    }

    /** Whether an erasure that came this way is published for the other services: all but one received from them. */
    public static boolean publishes(String requestedThrough) {
        return !TOPIC.equals(requestedThrough);
    }
}
