package org.pledge.guarantee.circumstance.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledge.guarantee.circumstance.api.CircumstanceDeclaredEvent;
import org.pledge.guarantee.circumstance.api.CircumstanceScope;
import org.pledge.guarantee.claim.api.Adjustment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * What {@link CircumstanceFanOut} knows, kept by it alone (so it sees exactly the events it handled, in its order): the
 * claims opened ({@code circumstance_fan_out_claims}: service type, case deadline, whether paid or closed) and the
 * circumstances declared ({@code circumstance_fan_out_declarations}). Every write is an idempotent upsert: a batch
 * handled again writes the same.
 */
@Component
class FanOutState {

    static final String CLAIMS = "circumstance_fan_out_claims";
    static final String DECLARATIONS = "circumstance_fan_out_declarations";

    private final MongoCollection<Document> claims;
    private final MongoCollection<Document> declarations;

    FanOutState(MongoDatabaseFactory databases) {
        this.claims = databases.getMongoDatabase().getCollection(CLAIMS);
        this.declarations = databases.getMongoDatabase().getCollection(DECLARATIONS);
        claims.createIndex(Indexes.ascending("serviceType", "deadline"));
        declarations.createIndex(Indexes.ascending("serviceTypes"));
    }

    /** A claim the fan-out knows of. */
    record KnownClaim(String claimId, String serviceType, Instant deadline) {
    }

    void claimOpened(String claimId, String caseId, String serviceType, Instant deadline) {
        // settled is left as it is: a claim is opened once, and a repeat must not unsettle it
        claims.updateOne(Filters.eq("_id", claimId), Updates.combine(Updates.set("caseId", caseId), Updates.set("serviceType", serviceType),
                Updates.set("deadline", deadline == null ? null : Date.from(deadline)), Updates.setOnInsert("settled", false)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Paid or closed: final, never re-evaluated. */
    void settled(String claimId) {
        claims.updateOne(Filters.eq("_id", claimId), Updates.set("settled", true), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    void declared(CircumstanceDeclaredEvent event) {
        Document document = new Document("_id", event.circumstanceId())
                .append("serviceTypes", event.serviceTypes())
                .append("from", event.from().toString())
                .append("to", event.to().toString())
                .append("adjustment", event.adjustment().name())
                .append("businessDays", event.businessDays())
                .append("declaredBy", event.declaredBy())
                .append("declaredAt", Date.from(event.declaredAt()));
        declarations.replaceOne(Filters.eq("_id", event.circumstanceId()), document, new ReplaceOptions().upsert(true));
    }

    /**
     * The unsettled claims {@code scope} covers, in claim id order, handed to {@code action} one at a time (read in pages,
     * so a circumstance covering many claims needs no memory for all of them).
     */
    void forEachCovered(CircumstanceScope scope, ZoneId zone, Consumer<KnownClaim> action) {
        Instant from = scope.from().atStartOfDay(zone).toInstant();
        Instant until = scope.to().plusDays(1).atStartOfDay(zone).toInstant();
        Bson filter = Filters.and(Filters.in("serviceType", scope.serviceTypes()), Filters.gte("deadline", Date.from(from)),
                Filters.lt("deadline", Date.from(until)), Filters.ne("settled", true));
        String after = null;
        while (true) {
            Bson page = after == null ? filter : Filters.and(filter, Filters.gt("_id", after));
            List<Document> found = claims.find(page).sort(Sorts.ascending("_id")).limit(500)
                    .projection(Projections.include("serviceType", "deadline")).into(new ArrayList<>());
            for (Document claim : found) {
                KnownClaim known = new KnownClaim(claim.getString("_id"), claim.getString("serviceType"), claim.getDate("deadline").toInstant());
                if (scope.covers(known.serviceType(), known.deadline(), zone)) { // the same rule as for a claim opened later
                    action.accept(known);
                }
            }
            if (found.size() < 500) {
                return;
            }
            after = found.get(found.size() - 1).getString("_id");
        }
    }

    /** Whether the claim is known settled (paid or closed). */
    boolean isSettled(String claimId) {
        Document claim = claims.find(Filters.eq("_id", claimId)).projection(Projections.include("settled")).first();
        return claim != null && Boolean.TRUE.equals(claim.getBoolean("settled"));
    }

    /** A declared circumstance, as the fan-out needs it. */
    record Declaration(String circumstanceId, CircumstanceScope scope, Adjustment adjustment, int businessDays, String declaredBy) {
    }

    /** The circumstances declared so far that name {@code serviceType}. */
    List<Declaration> declarationsFor(String serviceType) {
        List<Declaration> found = new ArrayList<>();
        for (Document d : declarations.find(Filters.eq("serviceTypes", serviceType)).sort(Sorts.ascending("_id"))) {
            found.add(new Declaration(d.getString("_id"), new CircumstanceScope(d.getList("serviceTypes", String.class),
                    LocalDate.parse(d.getString("from")), LocalDate.parse(d.getString("to"))), Adjustment.valueOf(d.getString("adjustment")),
                    d.getInteger("businessDays"), d.getString("declaredBy")));
        }
        return found;
    }
}
