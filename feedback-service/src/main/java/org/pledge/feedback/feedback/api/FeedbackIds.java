package org.pledge.feedback.feedback.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Feedback identifiers: name-based UUIDs, so that a retry reaches the same feedback. */
public final class FeedbackIds {

    private FeedbackIds() {
    }

    /** The one answer a survey invitation allows. */
    public static String forInvitation(String invitationId) {
        return uuid("pledge:feedback:survey:" + invitationId);
    }

    /** Feedback given by channel client {@code client} (its token's subject) under its {@code Idempotency-Key}. */
    public static String forChannel(String client, String idempotencyKey) {
        return uuid("pledge:feedback:channel:" + client + "\u0000" + idempotencyKey);
    }

    /** The follow-up a feedback asks for (at most one). */
    public static String followUpOf(String feedbackId) {
        return uuid("pledge:feedback:follow-up:" + feedbackId);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
