package org.pledge.notification.template.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pledge.notification.template.api.Placeholder;
import org.pledge.notification.template.api.Trigger;

/**
 * Sample raw values for a preview, per placeholder: a known sample for the placeholders the triggers give (a passport
 * case, a photo asked for, a $30.00 refund to the card paid with), else one per type; dates a few weeks from now.
 */
final class TemplateSamples {

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("caseId", "8a6f1c2e-3b4d-4e5f-9a0b-1c2d3e4f5a6b"),
            Map.entry("serviceType", "PASSPORT"),
            Map.entry("reason", "missing-photo"),
            Map.entry("outcome", "APPROVED"),
            Map.entry("onTime", "true"),
            Map.entry("guaranteed", "true"),
            Map.entry("fee", "120.00 CAD"),
            Map.entry("amount", "30.00 CAD"),
            Map.entry("method", "ORIGINAL_PAYMENT_METHOD"),
            Map.entry("surveyLink", "https://survey.example.org/s/8a6f1c2e"),
            Map.entry("rating", "1"));

    private TemplateSamples() {
    }

    /** A sample raw value for each of {@code trigger}'s placeholders. */
    static Map<String, String> of(Trigger trigger, Clock clock) {
        Map<String, String> values = new LinkedHashMap<>();
        String date = clock.instant().plus(Duration.ofDays(21)).toString();
        for (Placeholder placeholder : trigger.placeholders()) {
            String value = BY_NAME.get(placeholder.name());
            if (value == null) {
                value = switch (placeholder.type()) {
                    case DATE -> date;
                    case MONEY -> "30.00 CAD";
                    case CODE -> "SAMPLE";
                    case TEXT -> "sample " + placeholder.name();
                };
            }
            values.put(placeholder.name(), value);
        }
        return values;
    }
}
