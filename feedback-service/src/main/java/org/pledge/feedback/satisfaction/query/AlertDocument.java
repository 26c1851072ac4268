package org.pledge.feedback.satisfaction.query;

import java.math.BigDecimal;
import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One satisfaction alert in {@code satisfaction_alerts}: open until it has a recovery. Decimals stored as strings.
 *
 * @param status {@code OPEN} or {@code CLEARED}
 * @param seq    the sequence number of the watch's last event applied to it
 */
public record AlertDocument(@BsonId String alertId, String serviceType, String status, BigDecimal csat, BigDecimal threshold,
                            int answers, String basis, Instant raisedAt, BigDecimal recoveredCsat, BigDecimal recoveryThreshold,
                            Integer recoveredAnswers, Instant recoveredAt, long seq) {

    public static final String OPEN = "OPEN";
    public static final String CLEARED = "CLEARED";
    static final String SEQ = "seq";
    static final String STATUS = "status";
    static final String RAISED_AT = "raisedAt";
}
