package org.pledge.guarantee.circumstance.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.guarantee.circumstance.api.CircumstanceDeclaredEvent;
import org.pledge.guarantee.claim.api.ClaimClosedEvent;
import org.pledge.guarantee.claim.api.ClaimReevaluatedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ExceptionalCircumstances} in step: the declarations, and per circumstance the claims it changed (from the
 * claims' {@link ClaimReevaluatedEvent}, and {@link ClaimClosedEvent} naming it). Idempotent, so a replay rebuilds it.
 */
@Component
@ProcessingGroup(CircumstanceProjection.GROUP)
class CircumstanceProjection {

    static final String GROUP = "exceptional-circumstances";

    private final ExceptionalCircumstances circumstances;

    CircumstanceProjection(ExceptionalCircumstances circumstances) {
        this.circumstances = circumstances;
    }

    @EventHandler
    void on(CircumstanceDeclaredEvent event, @SequenceNumber long sequence) {
        circumstances.apply(event.circumstanceId(), sequence, current -> new CircumstanceDocument(event.circumstanceId(),
                event.serviceTypes(), event.from(), event.to(), event.label(), event.adjustment().name(), event.businessDays(),
                event.declaredBy(), event.declaredAt(), sequence));
    }

    @EventHandler
    void on(ClaimReevaluatedEvent event) {
        circumstances.changed(event);
    }

    @EventHandler
    void on(ClaimClosedEvent event) {
        if (event.circumstanceId() != null) {
            circumstances.closedBy(event.circumstanceId(), event.claimId());
        }
    }

    @ResetHandler
    void reset() {
        circumstances.deleteAll();
    }
}
