package org.pledge.guarantee.circumstance.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Exceptional circumstance identifiers. */
public final class CircumstanceIds {

    private CircumstanceIds() {
    }

    /**
     * The circumstance an admin's request declares: a name-based UUID of the admin and the request's Idempotency-Key, so
     * that a retried request reaches the same circumstance (and declares nothing twice), whichever instance answers it.
     */
    public static String of(String declaredBy, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("pledge:guarantee:circumstance:" + declaredBy + "\u0000" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
