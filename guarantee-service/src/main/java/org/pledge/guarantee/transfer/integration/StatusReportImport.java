package org.pledge.guarantee.transfer.integration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pledge.guarantee.claim.api.GuaranteeClaimException;
import org.pledge.guarantee.claim.api.RecordRefundFailedCommand;
import org.pledge.guarantee.claim.api.RecordRefundPaidCommand;
import org.pledge.guarantee.transfer.api.PaymentBatchException;
import org.pledge.guarantee.transfer.api.PaymentBatchException.Kind;
import org.pledge.guarantee.transfer.api.PaymentBatchIds;
import org.pledge.guarantee.transfer.api.StatusReport;
import org.pledge.guarantee.transfer.api.TransactionStatusCodes;
import org.pledge.guarantee.transfer.query.Transfers;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a pain.002 to the refunds of our batches (docs/payment-batches.md), in two steps.
 * <ol>
 *   <li><b>Check everything.</b> The file is read ({@link Pain002Reader}); it must report on one of our pain.001s (its
 *       original message id names a date whose batch has transfers, its original message name is pain.001.001.09), and
 *       every transaction it names must be a refund of that batch. Any failure refuses the whole file: nothing is
 *       sent.</li>
 *   <li><b>Apply.</b> For each transaction: a paid status ({@link TransactionStatusCodes#PAID}) sends
 *       {@link RecordRefundPaidCommand}, {@code RJCT} sends {@link RecordRefundFailedCommand} with its reason code, an
 *       interim status nothing. A file rejected as a whole ({@code GrpSts} RJCT, no transactions) rejects every
 *       transfer of the batch not yet final. A transfer already final here, or a command the claim takes as a repeat
 *       (it stored nothing), counts as already final: importing the same report again changes nothing.</li>
 * </ol>
 */
@Component
public class StatusReportImport {

    private static final Logger log = LoggerFactory.getLogger(StatusReportImport.class);

    private final Pain002Reader reader;
    private final Transfers transfers;
    private final VersionedCommandGateway commands;
    private final Clock clock;

    StatusReportImport(Pain002Reader reader, Transfers transfers, VersionedCommandGateway commands, Clock clock) {
        this.reader = reader;
        this.transfers = transfers;
        this.commands = commands;
        this.clock = clock;
    }

    /** What an import did, by refund id (refund ids are no personal data). */
    public record Summary(String messageId, String originalMessageId, LocalDate batchDate, int transactions,
                          List<String> settled, List<Rejection> rejected, List<String> pending, List<String> alreadyFinal,
                          List<Rejection> refused) {
    }

    /** A refund and a reason code: the bank's for a rejection, the claim's for a command it refused. */
    public record Rejection(String refundId, String reason) {
    }

    public Summary importReport(byte[] xml) {
        StatusReport report = reader.read(xml);
        if (!PaymentBatchIds.PAIN_001.equals(report.originalMessageName())) {
            throw new PaymentBatchException(PaymentBatchException.WRONG_MESSAGE_TYPE, Kind.UNPROCESSABLE,
                    "The status report is about a " + shorten(report.originalMessageName()) + "; Pledge sends "
                            + PaymentBatchIds.PAIN_001 + " files only.");
        }
        LocalDate date = PaymentBatchIds.dateOf(report.originalMessageId()).orElseThrow(() -> foreign(report));
        Map<String, Transfers.TransferState> ofBatch = transfers.statesOf(date);
        if (ofBatch.isEmpty()) {
            throw foreign(report);
        }
        List<String> unknown = report.transactions().stream().map(StatusReport.TransactionStatus::endToEndId)
                .filter(id -> !ofBatch.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new PaymentBatchException(PaymentBatchException.UNKNOWN_TRANSACTION, Kind.UNPROCESSABLE, unknown.size()
                    + " transaction(s) of the status report are not in the batch " + report.originalMessageId() + ", e.g. "
                    + shorten(unknown.get(0)) + "; nothing was applied.");
        }

        List<StatusReport.TransactionStatus> statuses = new ArrayList<>(report.transactions());
        if (statuses.isEmpty() && TransactionStatusCodes.REJECTED.equals(report.groupStatus())) {
            String reason = report.groupReason() == null ? TransactionStatusCodes.REJECTED : report.groupReason();
            ofBatch.keySet().forEach(refundId -> statuses.add(new StatusReport.TransactionStatus(refundId, TransactionStatusCodes.REJECTED, reason)));
        }
        List<String> settled = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> alreadyFinal = new ArrayList<>();
        List<Rejection> refused = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (StatusReport.TransactionStatus status : statuses) {
            String refundId = status.endToEndId();
            if (seen.contains(refundId)) {
                continue; // the same status twice in one file
            }
            seen.add(refundId);
            Transfers.TransferState transfer = ofBatch.get(refundId);
            boolean paid = TransactionStatusCodes.PAID.contains(status.status());
            boolean rejects = TransactionStatusCodes.REJECTED.equals(status.status());
            if (!paid && !rejects) {
                pending.add(refundId);
                continue;
            }
            if (transfer.status().isFinal()) {
                alreadyFinal.add(refundId);
                continue;
            }
            String reason = status.reasonCode() == null ? TransactionStatusCodes.REJECTED : status.reasonCode();
            Object command = paid
                    ? new RecordRefundPaidCommand(transfer.claimId(), refundId, report.messageId(), clock.instant())
                    : new RecordRefundFailedCommand(transfer.claimId(), refundId, reason, clock.instant());
            Optional<Boolean> changed = send(command, refundId, refused);
            if (changed.isEmpty()) {
                continue;
            }
            if (!changed.get()) {
                alreadyFinal.add(refundId);
            } else if (paid) {
                settled.add(refundId);
            } else {
                rejected.add(new Rejection(refundId, reason));
            }
        }
        log.info("pain.002 {} for batch {}: {} settled, {} rejected, {} pending, {} already final, {} refused by the claim",
                report.messageId(), report.originalMessageId(), settled.size(), rejected.size(), pending.size(),
                alreadyFinal.size(), refused.size());
        return new Summary(report.messageId(), report.originalMessageId(), date, statuses.size(), settled, rejected, pending,
                alreadyFinal, refused);
    }

    /** Whether the claim stored something; empty when it refused the command (one refund never stops the others). */
    private Optional<Boolean> send(Object command, String refundId, List<Rejection> refused) {
        try {
            return Optional.of(commands.sendAndWait(command).version().isPresent());
        } catch (GuaranteeClaimException e) {
            refused.add(new Rejection(refundId, e.code()));
            return Optional.empty();
        }
    }

    private static PaymentBatchException foreign(StatusReport report) {
        return new PaymentBatchException(PaymentBatchException.FOREIGN_REPORT, Kind.UNPROCESSABLE, "The status report is about "
                + shorten(report.originalMessageId()) + ", which is not a batch Pledge issued; nothing was applied.");
    }

    private static String shorten(String value) {
        String printable = String.valueOf(value).replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 35 ? printable : printable.substring(0, 35) + "…";
    }
}
