package org.pledge.guarantee.circumstance.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One declared circumstance in {@code exceptional_circumstances} (read and written through the driver's record codec:
 * these components are the field names; dates as ISO strings).
 *
 * @param seq the sequence number of the circumstance's last event applied
 */
public record CircumstanceDocument(@BsonId String circumstanceId, List<String> serviceTypes, LocalDate from, LocalDate to, String label,
                                   String adjustment, int businessDays, String declaredBy, Instant declaredAt, long seq) {

    static final String SEQ = "seq";
}
