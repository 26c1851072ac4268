package org.pledge.cases.catalogue.config;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceCatalogue;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.cases.sla.ServiceStandard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The catalogue and calendars as configured ({@link CatalogueProperties}), validated at start-up: a bad
 * seed stops the service with the validation error instead of failing on the first case. Calendars are
 * at version 1. (Changing them through the API, as events, comes with the catalogue issue.)
 */
@Component
@EnableConfigurationProperties(CatalogueProperties.class)
public class ConfiguredCatalogue implements ServiceCatalogue, BusinessCalendars {

    private final Map<String, ServiceType> serviceTypes = new LinkedHashMap<>();
    private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();

    public ConfiguredCatalogue(CatalogueProperties properties) {
        for (CatalogueProperties.Calendar calendar : properties.calendars()) {
            calendars.put(calendar.id(), BusinessCalendar.of(calendar.id(), 1, ZoneId.of(calendar.zone()),
                    calendar.weekendDays(), calendar.holidays()));
        }
        for (CatalogueProperties.ServiceTypeSeed seed : properties.serviceTypes()) {
            if (!calendars.containsKey(seed.calendar())) {
                throw new IllegalStateException("service type " + seed.code() + " names unknown calendar " + seed.calendar());
            }
            serviceTypes.put(seed.code(), new ServiceType(seed.code(), seed.names(),
                    seed.fee() == null ? null : new Money(seed.fee().amount(), seed.fee().currency()),
                    seed.standard() == null ? null : ServiceStandard.parse(seed.standard()),
                    seed.legalTimeLimit() == null ? null : ServiceStandard.parse(seed.legalTimeLimit()),
                    seed.atRiskShare(), seed.guaranteed(), seed.calendar(), seed.availableFrom()));
        }
    }

    @Override
    public Optional<ServiceType> find(String serviceTypeCode) {
        return Optional.ofNullable(serviceTypes.get(serviceTypeCode));
    }

    public List<ServiceType> all() {
        return List.copyOf(serviceTypes.values());
    }

    @Override
    public Optional<BusinessCalendar> current(String calendarId) {
        return Optional.ofNullable(calendars.get(calendarId));
    }

    @Override
    public Optional<BusinessCalendar> version(String calendarId, int version) {
        return current(calendarId).filter(c -> c.version() == version);
    }
}
