package org.pledge.guarantee.policy.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The current version of one service type's policy in {@code guarantee_policies} (read and written through the driver's
 * record codec: these components are the field names).
 *
 * @param terms the {@link org.pledge.guarantee.policy.api.PolicyTerms} as JSON (amounts as decimal strings)
 */
public record PolicyDocument(@BsonId String serviceType, int version, String terms, String changedBy, Instant changedAt) {

    static final String VERSION = "version";
}
