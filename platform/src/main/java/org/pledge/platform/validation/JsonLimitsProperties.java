package org.pledge.platform.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Jackson's stream-read limits for the service's Spring {@code ObjectMapper} (request bodies, Kafka payloads):
 * {@code pledge.json.*}. A document over a limit fails while it is read, before any value is built.
 *
 * @param maxNumberLength characters of one JSON number (a fee is about 10; {@code 1e1000000} is 9, and is caught by the
 *                        money rules instead)
 * @param maxNestingDepth nested arrays and objects
 * @param maxStringLength characters of one JSON string value
 * @param maxNameLength   characters of one property name
 */
@ConfigurationProperties("pledge.json")
public record JsonLimitsProperties(Integer maxNumberLength, Integer maxNestingDepth, Integer maxStringLength, Integer maxNameLength) {

    public JsonLimitsProperties {
        maxNumberLength = maxNumberLength == null ? 64 : maxNumberLength;
        maxNestingDepth = maxNestingDepth == null ? 64 : maxNestingDepth;
        maxStringLength = maxStringLength == null ? 1_000_000 : maxStringLength;
        maxNameLength = maxNameLength == null ? 256 : maxNameLength;
    }
}
