package org.pledge.guarantee.transfer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.it.GuaranteeServiceITSupport;
import org.pledge.guarantee.transfer.it.TransferClaims.Refund;
import org.pledge.guarantee.transfer.integration.Pain002Samples;
import org.pledge.guarantee.transfer.integration.Pain002Samples.Tx;
import org.pledge.guarantee.transfer.integration.TransferFiles;
import org.pledge.guarantee.transfer.query.Transfer;
import org.pledge.guarantee.transfer.query.Transfers;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.ServiceApi;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.w3c.dom.Element;

/**
 * The daily pain.001 and the pain.002 checks through HTTP, on the embedded infrastructure: refunds instructed by bank
 * transfer (real claims driven by their commands, projected by the real processor) are downloaded as a file valid
 * against the official XSD, the same bytes each time; erased accounts are left out and reported; a status report that
 * is malformed, foreign, of another type or carries a DTD is refused with a problem and changes nothing.
 */
class PaymentBatchesIT extends GuaranteeServiceITSupport {

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoDatabaseFactory databases;
    @Autowired
    Transfers transfers;
    @Value("${pledge.guarantee.zone:UTC}")
    ZoneId zone;

    private static LocalDate aPastDate() {
        return TransferClaims.aPastDate();
    }

    @Test
    void aClosedDaysBatch_isAValidPain001OfItsTransfers_theSameBytesEachTime() {
        LocalDate date = aPastDate();
        Refund first = TransferClaims.byTransfer(commands, date, "120.00", "COBADEFFXXX"); // 30.00
        Refund second = TransferClaims.byTransfer(commands, date, "50.20", null); // 12.55
        TransferClaims.toOriginalPaymentMethod(commands, date, "100.00"); // the provider's, not a transfer
        TransferClaims.byTransfer(commands, date.plusDays(1), "28.00", null); // the next day's batch

        ApiResponse response = awaitBatch(date, 2);

        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.header("Content-Disposition")).contains("attachment").contains("pledge-transfers-" + date + ".pain.001.xml");
        assertThat(response.header(PaymentBatchHeaders.UNPAYABLE)).isNull();
        byte[] xml = response.body().getBytes(StandardCharsets.UTF_8);
        TransferFiles.validatePain001(xml);

