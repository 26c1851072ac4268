package org.pledge.platform.security;

import java.util.Map;
import java.util.UUID;

/** Axon metadata keys every command (and so every event it causes) carries. */
public final class ActorMetadata {
    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLES = "actorRoles";
    /** The OAuth client the command came through (the token's {@code azp}), or the service for system actions. */
    public static final String CLIENT = "client";
    /**
     * Where events stored before {@link #CLIENT} existed kept the client id. Read it as the client; never write it: a
     * case's channel is a fact of the case (its submission channel), not of the token.
     */
    public static final String LEGACY_CLIENT = "channel";
    /** The request's {@code X-Correlation-Id}, copied unchanged from command to events. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that caused this one (Axon's default calls this {@code correlationId}). */
    public static final String CAUSATION_ID = "causationId";

    /** The roles value of a system action (a sweep, a consumer): no person acts. */
    public static final String SYSTEM_ROLE = "system";

    private ActorMetadata() {
    }

    /**
     * The metadata of a command a service sends by itself, outside any request: {@code actor}, roles {@code system},
     * {@code client} and a fresh correlation id, so that its events say who, through what, and can be traced like
     * a request's.
     *
     * @param actor  what acts, e.g. {@code case-service/sla-sweep}
     * @param client what it came through, e.g. the service ({@code case-service}) or the topic it consumed
     */
    public static Map<String, Object> system(String actor, String client) {
        return Map.of(ACTOR, actor, ACTOR_ROLES, SYSTEM_ROLE, CLIENT, client, CORRELATION_ID, UUID.randomUUID().toString());
    }
}
