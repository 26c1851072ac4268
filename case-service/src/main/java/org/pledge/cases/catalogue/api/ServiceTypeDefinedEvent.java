package org.pledge.cases.catalogue.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.pledge.platform.api.EventRevision;

/**
 * A service type was created ({@code revision} 1) or changed (2, 3, ...); carries all its terms, so the newest
 * event alone describes the service type. Cases already submitted keep the terms they were submitted under.
 */
@EventRevision("1")
public record ServiceTypeDefinedEvent(String code, int revision, Map<String, String> names, Money fee, String standard,
                                      String legalTimeLimit, BigDecimal atRiskShare, boolean guaranteed, String calendarId,
                                      Instant availableFrom, Instant definedAt) {
}
