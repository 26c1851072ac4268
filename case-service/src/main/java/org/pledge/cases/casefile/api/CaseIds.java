package org.pledge.cases.casefile.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Case identifiers. */
public final class CaseIds {

    private CaseIds() {
    }

    /**
     * The case id of the follow-up opened for a follow-up request: a name-based UUID of the request id, so a
     * repeated (redelivered) request targets the same aggregate and cannot open a second case.
     */
    public static String forFollowUp(String followUpRequestId) {
        return UUID.nameUUIDFromBytes(("pledge:case:follow-up:" + followUpRequestId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
