package org.pledge.platform.security;

/** Axon metadata keys every command (and so every event it causes) carries. */
public final class ActorMetadata {
    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String CHANNEL = "channel";
    /** Same key as Axon's {@code MessageOriginProvider}, so the id flows on from command to events. */
    public static final String CORRELATION_ID = "correlationId";

    private ActorMetadata() {
    }
}
