package org.pledge.cases.casefile.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Case identifiers. */
public final class CaseIds {

    /** The aggregate type of a case's events in the event store ({@code CaseAggregate}'s simple name). */
    public static final String AGGREGATE_TYPE = "CaseAggregate";

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
