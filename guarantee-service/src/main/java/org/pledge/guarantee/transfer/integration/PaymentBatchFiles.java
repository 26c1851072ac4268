package org.pledge.guarantee.transfer.integration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pledge.guarantee.transfer.api.PaymentBatchException;
import org.pledge.guarantee.transfer.api.PaymentBatchException.Kind;
import org.pledge.guarantee.transfer.config.TransferProperties;
import org.pledge.guarantee.transfer.config.TransferZone;
import org.pledge.guarantee.transfer.query.Transfer;
import org.pledge.guarantee.transfer.query.Transfers;
import org.springframework.stereotype.Component;

/**
 * The pain.001 of a business date (docs/payment-batches.md): every refund instructed by bank transfer that day, in
 * refund id order, whatever became of it since, so that the file of a closed day is the same bytes however often it
 * is asked for. A day's batch is closed at its cut-off ({@link TransferZone}: midnight in {@code pledge.guarantee.zone}
 * unless {@code pledge.transfers.cut-off} says otherwise); before that there is no file
 * ({@code payment-batch.open}), since a file sent to the bank that later grew would pay twice or never. A transfer
 * whose holder was erased can no longer be paid: it is left out and named in {@link File#unpayable()}.
 */
@Component
public class PaymentBatchFiles {

    private static final int MAX_REMITTANCE = 140;

    private final Transfers transfers;
    private final Pain001Writer writer;
    private final TransferProperties properties;
    private final TransferZone zone;
    private final Clock clock;

    PaymentBatchFiles(Transfers transfers, Pain001Writer writer, TransferProperties properties, TransferZone zone, Clock clock) {
        this.transfers = transfers;
        this.writer = writer;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * A day's file.
     *
     * @param transactions the number of credit transfers in it
     * @param unpayable    the refund ids of the day left out because their account was erased
     */
    public record File(LocalDate date, String fileName, byte[] content, int transactions, List<String> unpayable) {
    }

    /** The file of {@code date}; refused while the day is not over, and when it has nothing to pay. */
    public File of(LocalDate date) {
        if (!zone.isClosed(date, clock.instant())) {
            throw new PaymentBatchException(PaymentBatchException.OPEN, Kind.CONFLICT, "The batch of " + date
                    + " is still open: it closes at " + zone.closeOf(date).toOffsetDateTime() + " and can be downloaded from then on.");
        }
        List<PaymentBatch.Credit> credits = new ArrayList<>();
        List<String> unpayable = new ArrayList<>();
        for (Transfer transfer : transfers.ofDate(date)) {
            if (transfer.erased()) {
                unpayable.add(transfer.refundId());
            } else {
                credits.add(new PaymentBatch.Credit(transfer.refundId(), transfer.amount(), transfer.currency(), transfer.holderName(),
                        transfer.iban(), transfer.bic(), remittance(transfer)));
            }
        }
        if (credits.isEmpty()) {
            throw new PaymentBatchException(PaymentBatchException.EMPTY, Kind.NOT_FOUND, "No refund was instructed by bank transfer on "
                    + date + (unpayable.isEmpty() ? "." : " that can still be paid (" + unpayable.size() + " with an erased account)."));
        }
        PaymentBatch batch = new PaymentBatch(date, zone.closeOf(date).toOffsetDateTime(), date.plusDays(1),
                new PaymentBatch.Debtor(properties.debtorName(), properties.debtorIban(), properties.debtorBic()), credits);
        return new File(date, "pledge-transfers-" + date + ".pain.001.xml", writer.write(batch), credits.size(), List.copyOf(unpayable));
    }

    /** {@code RmtInf/Ustrd} (at most 140 characters): what the applicant's statement shows. */
    static String remittance(Transfer transfer) {
        String text = "Pledge refund " + transfer.refundId() + ", case " + transfer.caseId();
        return text.length() <= MAX_REMITTANCE ? text : text.substring(0, MAX_REMITTANCE);
    }
}
