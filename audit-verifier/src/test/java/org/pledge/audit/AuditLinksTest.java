package org.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class AuditLinksTest {

    @Test
    void genesis_isThirtyTwoZeroBytes() {
        assertThat(AuditLinks.GENESIS).hasSize(32).containsOnly(0);
        assertThat(AuditLinks.genesis()).isEqualTo(AuditLinks.GENESIS).isNotSameAs(AuditLinks.GENESIS);
    }

    @Test
    void next_isSha256OfPreviousThenCanonicalBytes() throws Exception {
        byte[] previous = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        byte[] canonical = AuditRecords.event(5).canonicalBytes();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(previous);
        assertThat(AuditLinks.next(previous, canonical)).isEqualTo(sha256.digest(canonical));
    }

    @Test
    void next_chainsEachLinkIntoTheNext() {
        byte[] link1 = AuditLinks.next(AuditLinks.GENESIS, AuditRecords.event(1).canonicalBytes());
        byte[] link2 = AuditLinks.next(link1, AuditRecords.event(2).canonicalBytes());
        byte[] link2FromOtherStart = AuditLinks.next(AuditLinks.next(AuditLinks.GENESIS,
                AuditRecords.event(3).canonicalBytes()), AuditRecords.event(2).canonicalBytes());
        assertThat(link2).hasSize(32).isNotEqualTo(link1).isNotEqualTo(link2FromOtherStart);
    }

    @Test
    void next_ofRecordAtPosition_equalsNextOfItsCanonicalBytesAt() {
        AuditRecord record = AuditRecords.event(9);
        assertThat(AuditLinks.next(AuditLinks.GENESIS, record, 10))
                .isEqualTo(AuditLinks.next(AuditLinks.GENESIS, record.canonicalBytesAt(10)));
    }
}
