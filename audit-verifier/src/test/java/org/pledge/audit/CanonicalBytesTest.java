package org.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalBytesTest {

    private static final HexFormat HEX = HexFormat.of();

    /*
     * The vector of docs/audit.md, worked by hand (and by a 20-line Python script) from the encoding:
     *   706c656467652d61756469742f31                 "pledge-audit/1"
     *   000000000000002a                             sequence 42
     *   01 00000005 6576656e74                       kind "event"
     *   01 00000006 636173652d37                     aggregateIdentifier "case-7"
     *   0000000000000003                             aggregateSequence 3
     *   01 00000004 43617365                         type "Case"
     *   01 00000003 652d31                           eventIdentifier "e-1"
     *   01 00000030 6f72672e...4576656e74            payloadType (48 bytes)
     *   01 00000001 31                               payloadRevision "1"
     *   01 0000019424f8632e                          timestamp 2025-01-02T03:04:05.678Z = 1735787045678 ms
     *   01 66fa7775...1005                           SHA-256 of the metadata {"traceId":"t-1"}
     *   01 cd3ae673...4fd3                           SHA-256 of the payload {"caseId":"case-7"}
     */
    static final String VECTOR_BYTES = "706c656467652d61756469742f31000000000000002a01000000056576656e740100000006636173"
            + "652d3700000000000000030100000004436173650100000003652d3101000000306f72672e706c656467652e63617365732e63"
            + "61736566696c652e6170692e436173655375626d69747465644576656e74010000000131010000019424f8632e0166fa7775a5"
            + "ae712cc6689a0dcdafff4947f5421a7347afae7f44561aea05d0af0147b99e0a38316a60bbf234773be180b4ae9957bb7dabca"
            + "f21005cd3ae6734fd3";
    /** SHA-256(32 zero bytes ‖ the vector's canonical bytes): the link of the vector after the genesis link. */
    static final String VECTOR_LINK = "dc2d19a663bfc458550ecfa8c057bb980163bf8c2dd299214e8d43b48f4514f2";
    /**
     * A tombstone: prefix, sequence 43, kind "sealed", then aggregateIdentifier null (00), aggregateSequence 0 (8
     * zero bytes), type, eventIdentifier, payloadType, payloadRevision null (00 each), timestamp null (00), metadata
     * and payload null (00 each).
     */
    static final String SEALED_43 = "706c656467652d61756469742f31000000000000002b01000000067365616c6564"
            + "00" + "0000000000000000" + "00000000" + "00" + "0000";

    @Test
    void canonicalBytes_matchPinnedVector() {
        assertThat(HEX.formatHex(AuditRecords.VECTOR.canonicalBytes())).isEqualTo(VECTOR_BYTES);
        assertThat(HEX.formatHex(AuditLinks.next(AuditLinks.GENESIS, AuditRecords.VECTOR.canonicalBytes())))
                .isEqualTo(VECTOR_LINK);
    }

    @Test
    void tombstone_isSequenceAndKindOnly() {
        assertThat(HEX.formatHex(AuditRecord.tombstone(43, AuditRecord.SEALED).canonicalBytes())).isEqualTo(SEALED_43);
        assertThat(AuditRecord.tombstone(43, AuditRecord.ABORTED).canonicalBytes())
                .isNotEqualTo(AuditRecord.tombstone(43, AuditRecord.SEALED).canonicalBytes());
    }

    @Test
    void canonicalBytes_areStable_acrossCalls() {
        assertThat(AuditRecords.VECTOR.canonicalBytes()).isEqualTo(AuditRecords.VECTOR.canonicalBytes());
        assertThat(AuditRecords.VECTOR.canonicalBytesAt(42)).isEqualTo(AuditRecords.VECTOR.canonicalBytes());
    }

    @Test
    void canonicalBytesAt_usesThePositionNotTheRecordsSequence() {
        assertThat(AuditRecords.VECTOR.canonicalBytesAt(43)).isNotEqualTo(AuditRecords.VECTOR.canonicalBytes());
        assertThat(AuditRecords.VECTOR.canonicalBytesAt(43))
                .isEqualTo(with(r -> new AuditRecord(43, r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload())).canonicalBytes());
    }

    static List<UnaryOperator<AuditRecord>> everyFieldChanged() {
        return List.of(
                r -> new AuditRecord(r.sequence() + 1, r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), "sealed", r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), "case-8", r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence() + 1,
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        "Claim", r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), "e-2", r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), "x.Other", r.payloadRevision(), r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), "2", r.timestamp(),
                        r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(),
                        r.timestamp().plusMillis(1), r.metaData(), r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        "{\"traceId\":\"t-2\"}", r.payload()),
                r -> new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(),
                        r.type(), r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(),
                        r.metaData(), "{\"caseId\":\"case-8\"}"));
    }

    @ParameterizedTest
    @MethodSource("everyFieldChanged")
    void canonicalBytes_change_whenAnyFieldChanges(UnaryOperator<AuditRecord> change) {
        assertThat(with(change).canonicalBytes()).isNotEqualTo(AuditRecords.VECTOR.canonicalBytes());
    }

    @Test
    void canonicalBytes_differ_betweenNullAndEmpty() {
        AuditRecord nulls = new AuditRecord(1, "event", null, 0, null, null, null, null, null, null, null);
        AuditRecord empties = new AuditRecord(1, "event", "", 0, "", "", "", "", null, "", "");
        assertThat(nulls.canonicalBytes()).isNotEqualTo(empties.canonicalBytes());
        for (int field = 0; field < 7; field++) {
            assertThat(oneEmpty(field).canonicalBytes()).as("field %d empty", field)
                    .isNotEqualTo(nulls.canonicalBytes());
        }
    }

    @Test
    void canonicalBytes_areUnambiguous_whenTextMovesBetweenFields() {
        AuditRecord first = new AuditRecord(1, "event", "ab", 0, "c", null, null, null, null, null, null);
        AuditRecord second = new AuditRecord(1, "event", "a", 0, "bc", null, null, null, null, null, null);
        assertThat(first.canonicalBytes()).isNotEqualTo(second.canonicalBytes());
    }

    @Test
    void timestamp_entersAsEpochMillis() {
        Instant millis = Instant.parse("2025-01-02T03:04:05.678Z");
        AuditRecord withNanos = new AuditRecord(1, "event", null, 0, null, null, null, null,
                millis.plusNanos(999_999), null, null);
        AuditRecord atMillis = new AuditRecord(1, "event", null, 0, null, null, null, null, millis, null, null);
        AuditRecord before1970 = new AuditRecord(1, "event", null, 0, null, null, null, null,
                Instant.parse("1969-12-31T23:59:59.999Z"), null, null);
        assertThat(withNanos.canonicalBytes()).isEqualTo(atMillis.canonicalBytes());
        assertThat(HEX.formatHex(before1970.canonicalBytes())).contains("01ffffffffffffffff");
    }

    @Test
    void text_isUtf8() {
        AuditRecord accented = new AuditRecord(1, "event", "é", 0, null, null, null, null, null, null, null);
        assertThat(HEX.formatHex(accented.canonicalBytes())).contains("0100000002c3a9");
    }

    private static AuditRecord oneEmpty(int field) {
        String[] values = new String[7];
        values[field] = "";
        return new AuditRecord(1, "event", values[0], 0, values[1], values[2], values[3], values[4], null,
                values[5], values[6]);
    }

    private static AuditRecord with(UnaryOperator<AuditRecord> change) {
        return change.apply(AuditRecords.VECTOR);
    }
}