        Element header = TransferFiles.path(xml, "CstmrCdtTrfInitn", "GrpHdr");
        assertThat(TransferFiles.text(header, "MsgId")).isEqualTo("PLEDGE-TRF-" + date);
        assertThat(TransferFiles.text(header, "NbOfTxs")).isEqualTo("2");
        assertThat(new BigDecimal(TransferFiles.text(header, "CtrlSum"))).isEqualByComparingTo("42.55");
        Element instruction = TransferFiles.path(xml, "CstmrCdtTrfInitn", "PmtInf");
        assertThat(TransferFiles.text(TransferFiles.child(instruction, "Dbtr"), "Nm")).isEqualTo("Pledge Demo Refunds");
        assertThat(TransferFiles.text(TransferFiles.child(TransferFiles.child(instruction, "DbtrAcct"), "Id"), "IBAN"))
                .isEqualTo("DE02100100100006820101");
        List<Element> credits = TransferFiles.children(instruction, "CdtTrfTxInf");
        List<Refund> expected = new ArrayList<>(List.of(first, second));
        expected.sort((a, b) -> a.refundId().compareTo(b.refundId()));
        assertThat(credits).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Element credit = credits.get(i);
            Refund refund = expected.get(i);
            assertThat(TransferFiles.text(TransferFiles.child(credit, "PmtId"), "EndToEndId")).isEqualTo(refund.refundId());
            Element amount = TransferFiles.child(TransferFiles.child(credit, "Amt"), "InstdAmt");
            assertThat(new BigDecimal(amount.getTextContent())).isEqualByComparingTo(refund.amount());
            assertThat(amount.getAttribute("Ccy")).isEqualTo("CAD");
            assertThat(TransferFiles.text(TransferFiles.child(credit, "Cdtr"), "Nm")).isEqualTo(TransferClaims.HOLDER_NAME);
            assertThat(TransferFiles.text(TransferFiles.child(TransferFiles.child(credit, "CdtrAcct"), "Id"), "IBAN")).isEqualTo(TransferClaims.IBAN);
            assertThat(TransferFiles.children(credit, "CdtrAgt")).hasSize(refund.bic() == null ? 0 : 1);
            assertThat(TransferFiles.text(TransferFiles.child(credit, "RmtInf"), "Ustrd")).contains(refund.caseId());
        }

        ApiResponse again = get("/api/payment-batches/" + date);
        assertThat(again.body()).isEqualTo(response.body());
        assertThat(again.header("ETag")).isEqualTo(response.header("ETag")).isNotBlank();
    }

    @Test
    void theAccountIsStoredEncrypted_andAnErasedOneIsLeftOut_andReported() {
        LocalDate date = aPastDate();
        Refund kept = TransferClaims.byTransfer(commands, date, "40.00", null);
        Refund erased = TransferClaims.byTransfer(commands, date, "80.00", "COBADEFFXXX");
        awaitBatch(date, 2);
        MongoCollection<Document> stored = databases.getMongoDatabase().getCollection("payment_transfers");
        Document document = stored.find(new Document("_id", erased.refundId())).first();
        assertThat(document).isNotNull();
        assertThat(document.toJson()).doesNotContain(TransferClaims.IBAN).doesNotContain("Tremblay").doesNotContain("COBADEFF");
        assertThat(document.getString("iban")).startsWith("pd1:");

        ApiResponse erasure = ServiceApi.on(port).send("DELETE", "/api/data-subjects/" + erased.holder() + "?reason=subject-request",
                TestTokens.get().token("admin-1", "admin"), null, Map.of());
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);

        ApiResponse after = awaitBatch(date, 1);
        assertThat(after.header(PaymentBatchHeaders.UNPAYABLE)).isEqualTo(erased.refundId());
        assertThat(after.body()).contains(kept.refundId()).doesNotContain(erased.refundId());
        TransferFiles.validatePain001(after.body().getBytes(StandardCharsets.UTF_8));
        assertThat(stored.find(new Document("_id", erased.refundId())).first().getString("iban")).isEqualTo("[erased]");

        ApiResponse erasedAgain = ServiceApi.on(port).send("DELETE", "/api/data-subjects/" + erased.holder() + "?reason=subject-request",
                TestTokens.get().token("admin-1", "admin"), null, Map.of());
        assertThat(erasedAgain.status()).as(erasedAgain.body()).isEqualTo(200); // idempotent
        transfers.erase(erased.holder()); // the holder itself, again, and for a subject it holds nothing of
        transfers.erase("applicant-" + UUID.randomUUID());
        assertThat(stored.find(new Document("_id", erased.refundId())).first().getString("holderName")).isEqualTo("[erased]");
        assertThat(stored.find(new Document("_id", kept.refundId())).first().getString("iban")).startsWith("pd1:");
        assertThat(transfers.ofDate(date)).filteredOn(Transfer::erased).extracting(Transfer::refundId).containsExactly(erased.refundId());
    }

    @Test
    void aDayNotOver_isOpen_aDayWithoutTransfers_isEmpty_andADateMustBeOne() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone); // the service's clock and business zone
        get("/api/payment-batches/" + today).assertProblem(409, "payment-batch.open");
        get("/api/payment-batches/" + today.plusDays(3)).assertProblem(409, "payment-batch.open");
        // a client that accepts only XML (the file) still gets the problem
        api.send("GET", "/api/payment-batches/" + today, finance(), null, Map.of("Accept", "application/xml"))
                .assertProblem(409, "payment-batch.open");
        get("/api/payment-batches/" + aPastDate().minusYears(30)).assertProblem(404, "payment-batch.empty");
        get("/api/payment-batches/2026-13-45").assertProblem(400, null);
        assertThat(ServiceApi.on(port).get("/api/payment-batches/2001-01-01", TestTokens.get().token("auditor-1", "auditor")).status())
                .isEqualTo(403);
    }

    @Test
    void aStatusReportThatIsMalformedForeignOfAnotherTypeOrWithADtd_isRefused_andChangesNothing() {
        LocalDate date = aPastDate();
        Refund refund = TransferClaims.byTransfer(commands, date, "60.00", null);
        String before = awaitBatch(date, 1).body();
        String batch = "PLEDGE-TRF-" + date;

        upload(new String(Pain002Samples.report("B1", batch, List.of(new Tx(refund.refundId(), "ACSC", null))), StandardCharsets.UTF_8)
                .substring(0, 200)).assertProblem(400, "payment-batch.malformed");
        upload(Pain002Samples.withExternalEntity(batch, refund.refundId())).assertProblem(400, "payment-batch.dtd-forbidden");
        upload(Pain002Samples.withEntityExpansion()).assertProblem(400, "payment-batch.dtd-forbidden");
        upload(before.getBytes(StandardCharsets.UTF_8)).assertProblem(422, "payment-batch.wrong-message-type"); // our pain.001
        upload(Pain002Samples.report("B2", "BANK-OTHER-CUSTOMER-1", List.of(new Tx(refund.refundId(), "ACSC", null))))
                .assertProblem(422, "payment-batch.foreign-report");
        upload(Pain002Samples.report("B3", "PLEDGE-TRF-" + date.minusYears(40), List.of(new Tx(refund.refundId(), "ACSC", null))))
                .assertProblem(422, "payment-batch.foreign-report");
        upload(Pain002Samples.report("B4", batch, List.of(new Tx(refund.refundId(), "ACSC", null),
                new Tx("R" + "0".repeat(32) + "01", "RJCT", "AC04")))).assertProblem(422, "payment-batch.unknown-transaction");
        upload(Pain002Samples.report("B5", batch, "pain.008.001.08", null, null, List.of(new Tx(refund.refundId(), "ACSC", null))))
                .assertProblem(422, "payment-batch.wrong-message-type");
        upload(Pain002Samples.report("B6", batch, List.of(new Tx(refund.refundId(), "PAID", null))))
                .assertProblem(422, "payment-batch.invalid-report");
        upload("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"><!-- " + "x".repeat(1_100_000) + " --></Document>")
                .assertProblem(413, "request.too-large"); // pledge.web.max-request-size
        ApiResponse json = ServiceApi.on(port).post("/api/payment-batches/status-reports", finance(), "{}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(json.status()).isEqualTo(415);
        ApiResponse noKey = ServiceApi.on(port).post("/api/payment-batches/status-reports", finance(),
                new String(Pain002Samples.report("B7", batch, List.of(new Tx(refund.refundId(), "ACSC", null))), StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml"));
        noKey.assertProblem(400, null);

        // nothing changed: the transfer is still instructed, the same file
        assertThat(databases.getMongoDatabase().getCollection("payment_transfers").find(new Document("_id", refund.refundId())).first()
                .getString("status")).isEqualTo("INSTRUCTED");
        assertThat(get("/api/payment-batches/" + date).body()).isEqualTo(before);
    }

    private ApiResponse awaitBatch(LocalDate date, int transactions) {
        ApiResponse[] last = new ApiResponse[1];
        Eventually.await("the batch of " + date + " holds " + transactions).until(() -> {
            last[0] = get("/api/payment-batches/" + date);
            return last[0].status() == 200 && last[0].body().contains("<NbOfTxs>" + transactions + "</NbOfTxs>");
        });
        return last[0];
    }

    private ApiResponse upload(byte[] xml) {
        return upload(new String(xml, StandardCharsets.UTF_8));
    }

    private ApiResponse upload(String xml) {
        return ServiceApi.on(port).post("/api/payment-batches/status-reports", finance(), xml,
                Map.of("Content-Type", "application/xml", "Idempotency-Key", UUID.randomUUID().toString()));
    }

    private ApiResponse get(String path) {
        return api.get(path, finance());
    }

    private static String finance() {
        return TestTokens.get().token("finance-1", "finance");
    }

    /** The headers the batch download answers besides the file. */
    static final class PaymentBatchHeaders {
        static final String UNPAYABLE = "Pledge-Unpayable-Refunds";
    }
}
