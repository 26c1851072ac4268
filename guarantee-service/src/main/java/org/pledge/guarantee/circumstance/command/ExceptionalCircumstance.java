package org.pledge.guarantee.circumstance.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.guarantee.circumstance.api.CircumstanceDeclaredEvent;
import org.pledge.guarantee.circumstance.api.CircumstanceRuleException;
import org.pledge.guarantee.circumstance.api.DeclareCircumstanceCommand;
import org.pledge.guarantee.claim.api.Adjustment;
import org.pledge.guarantee.policy.api.GuaranteePolicies;

/**
 * An exceptional circumstance an admin declared (id {@code CircumstanceIds.of(admin, Idempotency-Key)}): which claims it
 * covers and what it does to them, fixed once declared. It only records the declaration; the claims it covers are
 * re-evaluated by {@code circumstance.integration.CircumstanceFanOut}, each by the claim itself.
 *
 * <p>Rules: at least one service type, each with a guarantee policy ({@code circumstance.service-type-unknown});
 * {@code from} ≤ {@code to} ({@code circumstance.date-range-invalid}), at most
 * {@value CircumstanceRuleException#MAX_RANGE_DAYS} days ({@code circumstance.date-range-too-long});
 * {@code SUBTRACT_BUSINESS_DAYS} with 1..{@value CircumstanceRuleException#MAX_BUSINESS_DAYS} days, {@code EXCLUDE} with 0
 * ({@code circumstance.business-days-invalid}); a label. The same declaration again is a no-op (a retried request);
 * another declaration under the same id is {@code circumstance.idempotency-key-reused}.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class ExceptionalCircumstance {

    @AggregateIdentifier
    private String circumstanceId;
    private CircumstanceDeclaredEvent declared;

    /** For Axon. */
    protected ExceptionalCircumstance() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeclareCircumstanceCommand command, GuaranteePolicies policies) {
        CircumstanceDeclaredEvent event = validated(command, policies);
        if (declared != null) {
            if (!sameDeclaration(declared, event)) {
                throw new CircumstanceRuleException(CircumstanceRuleException.Kind.CONFLICT, CircumstanceRuleException.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used before for another declaration");
            }
            return; // a retried request: declared already
        }
        apply(event);
    }

    private static CircumstanceDeclaredEvent validated(DeclareCircumstanceCommand command, GuaranteePolicies policies) {
        if (command.serviceTypes() == null || command.serviceTypes().isEmpty()) {
            throw CircumstanceRuleException.input(CircumstanceRuleException.SERVICE_TYPES_MISSING, "name at least one service type");
        }
        TreeSet<String> types = new TreeSet<>();
        for (String type : command.serviceTypes()) {
            if (type == null || policies.current(type).isEmpty()) {
                throw CircumstanceRuleException.input(CircumstanceRuleException.SERVICE_TYPE_UNKNOWN,
                        "service type " + type + " has no guarantee policy");
            }
            types.add(type);
        }
        LocalDate from = command.from();
        LocalDate to = command.to();
        if (from == null || to == null || from.isAfter(to)) {
            throw CircumstanceRuleException.input(CircumstanceRuleException.DATE_RANGE_INVALID,
                    "a date range needs from and to, from not after to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > CircumstanceRuleException.MAX_RANGE_DAYS) {
            throw CircumstanceRuleException.input(CircumstanceRuleException.DATE_RANGE_TOO_LONG,
                    "a date range covers at most " + CircumstanceRuleException.MAX_RANGE_DAYS + " days");
        }
        if (command.adjustment() == null) {
            throw CircumstanceRuleException.input(CircumstanceRuleException.ADJUSTMENT_MISSING,
                    "say what the circumstance does: SUBTRACT_BUSINESS_DAYS or EXCLUDE");
        }
        int days = command.businessDays();
        boolean daysValid = command.adjustment() == Adjustment.EXCLUDE ? days == 0
                : days >= 1 && days <= CircumstanceRuleException.MAX_BUSINESS_DAYS;
        if (!daysValid) {
            throw CircumstanceRuleException.input(CircumstanceRuleException.BUSINESS_DAYS_INVALID,
                    command.adjustment() == Adjustment.EXCLUDE ? "EXCLUDE subtracts no business days"
                            : "SUBTRACT_BUSINESS_DAYS subtracts 1 to " + CircumstanceRuleException.MAX_BUSINESS_DAYS + " business days");
        }
        if (command.label() == null || command.label().isBlank()) {
            throw CircumstanceRuleException.input(CircumstanceRuleException.LABEL_MISSING, "a declaration needs a label");
        }
        if (command.declaredBy() == null || command.declaredBy().isBlank() || command.at() == null) {
            throw new IllegalArgumentException("a declaration needs its admin and instant");
        }
        return new CircumstanceDeclaredEvent(command.circumstanceId(), List.copyOf(types), from, to, command.label(),
                command.adjustment(), days, command.declaredBy(), command.at());
    }

    /** The same declaration, whenever it was sent. */
    private static boolean sameDeclaration(CircumstanceDeclaredEvent a, CircumstanceDeclaredEvent b) {
        return a.serviceTypes().equals(b.serviceTypes()) && a.from().equals(b.from()) && a.to().equals(b.to())
                && a.label().equals(b.label()) && a.adjustment() == b.adjustment() && a.businessDays() == b.businessDays()
                && a.declaredBy().equals(b.declaredBy());
    }

    @EventSourcingHandler
    void on(CircumstanceDeclaredEvent event) {
        circumstanceId = event.circumstanceId();
        declared = event;
    }

}
