package org.pledge.feedback.satisfaction.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.feedback.satisfaction.api.AlertRule;
import org.pledge.feedback.satisfaction.api.AnswerWatchedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionAlertRaisedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionRecoveredEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionWatchIds;
import org.pledge.feedback.satisfaction.api.WatchAnswerCommand;

/**
 * The rolling CSAT of one service type over its last N answers ({@link AlertRule#lastAnswers}), and its alert, with
 * hysteresis: raised once when CSAT falls below the threshold (with at least the minimum of answers counted), then
 * nothing more until CSAT rises above the recovery threshold, which clears it once; a CSAT between the two thresholds
 * changes nothing, so the alert does not flap.
 *
 * <p>Each answer is counted once: answers arrive in the order of the event stream, each with its position there, and
 * one at or below the last position counted (a redelivery, a replay of the feeding processor) changes nothing.
 * Comparisons are exact ({@code satisfied × 100} against {@code threshold × answers}); the CSAT reported is rounded
 * half-up to two decimals. Holds no personal data: a flag per answer.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class SatisfactionWatch {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String watchId;
    private String serviceType;
    private long lastPosition = -1;
    /** Satisfied (rating 4–5) or not, per answer, oldest first; at most the rule's N. */
    private ArrayDeque<Boolean> recent = new ArrayDeque<>();
    private int alertsRaised;
    private String openAlertId;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected SatisfactionWatch() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WatchAnswerCommand command) {
        if (command.serviceType() == null || command.serviceType().isBlank()) {
            throw new IllegalArgumentException("serviceType is required");
        }
        if (!SatisfactionWatchIds.forServiceType(command.serviceType()).equals(command.watchId())) {
            throw new IllegalArgumentException("watch " + command.watchId() + " is not the watch of its service type");
        }
        if (command.rating() < 1 || command.rating() > 5 || command.rule() == null || command.receivedAt() == null) {
            throw new IllegalArgumentException("a rating 1-5, a rule and receivedAt are required");
        }
        if (watchId != null && command.position() <= lastPosition) {
            return; // counted already
        }
        AlertRule rule = command.rule();
        apply(new AnswerWatchedEvent(command.watchId(), command.serviceType(), command.feedbackId(), command.position(),
                command.rating() >= 4, rule.lastAnswers(), command.receivedAt()));
        int answers = recent.size();
        long satisfied = recent.stream().filter(Boolean::booleanValue).count();
        BigDecimal share = BigDecimal.valueOf(satisfied).multiply(HUNDRED);
        if (openAlertId == null && answers >= rule.minimumAnswers()
                && share.compareTo(rule.threshold().multiply(BigDecimal.valueOf(answers))) < 0) {
            apply(new SatisfactionAlertRaisedEvent(watchId, SatisfactionWatchIds.alert(watchId, alertsRaised + 1), serviceType,
                    csat(satisfied, answers), rule.threshold(), answers, rule.basis(), command.receivedAt()));
        } else if (openAlertId != null && share.compareTo(rule.recoveryThreshold().multiply(BigDecimal.valueOf(answers))) > 0) {
            apply(new SatisfactionRecoveredEvent(watchId, openAlertId, serviceType, csat(satisfied, answers), rule.recoveryThreshold(),
                    answers, rule.basis(), command.receivedAt()));
        }
    }

    /** The share of satisfied answers in percent, half-up to two decimals. */
    static BigDecimal csat(long satisfied, int answers) {
        return BigDecimal.valueOf(satisfied).multiply(HUNDRED).divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP);
    }

    @EventSourcingHandler
    void on(AnswerWatchedEvent event) {
        watchId = event.watchId();
        serviceType = event.serviceType();
        lastPosition = event.position();
        recent.addLast(event.satisfied());
        while (recent.size() > event.lastAnswers()) {
            recent.removeFirst();
        }
    }

    @EventSourcingHandler
    void on(SatisfactionAlertRaisedEvent event) {
        alertsRaised++;
        openAlertId = event.alertId();
    }

    @EventSourcingHandler
    void on(SatisfactionRecoveredEvent event) {
        openAlertId = null;
    }
}
