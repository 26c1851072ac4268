package org.pledge.guarantee.transfer.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonDocument;
import org.pledge.guarantee.claim.api.BankAccount;
import org.pledge.guarantee.claim.api.RefundFailedEvent;
import org.pledge.guarantee.claim.api.RefundInstructedEvent;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.transfer.api.TransferStatus;
import org.pledge.platform.api.PersonalData;
import org.pledge.platform.privacy.PersonalDataCipher;
import org.pledge.platform.privacy.PersonalDataHolder;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code payment_transfers} read model: one {@link TransferDocument} per refund paid by bank transfer, kept by
 * {@link TransferProjection} from the claim's events through {@link SequencedDocuments} (the claim's sequence numbers:
 * a refund's events are its claim's), the creditor's details protected by {@link PersonalDataCipher}.
 *
 * <p>A {@link PersonalDataHolder}: on the holder's erasure the creditor's name, IBAN and BIC are overwritten with
 * {@link PersonalData#ERASED} (idempotent). Such a transfer is left out of its batch from then on and reported
 * (docs/payment-batches.md). A projection batch that read the transfer before the erasure writes ciphertext under the
 * deleted key, which reads as erased too.
 */
@Repository
public class Transfers implements PersonalDataHolder {

    static final String COLLECTION = "payment_transfers";

    private final MongoCollection<TransferDocument> transfers;
    private final SequencedDocuments<TransferDocument> sequenced;
    private final PersonalDataCipher cipher;

    public Transfers(MongoDatabaseFactory databases, PersonalDataCipher cipher) {
        this.transfers = ReadModelCodecs.collection(databases.getMongoDatabase(), COLLECTION, TransferDocument.class);
        this.cipher = cipher;
        transfers.createIndex(Indexes.ascending(TransferDocument.ID, TransferDocument.SEQ), new IndexOptions().unique(true));
        transfers.createIndex(Indexes.ascending(TransferDocument.BUSINESS_DATE));
        transfers.createIndex(Indexes.ascending(TransferDocument.HOLDER_REFERENCE));
        this.sequenced = new SequencedDocuments<>(transfers, TransferDocument.SEQ, Transfers::refundOf);
    }

    /** The transfer an event changes: its refund's. */
    static String refundOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof RefundInstructedEvent e) {
            return e.refundId();
        }
        if (payload instanceof RefundPaidEvent e) {
            return e.refundId();
        }
        if (payload instanceof RefundFailedEvent e) {
            return e.refundId();
        }
        return null;
    }

    void instructed(RefundInstructedEvent event, LocalDate businessDate, long sequence) {
        BankAccount account = event.account();
        String subject = account.holderReference();
        sequenced.apply(event.refundId(), sequence, current -> current != null ? null
                : new TransferDocument(event.refundId(), event.claimId(), event.caseId(), event.amount().amount().toPlainString(),
                        event.amount().currency(), businessDate.toString(), event.at(), subject,
                        protect(subject, account.holderName()), protect(subject, account.iban()), protect(subject, account.bic()),
                        TransferStatus.INSTRUCTED.name(), null, sequence));
    }

    /** Records the final status of a transfer we know (a refund paid another way is none of ours: nothing). */
    void finished(String refundId, TransferStatus status, String reason, long sequence) {
        sequenced.apply(refundId, sequence, current -> current == null || TransferStatus.valueOf(current.status()).isFinal()
                ? null : current.withStatus(status.name(), reason, sequence));
    }

    void deleteAll() {
        transfers.deleteMany(new BsonDocument());
    }

    /** The transfers of {@code date}'s batch, by refund id. */
    public List<Transfer> ofDate(LocalDate date) {
        List<Transfer> found = new ArrayList<>();
        transfers.find(Filters.eq(TransferDocument.BUSINESS_DATE, date.toString())).sort(Sorts.ascending(TransferDocument.ID))
                .forEach(document -> found.add(read(document)));
        return found;
    }

    /** The refunds of {@code date}'s batch and where each stands, by refund id: nothing personal is read. */
    public Map<String, TransferState> statesOf(LocalDate date) {
        Map<String, TransferState> found = new LinkedHashMap<>();
        transfers.find(Filters.eq(TransferDocument.BUSINESS_DATE, date.toString())).sort(Sorts.ascending(TransferDocument.ID))
                .forEach(document -> found.put(document.refundId(), new TransferState(document.refundId(), document.claimId(),
                        TransferStatus.valueOf(document.status()))));
        return found;
    }

    /** A transfer's ids and status, without the creditor's details. */
    public record TransferState(String refundId, String claimId, TransferStatus status) {
    }

    /** Overwrites the creditor's details of every transfer of {@code subjectRef} with the erased marker (idempotent). */
    @Override
    public void erase(String subjectRef) {
        transfers.updateMany(Filters.eq(TransferDocument.HOLDER_REFERENCE, subjectRef), Updates.combine(
                Updates.set(TransferDocument.HOLDER_NAME, PersonalData.ERASED), Updates.set(TransferDocument.IBAN, PersonalData.ERASED),
                Updates.set(TransferDocument.BIC, PersonalData.ERASED)));
    }

    private Transfer read(TransferDocument document) {
        String name = cipher.reveal(document.holderName());
        String iban = cipher.reveal(document.iban());
        String bic = cipher.reveal(document.bic());
        boolean erased = cipher.isErased(document.holderReference()) || PersonalData.ERASED.equals(name)
                || PersonalData.ERASED.equals(iban) || PersonalData.ERASED.equals(bic);
        return new Transfer(document.refundId(), document.claimId(), document.caseId(), new BigDecimal(document.amount()),
                document.currency(), LocalDate.parse(document.businessDate()), document.instructedAt(),
                erased ? PersonalData.ERASED : name, erased ? PersonalData.ERASED : iban, erased ? null : bic,
                TransferStatus.valueOf(document.status()), document.statusReason(), erased);
    }

    private String protect(String subjectRef, String value) {
        return value == null ? null : cipher.protect(subjectRef, value);
    }
}
