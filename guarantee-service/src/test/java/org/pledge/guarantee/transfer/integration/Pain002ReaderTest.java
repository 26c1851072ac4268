package org.pledge.guarantee.transfer.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledge.guarantee.transfer.api.PaymentBatchException;
import org.pledge.guarantee.transfer.api.StatusReport;
import org.pledge.guarantee.transfer.integration.Pain002Samples.Tx;

/** Reading pain.002.001.10 status reports: what is read, and what is refused before anything is applied. */
class Pain002ReaderTest {

    static final String BATCH = "PLEDGE-TRF-2026-12-05";
    static final String E2E_1 = "R0a1b2c3d4e5f60718293a4b5c6d7e8f901";
    static final String E2E_2 = "R0a1b2c3d4e5f60718293a4b5c6d7e8f902";

    private final Pain002Reader reader = new Pain002Reader();

    @Test
    void readsEachTransactionsStatus_andARejectionsReasonCode() {
        byte[] xml = Pain002Samples.report("BANK-STS-1", BATCH, List.of(new Tx(E2E_1, "ACSC", null), new Tx(E2E_2, "RJCT", "AC04")));
        IsoSchemas.validate(IsoSchemas.pain002(), xml); // the sample is what a bank may send

        StatusReport report = reader.read(xml);

        assertThat(report.messageId()).isEqualTo("BANK-STS-1");
        assertThat(report.originalMessageId()).isEqualTo(BATCH);
        assertThat(report.originalMessageName()).isEqualTo("pain.001.001.09");
        assertThat(report.groupStatus()).isNull();
        assertThat(report.transactions()).containsExactly(new StatusReport.TransactionStatus(E2E_1, "ACSC", null),
                new StatusReport.TransactionStatus(E2E_2, "RJCT", "AC04"));
    }

    @Test
    void readsARejectedFile_withItsGroupReason() {
        byte[] xml = Pain002Samples.report("BANK-STS-2", BATCH, "pain.001.001.09", "RJCT", "FF01", List.of());
        IsoSchemas.validate(IsoSchemas.pain002(), xml);

        StatusReport report = reader.read(xml);

        assertThat(report.groupStatus()).isEqualTo("RJCT");
        assertThat(report.groupReason()).isEqualTo("FF01");
        assertThat(report.transactions()).isEmpty();
    }

    @Test
    void refusesAnExternalEntity_withoutReadingIt() {
        assertRefused(Pain002Samples.withExternalEntity(BATCH, E2E_1), PaymentBatchException.DTD_FORBIDDEN);
        assertRefused(Pain002Samples.withEntityExpansion(), PaymentBatchException.DTD_FORBIDDEN);
    }

    @Test
    void read_refusesTheFile_whenItIsNotWellFormed() {
        byte[] whole = Pain002Samples.report("BANK-STS-3", BATCH, List.of(new Tx(E2E_1, "ACSC", null)));
        assertRefused(java.util.Arrays.copyOf(whole, whole.length / 2), PaymentBatchException.MALFORMED);
        assertRefused(new byte[0], PaymentBatchException.MALFORMED);
        assertRefused("{\"json\": true}".getBytes(StandardCharsets.UTF_8), PaymentBatchException.MALFORMED);
    }

    @Test
    void read_refusesTheFile_whenItIsAnotherMessageType() {
        byte[] pain001 = new Pain001Writer().write(Pain001WriterTest.batch());
        assertRefused(pain001, PaymentBatchException.WRONG_MESSAGE_TYPE);
        byte[] olderPain002 = new String(Pain002Samples.report("B", BATCH, List.of(new Tx(E2E_1, "ACSC", null))),
                StandardCharsets.UTF_8).replace("pain.002.001.10", "pain.002.001.03").getBytes(StandardCharsets.UTF_8);
        assertRefused(olderPain002, PaymentBatchException.WRONG_MESSAGE_TYPE);
        assertRefused("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), PaymentBatchException.WRONG_MESSAGE_TYPE);
    }

    @Test
    void refusesAReport_missingWhatIsActedOn_orWithAStatusNotKnown() {
        String valid = new String(Pain002Samples.report("BANK-STS-4", BATCH, List.of(new Tx(E2E_1, "ACSC", null))),
                StandardCharsets.UTF_8);
        assertRefused(valid.replace("<OrgnlMsgId>" + BATCH + "</OrgnlMsgId>", ""), PaymentBatchException.INVALID_REPORT);
        assertRefused(valid.replace("<OrgnlEndToEndId>" + E2E_1 + "</OrgnlEndToEndId>", ""), PaymentBatchException.INVALID_REPORT);
        assertRefused(valid.replace("<TxSts>ACSC</TxSts>", "<TxSts>PAID</TxSts>"), PaymentBatchException.INVALID_REPORT);
        assertRefused(valid.replace("<TxSts>ACSC</TxSts>", ""), PaymentBatchException.INVALID_REPORT);
        byte[] twice = Pain002Samples.report("B", BATCH, List.of(new Tx(E2E_1, "ACSC", null), new Tx(E2E_1, "RJCT", "AC04")));
        assertRefused(twice, PaymentBatchException.INVALID_REPORT);
    }

    private void assertRefused(String xml, String code) {
        assertRefused(xml.getBytes(StandardCharsets.UTF_8), code);
    }

    private void assertRefused(byte[] xml, String code) {
        assertThatThrownBy(() -> reader.read(xml)).isInstanceOfSatisfying(PaymentBatchException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }
}
