package org.pledge.guarantee.transfer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.claim.api.RefundFailedEvent;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.it.GuaranteeServiceITSupport;
import org.pledge.guarantee.transfer.it.TransferClaims.Refund;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.transfer.integration.Pain002Samples;
import org.pledge.guarantee.transfer.integration.Pain002Samples.Tx;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * A pain.002 through HTTP settles and rejects the right refunds of real claims: each claim is driven with the claim's
 * own commands (breach, resolution 5 business days late → 25 % of 120.00 CAD = 30.00, auto-approved, then the
 * applicant's account) until it instructs its refund by bank transfer; the file of that day holds it; the report's
 * statuses become the claim's {@code RefundPaidEvent} / {@code RefundFailedEvent}, once, however often it is imported.
 */
class PaymentStatusReportsIT extends GuaranteeServiceITSupport {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabaseFactory databases;

    private Refund instructedRefund(LocalDate date) {
        return TransferClaims.byTransfer(commands, date, "120.00", null);
    }

    private static LocalDate aPastDate() {
        return TransferClaims.aPastDate();
    }

    @Test
    void aStatusReport_settlesAndRejectsTheRightRefunds_once() {
        LocalDate date = aPastDate();
        Refund paid = instructedRefund(date);
        Refund rejected = instructedRefund(date);
        Refund pending = instructedRefund(date);
        Refund untouched = instructedRefund(date);
        String file = awaitBatch(date, 4).body();
        assertThat(file).contains(paid.refundId(), rejected.refundId(), pending.refundId(), untouched.refundId())
                .contains("<InstdAmt Ccy=\"CAD\">30.00</InstdAmt>");

        byte[] report = Pain002Samples.report("BANK-STS-" + date, "PLEDGE-TRF-" + date, List.of(
                new Tx(paid.refundId(), "ACSC", null), new Tx(rejected.refundId(), "RJCT", "AC04"), new Tx(pending.refundId(), "ACSP", null)));
        String key = UUID.randomUUID().toString();
        ApiResponse first = upload(report, key);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode summary = first.json();
        assertThat(summary.path("batchDate").asText()).isEqualTo(date.toString());
        assertThat(ids(summary.path("settled"))).containsExactly(paid.refundId());
        assertThat(summary.path("rejected")).hasSize(1);
        assertThat(summary.path("rejected").get(0).path("refundId").asText()).isEqualTo(rejected.refundId());
        assertThat(summary.path("rejected").get(0).path("reason").asText()).isEqualTo("AC04");
        assertThat(ids(summary.path("pending"))).containsExactly(pending.refundId());
        assertThat(summary.path("alreadyFinal")).isEmpty();

        RefundPaidEvent paidEvent = only(paid.claimId(), RefundPaidEvent.class);
        assertThat(paidEvent.refundId()).isEqualTo(paid.refundId());
        assertThat(paidEvent.paymentId()).isEqualTo("BANK-STS-" + date);
        assertThat(paidEvent.method()).isEqualTo(PayoutMethod.BANK_TRANSFER);
        RefundFailedEvent failedEvent = only(rejected.claimId(), RefundFailedEvent.class);
        assertThat(failedEvent.reason()).isEqualTo("AC04");
        assertThat(events(pending.claimId(), RefundPaidEvent.class)).isEmpty();
        assertThat(events(pending.claimId(), RefundFailedEvent.class)).isEmpty();
        assertThat(events(untouched.claimId(), RefundPaidEvent.class)).isEmpty();
        Eventually.await("the transfers' statuses").until(() -> "PAID".equals(status(paid)) && "FAILED".equals(status(rejected)));
        assertThat(status(pending)).isEqualTo("INSTRUCTED");
        long eventsBefore = eventCount(paid, rejected, pending, untouched);

        // a retry of the same request: the first answer again, nothing applied
        ApiResponse retried = upload(report, key);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json()).isEqualTo(summary);
        // the same report imported again (a new request): nothing more changes
        ApiResponse again = upload(report, UUID.randomUUID().toString());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(ids(again.json().path("alreadyFinal"))).containsExactlyInAnyOrder(paid.refundId(), rejected.refundId());
        assertThat(again.json().path("settled")).isEmpty();
        assertThat(again.json().path("rejected")).isEmpty();
        // the key of another file
        upload(Pain002Samples.report("BANK-STS-X", "PLEDGE-TRF-" + date, List.of(new Tx(pending.refundId(), "ACSC", null))), key)
                .assertProblem(422, "payment-batch.idempotency-key-reused");
        assertThat(eventCount(paid, rejected, pending, untouched)).isEqualTo(eventsBefore);

        // the day's file is still the same bytes
        assertThat(get("/api/payment-batches/" + date, financeToken()).body()).isEqualTo(file);

        // a later report settles the pending one
        ApiResponse later = upload(Pain002Samples.report("BANK-STS-2-" + date, "PLEDGE-TRF-" + date,
                List.of(new Tx(pending.refundId(), "ACCC", null))), UUID.randomUUID().toString());
        assertThat(ids(later.json().path("settled"))).containsExactly(pending.refundId());
        assertThat(only(pending.claimId(), RefundPaidEvent.class).paymentId()).isEqualTo("BANK-STS-2-" + date);
    }

    @Test
    void aFileRejectedAsAWhole_rejectsEveryRefundOfTheBatch() {
        LocalDate date = aPastDate();
        Refund one = instructedRefund(date);
        Refund two = instructedRefund(date);
        awaitBatch(date, 2);

        ApiResponse response = upload(Pain002Samples.report("BANK-GRP-" + date, "PLEDGE-TRF-" + date, "pain.001.001.09", "RJCT",
                "FF01", List.of()), UUID.randomUUID().toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("rejected")).hasSize(2);
        assertThat(only(one.claimId(), RefundFailedEvent.class).reason()).isEqualTo("FF01");
        assertThat(only(two.claimId(), RefundFailedEvent.class).reason()).isEqualTo("FF01");
    }

    @Test
    void aForeignOrUnknownTransaction_refusesTheWholeFile_andNothingChanges() {
        LocalDate date = aPastDate();
        Refund mine = instructedRefund(date);
        Refund otherDay = instructedRefund(date.plusDays(1));
        awaitBatch(date, 1);
        awaitBatch(date.plusDays(1), 1);

        // the first transaction is fine, the second is another day's: nothing of the file is applied
        upload(Pain002Samples.report("BANK-MIX-" + date, "PLEDGE-TRF-" + date, List.of(new Tx(mine.refundId(), "ACSC", null),
                new Tx(otherDay.refundId(), "ACSC", null))), UUID.randomUUID().toString())
                .assertProblem(422, "payment-batch.unknown-transaction");
        upload(Pain002Samples.withExternalEntity("PLEDGE-TRF-" + date, mine.refundId()), UUID.randomUUID().toString())
                .assertProblem(400, "payment-batch.dtd-forbidden");

        assertThat(events(mine.claimId(), RefundPaidEvent.class)).isEmpty();
        assertThat(events(otherDay.claimId(), RefundPaidEvent.class)).isEmpty();
        assertThat(status(mine)).isEqualTo("INSTRUCTED");
    }

    private ApiResponse awaitBatch(LocalDate date, int transactions) {
        ApiResponse[] last = new ApiResponse[1];
        Eventually.await("the batch of " + date + " holds " + transactions).until(() -> {
            last[0] = get("/api/payment-batches/" + date, financeToken());
            return last[0].status() == 200 && last[0].body().contains("<NbOfTxs>" + transactions + "</NbOfTxs>");
        });
        return last[0];
    }

    private ApiResponse upload(byte[] xml, String key) {
        return post("/api/payment-batches/status-reports", financeToken(), new String(xml, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml", "Idempotency-Key", key));
    }

    private String status(Refund refund) {
        Document document = databases.getMongoDatabase().getCollection("payment_transfers").find(new Document("_id", refund.refundId())).first();
        return document == null ? null : document.getString("status");
    }

    private <T> List<T> events(String claimId, Class<T> type) {
        List<T> found = new ArrayList<>();
        eventStore.readEvents(claimId).asStream().map(DomainEventMessage::getPayload).filter(type::isInstance).map(type::cast)
                .forEach(found::add);
        return found;
    }

    private <T> T only(String claimId, Class<T> type) {
        List<T> found = events(claimId, type);
        assertThat(found).as(type.getSimpleName() + " of claim " + claimId).hasSize(1);
        return found.get(0);
    }

    private long eventCount(Refund... refunds) {
        long count = 0;
        for (Refund refund : refunds) {
            count += eventStore.readEvents(refund.claimId()).asStream().count();
        }
        return count;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asText()));
        return ids;
    }
}
