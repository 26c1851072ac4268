package org.pledge.guarantee.circumstance.integration;

import java.time.Instant;
import java.time.ZoneId;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pledge.guarantee.circumstance.api.CircumstanceDeclaredEvent;
import org.pledge.guarantee.claim.api.ClaimClosedEvent;
import org.pledge.guarantee.claim.api.ClaimOpenedEvent;
import org.pledge.guarantee.claim.api.GuaranteeClaimException;
import org.pledge.guarantee.claim.api.ReevaluateClaimCommand;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends every claim an exceptional circumstance covers one {@link ReevaluateClaimCommand}, whichever came first: on a
 * declaration, to the unsettled claims opened before it; on a claim opened, for the circumstances declared before it.
 *
 * <p><b>Exactly once per (claim, circumstance), restart-safe.</b> One pooled streaming processor
 * ({@value #GROUP}, one segment: {@code application.yml}) handles the claims' and the declarations' events one after
 * another and keeps what it saw in {@link FanOutState}, written before it looks for the other side. Whichever of a claim
 * and a circumstance it handles second finds the first, in whatever order the event store delivers them, so no pair is
 * missed. Its token is stored only after the batch's commands were sent (errors propagate: the batch is handled again,
 * after a back-off); a batch handled again, after a crash or a failure, sends the same commands again, which the claim
 * ignores (it applies a circumstance once). The commands are functions of the events (the instant is the event's), so a
 * repeat is identical. Never replayed ({@link DisallowReplay}): a replay would only send repeats.
 *
 * <p>A claim paid or closed (known from {@link RefundPaidEvent}, {@link ClaimClosedEvent}) is not sent anything; whether
 * any other claim can still change is the claim's decision. A claim that refuses the command for good (a claim rule)
 * is logged (ids and code only) and skipped: one claim never stops the others.
 */
@Component
@ProcessingGroup(CircumstanceFanOut.GROUP)
@DisallowReplay
class CircumstanceFanOut {

    static final String GROUP = "circumstance-fan-out";
    private static final Logger log = LoggerFactory.getLogger(CircumstanceFanOut.class);

    private final FanOutState state;
    private final VersionedCommandGateway commands;
    private final ZoneId zone;

    CircumstanceFanOut(FanOutState state, VersionedCommandGateway commands, @Value("${pledge.guarantee.zone:UTC}") ZoneId zone) {
        this.state = state;
        this.commands = commands;
        this.zone = zone;
    }

    @EventHandler
    void on(ClaimOpenedEvent event, @Timestamp Instant at) {
        state.claimOpened(event.claimId(), event.caseId(), event.serviceType(), event.deadline());
        if (state.isSettled(event.claimId())) {
            return;
        }
        for (FanOutState.Declaration declaration : state.declarationsFor(event.serviceType())) {
            if (declaration.scope().covers(event.serviceType(), event.deadline(), zone)) {
                reevaluate(event.claimId(), declaration.circumstanceId(), declaration, at);
            }
        }
    }

    @EventHandler
    void on(CircumstanceDeclaredEvent event, @Timestamp Instant at) {
        state.declared(event);
        FanOutState.Declaration declaration = new FanOutState.Declaration(event.circumstanceId(), event.scope(), event.adjustment(),
                event.businessDays(), event.declaredBy());
        state.forEachCovered(event.scope(), zone, claim -> reevaluate(claim.claimId(), event.circumstanceId(), declaration, at));
    }

    @EventHandler
    void on(RefundPaidEvent event) {
        state.settled(event.claimId());
    }

    @EventHandler
    void on(ClaimClosedEvent event) {
        state.settled(event.claimId());
    }

    private void reevaluate(String claimId, String circumstanceId, FanOutState.Declaration declaration, Instant at) {
        try {
            commands.sendAndWait(new ReevaluateClaimCommand(claimId, circumstanceId, declaration.adjustment(), declaration.businessDays(),
                    declaration.declaredBy(), at));
        } catch (GuaranteeClaimException e) {
            log.warn("claim {} refused circumstance {}: {}", claimId, circumstanceId, e.code());
        } catch (AggregateNotFoundException e) {
            log.warn("claim {} for circumstance {} does not exist; skipped", claimId, circumstanceId);
        }
    }
}
