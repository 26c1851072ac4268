package org.pledge.guarantee.claim.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.guarantee.claim.api.ClaimStatus;
import org.pledge.guarantee.claim.api.GuaranteedFeeRecordedEvent;
import org.springframework.stereotype.Component;

/** Keeps {@link GuaranteeClaims} in step with the claims' events; idempotent, so a replay rebuilds it. */
@Component
@ProcessingGroup(GuaranteeClaimProjection.GROUP)
class GuaranteeClaimProjection {

    static final String GROUP = "guarantee-claims";

    private final GuaranteeClaims claims;

    GuaranteeClaimProjection(GuaranteeClaims claims) {
        this.claims = claims;
    }

    @EventHandler
    void on(GuaranteedFeeRecordedEvent event, @SequenceNumber long sequence) {
        claims.apply(event.caseId(), sequence, current -> ClaimDocument.recorded(event, ClaimStatus.WATCHING.name(), sequence));
    }

    @ResetHandler
    void reset() {
        claims.deleteAll();
    }
}
