package org.pledge.cases.catalogue.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.pledge.platform.api.CommandTarget;

/**
 * Creates or changes a service type (the aggregate id is the code). Validated as a {@link ServiceType}; the same
 * terms again record nothing. Answers the service type's revision after the command (1 = created).
 *
 * @param standard       the string form of a {@code ServiceStandard}, e.g. {@code 10 business days}
 * @param legalTimeLimit the same form, or null
 * @param atRiskShare    null means the default (0.8)
 * @param availableFrom  null keeps the current value, or {@code now} for a new service type
 * @param onlyIfMissing  seeding: create it if missing, otherwise change nothing
 */
public record DefineServiceTypeCommand(@CommandTarget String code, Map<String, String> names, Money fee, String standard,
                                       String legalTimeLimit, BigDecimal atRiskShare, boolean guaranteed, String calendarId,
                                       Instant availableFrom, boolean onlyIfMissing, Instant now) {
}
