package org.pledge.guarantee.claim.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledge.guarantee.claim.api.ClaimStatus;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code guarantee_claims} read model: one {@link ClaimDocument} per claim, kept by {@link GuaranteeClaimProjection}
 * through {@link SequencedDocuments} (each event applied once, by the claim's sequence numbers); and the refund totals
 * per service type and month computed from it (months in {@code pledge.guarantee.zone}).
 */
@Repository
public class GuaranteeClaims {

    static final String COLLECTION = "guarantee_claims";
    private static final Set<String> PENDING = Set.of(ClaimStatus.AWAITING_APPROVAL.name(), ClaimStatus.AWAITING_PAYOUT_DETAILS.name(),
            ClaimStatus.PAYING.name(), ClaimStatus.PAYMENT_FAILED.name());

    private final MongoCollection<ClaimDocument> claims;
    private final MongoCollection<Document> documents;
    private final SequencedDocuments<ClaimDocument> sequenced;
    private final ZoneId zone;

    public GuaranteeClaims(MongoDatabaseFactory databases, @Value("${pledge.guarantee.zone:UTC}") ZoneId zone) {
        this.documents = databases.getMongoDatabase().getCollection(COLLECTION);
        this.claims = ReadModelCodecs.collection(documents, ClaimDocument.class);
        this.zone = zone;
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        documents.createIndex(Indexes.ascending("_id", ClaimDocument.SEQ), new IndexOptions().unique(true));
        documents.createIndex(Indexes.ascending("status"));
        documents.createIndex(Indexes.ascending("serviceType"));
        this.sequenced = new SequencedDocuments<>(claims, ClaimDocument.SEQ, GuaranteeClaims::claimOf);
    }

    /** The document an event of a claim changes: its claim's (every claim event carries its claim id first). */
    static String claimOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof Record record && payload.getClass().getPackageName().endsWith(".claim.api")) {
            try {
                Object id = record.getClass().getRecordComponents()[0].getAccessor().invoke(record);
                return id instanceof String claimId ? claimId : null;
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    void apply(String claimId, long sequence, UnaryOperator<ClaimDocument> change) {
        sequenced.apply(claimId, sequence, change);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    /** The business time zone of the months. */
    public ZoneId zone() {
        return zone;
    }

    public Optional<ClaimDocument> find(String claimId) {
        return Optional.ofNullable(claims.find(Filters.eq("_id", claimId)).first());
    }

    /** Waits (bounded) until the claim's document holds its event {@code sequence} (read-your-writes). */
    public boolean awaitSequence(String claimId, long sequence, Duration timeout, Duration pollInterval) {
        return sequenced.awaitSequence(claimId, sequence, timeout, pollInterval);
    }

    /** A page of claims (by claim id), filtered by status and service type when given; the page after {@code page} × {@code size}. */
    public List<ClaimDocument> page(String status, String serviceType, int page, int size) {
        return claims.find(filter(status, serviceType)).sort(Sorts.ascending("_id")).skip(page * size).limit(size)
                .into(new ArrayList<>());
    }

    public long count(String status, String serviceType) {
        return claims.countDocuments(filter(status, serviceType));
    }

    private static Bson filter(String status, String serviceType) {
        Document filter = new Document(); // flat: mongo-java-server scans an $and
        if (status != null) {
            filter.append("status", status);
        }
        if (serviceType != null) {
            filter.append("serviceType", serviceType);
        }
        return filter;
    }

    /** Paid and pending refunds of one service type, month and currency. */
    public record RefundTotal(String serviceType, YearMonth month, String currency, BigDecimal paidAmount, int paidCount,
                              BigDecimal pendingAmount, int pendingCount) {
    }

    /**
     * The refund totals of months {@code from}..{@code to} (inclusive, in {@link #zone()}): a paid refund counts in the
     * month it was paid, a pending one (decided, not paid, rejected or closed) in the month it was decided.
     */
    public List<RefundTotal> totals(YearMonth from, YearMonth to) {
        Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, RefundTotal> totals = new TreeMap<>();
        List<ClaimDocument> candidates = claims.find(new Document("decidedAt", new Document("$lt", end))).into(new ArrayList<>());
        for (ClaimDocument claim : candidates) {
            if (claim.amount() == null) {
                continue;
            }
            boolean paid = ClaimStatus.PAID.name().equals(claim.status());
            boolean pending = PENDING.contains(claim.status());
            Instant at = paid ? claim.paidAt() : claim.decidedAt();
            if (!(paid || pending) || at == null || at.isBefore(start) || !at.isBefore(end)) {
                continue;
            }
            YearMonth month = YearMonth.from(at.atZone(zone));
            String key = claim.serviceType() + "|" + month + "|" + claim.currency();
            BigDecimal amount = new BigDecimal(claim.amount());
            RefundTotal t = totals.getOrDefault(key, new RefundTotal(claim.serviceType(), month, claim.currency(), BigDecimal.ZERO, 0,
                    BigDecimal.ZERO, 0));
            totals.put(key, paid
                    ? new RefundTotal(t.serviceType(), month, t.currency(), t.paidAmount().add(amount), t.paidCount() + 1, t.pendingAmount(),
                    t.pendingCount())
                    : new RefundTotal(t.serviceType(), month, t.currency(), t.paidAmount(), t.paidCount(), t.pendingAmount().add(amount),
                    t.pendingCount() + 1));
        }
        return List.copyOf(totals.values());
    }
}
