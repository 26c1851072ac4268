package org.pledge.feedback.satisfaction.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.feedback.satisfaction.api.SatisfactionAlertRaisedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionRecoveredEvent;

/** Keeps {@link SatisfactionAlerts} in step with the watches' alerts; idempotent, so a replay rebuilds it. */
@ProcessingGroup(SatisfactionAlertProjection.GROUP)
public class SatisfactionAlertProjection {

    public static final String GROUP = "satisfaction-alerts";

    private final SatisfactionAlerts alerts;

    public SatisfactionAlertProjection(SatisfactionAlerts alerts) {
        this.alerts = alerts;
    }

    @EventHandler
    void on(SatisfactionAlertRaisedEvent event, @SequenceNumber long sequence) {
        alerts.apply(event.alertId(), sequence, current -> new AlertDocument(event.alertId(), event.serviceType(), AlertDocument.OPEN,
                event.csat(), event.threshold(), event.answers(), event.basis(), event.raisedAt(), null, null, null, null, sequence));
    }

    @EventHandler
    void on(SatisfactionRecoveredEvent event, @SequenceNumber long sequence) {
        alerts.apply(event.alertId(), sequence, current -> current == null ? null
                : new AlertDocument(current.alertId(), current.serviceType(), AlertDocument.CLEARED, current.csat(), current.threshold(),
                current.answers(), current.basis(), current.raisedAt(), event.csat(), event.threshold(), event.answers(),
                event.recoveredAt(), sequence));
    }

    @ResetHandler
    void reset() {
        alerts.deleteAll();
    }
}
