package org.pledge.platform.security;

/** Axon metadata keys every command (and so every event it causes) carries. */
public final class ActorMetadata {
    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String CHANNEL = "channel";
    /** The request's {@code X-Correlation-Id}, copied unchanged from command to events. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that caused this one (Axon's default calls this {@code correlationId}). */
    public static final String CAUSATION_ID = "causationId";

    private ActorMetadata() {
    }
}
