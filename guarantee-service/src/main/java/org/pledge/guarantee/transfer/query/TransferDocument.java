package org.pledge.guarantee.transfer.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.RecordFields;

/**
 * One bank transfer in {@code payment_transfers}: a refund instructed with {@code BANK_TRANSFER}, by refund id (the
 * pain.001 end-to-end id). The creditor's name, IBAN and BIC are stored as {@code PersonalDataCipher.protect} gives
 * them (encrypted under the holder's key, {@code [erased]} once erased); the holder reference is a pseudonymous
 * reference, kept in clear to find the subject's transfers on erasure.
 *
 * @param amount       the amount as a plain decimal string
 * @param businessDate the date of the instruction in {@code pledge.guarantee.zone}, ISO ({@code 2026-12-05}): its batch
 * @param status       a {@code TransferStatus} name
 * @param statusReason the reason code of a failure, null otherwise
 * @param seq          the sequence number of the claim's last event applied to this transfer
 */
public record TransferDocument(@BsonId String refundId, String claimId, String caseId, String amount, String currency,
                               String businessDate, Instant instructedAt, String holderReference, String holderName,
                               String iban, String bic, String status, String statusReason, long seq) {

    private static final RecordFields FIELDS = RecordFields.of(TransferDocument.class);
    static final String ID = FIELDS.name("refundId");
    static final String BUSINESS_DATE = FIELDS.name("businessDate");
    static final String HOLDER_REFERENCE = FIELDS.name("holderReference");
    static final String HOLDER_NAME = FIELDS.name("holderName");
    static final String IBAN = FIELDS.name("iban");
    static final String BIC = FIELDS.name("bic");
    static final String SEQ = FIELDS.name("seq");

    TransferDocument withStatus(String newStatus, String reason, long sequence) {
        return new TransferDocument(refundId, claimId, caseId, amount, currency, businessDate, instructedAt, holderReference,
                holderName, iban, bic, newStatus, reason, sequence);
    }
}
