package org.pledge.cases.casefile.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;

/** Test double for the catalogue and calendar ports. */
final class InMemoryCatalogue implements ServiceCatalogue, BusinessCalendars {

    private final List<ServiceType> serviceTypes = new ArrayList<>();
    private final List<BusinessCalendar> calendars = new ArrayList<>();

    InMemoryCatalogue with(ServiceType serviceType) {
        serviceTypes.add(serviceType);
        return this;
    }

    InMemoryCatalogue with(BusinessCalendar calendar) {
        calendars.add(calendar);
        return this;
    }

    @Override
    public Optional<ServiceType> find(String serviceTypeCode) {
        return serviceTypes.stream().filter(t -> t.code().equals(serviceTypeCode)).findFirst();
    }

    @Override
    public Optional<BusinessCalendar> current(String calendarId) {
        return calendars.stream().filter(c -> c.id().equals(calendarId)).max(Comparator.comparingInt(BusinessCalendar::version));
    }

    @Override
    public Optional<BusinessCalendar> version(String calendarId, int version) {
        return calendars.stream().filter(c -> c.id().equals(calendarId) && c.version() == version).findFirst();
    }
}
