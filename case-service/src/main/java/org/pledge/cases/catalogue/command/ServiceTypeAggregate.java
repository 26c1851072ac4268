package org.pledge.cases.catalogue.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.InvalidServiceTypeException;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.cases.sla.ServiceStandard;

/**
 * A service type of the catalogue (id = its code). Every creation and change is a {@link ServiceTypeDefinedEvent}
 * with all the terms; the rules are {@link ServiceType}'s, plus: the business calendar must be published.
 */
@Aggregate
public class ServiceTypeAggregate {

    @AggregateIdentifier
    private String code;
    private ServiceTypeDefinedEvent current;

    /** For Axon. */
    protected ServiceTypeAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(DefineServiceTypeCommand command, BusinessCalendars calendars) {
        boolean exists = current != null;
        if (exists && command.onlyIfMissing()) {
            return current.revision();
        }
        Instant availableFrom = command.availableFrom() != null ? command.availableFrom()
                : exists ? current.availableFrom() : command.now();
        ServiceType type = new ServiceType(command.code(), command.names(),
                command.fee() == null ? null : command.fee().requireValid(), ServiceStandard.parse(command.standard()),
                command.legalTimeLimit() == null ? null : ServiceStandard.parse(command.legalTimeLimit()),
                command.atRiskShare(), command.guaranteed(), command.calendarId(), availableFrom);
        if (calendars.current(type.calendarId()).isEmpty()) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.CALENDAR_UNKNOWN,
                    "service type " + type.code() + " names unknown business calendar " + type.calendarId());
        }
        int revision = exists ? current.revision() + 1 : 1;
        ServiceTypeDefinedEvent event = new ServiceTypeDefinedEvent(type.code(), revision, type.names(), type.fee(),
                type.standard().toString(), type.legalLimit().map(ServiceStandard::toString).orElse(null), type.atRiskShare(),
                type.guaranteed(), type.calendarId(), type.availableFrom(), command.now());
        if (exists && sameTerms(current, event)) {
            return current.revision(); // the same definition again: nothing to record
        }
        apply(event);
        return revision;
    }

    @EventSourcingHandler
    void on(ServiceTypeDefinedEvent event) {
        code = event.code();
        current = event;
    }

    private static boolean sameTerms(ServiceTypeDefinedEvent a, ServiceTypeDefinedEvent b) {
        return a.names().equals(b.names())
                && sameAmount(a.fee().amount(), b.fee().amount()) && a.fee().currency().equals(b.fee().currency())
                && a.standard().equals(b.standard())
                && Objects.equals(a.legalTimeLimit(), b.legalTimeLimit())
                && sameAmount(a.atRiskShare(), b.atRiskShare())
                && a.guaranteed() == b.guaranteed()
                && a.calendarId().equals(b.calendarId())
                && a.availableFrom().equals(b.availableFrom());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
