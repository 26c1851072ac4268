package org.pledge.guarantee.claim.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Claim identifiers. */
public final class GuaranteeClaimIds {

    private GuaranteeClaimIds() {
    }

    /**
     * The claim of a case: a name-based UUID of the case id, so that one case has one claim, however often and under
     * whatever CloudEvent id its events arrive.
     */
    public static String forCase(String caseId) {
        return UUID.nameUUIDFromBytes(("pledge:guarantee:claim:" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
