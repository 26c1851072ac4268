package org.pledge.systemtests;

import java.time.LocalDate;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.await.Eventually;

/**
 * What the console's refunds browser test needs from the services, made through their APIs as {@link Fixtures} makes
 * it: claims awaiting two finance approvals (of a service type of its own), a bank account given by the channel, and a
 * closed day's payment batch.
 */
public final class RefundFixtures {

    private final ServiceProcesses services;
    private final Fixtures fixtures;

    /** On {@code services} (the console stack's: they trust its issuer). */
    public RefundFixtures(ServiceProcesses services) {
        this.services = services;
        this.fixtures = new Fixtures(services);
    }

    /** The service type of the claims this makes (DEMO's terms, five-second standard). */
    public String claimServiceType() {
        return fixtures.claimServiceType();
    }

    /**
     * Submits {@code count} cases for claims and starts work on them now, so that their five-second standard runs out
     * while the browser starts and signs in; {@link #claimAwaitingApproval} then takes one each.
     */
    public void startClaimCases(int count) {
        fixtures.startClaimCases(count);
    }

    /** A claim of 6.25 CAD awaiting two finance approvals; its fee has no payment reference, so it is paid by transfer. */
    public String claimAwaitingApproval() {
        return fixtures.claimAwaitingApproval();
    }

    /** The channel gives the applicant's bank account: an approved claim's refund is then sent by transfer at once. */
    public void giveBankAccount(String claimId) {
        Api.Response given = Api.post(services.uri("guarantee-service", "/api/claims/" + claimId + "/payout-details"),
                fixtures.token("channel"), """
                        {"applicantReference":"%s","holderName":"Hostile Probe","iban":"FR14 2004 1010 0505 0001 3M02 606",
                         "bic":"BNPAFRPP"}""".formatted(Fixtures.CLAIM_SUBJECT),
                Map.of("Idempotency-Key", fixtures.unique("payout")));
        if (given.status() != 204) {
            throw new IllegalStateException("could not give the claim's bank account: " + given.status() + " " + given.body());
        }
    }

    /**
     * The refund of {@code claimId}, instructed by transfer today, moved to the batch of the day before, and that day.
     * A running service's clock cannot be moved, and a day's pain.001 is served only once the day is over: this stands
     * for "the next morning", changing nothing but the batch date of this refund in guarantee-service's
     * {@code payment_transfers} read model (the file is still made by the service, from its own data).
     */
    public LocalDate transferMovedToClosedDay(String claimId) {
        try (MongoClient mongo = MongoClients.create(PledgeInfrastructure.get().mongoConnectionString())) {
            MongoCollection<Document> transfers = mongo.getDatabase(services.database("guarantee-service"))
                    .getCollection("payment_transfers");
            Document transfer = Eventually.await("the transfer of claim " + claimId)
                    .until(() -> transfers.find(Filters.eq("claimId", claimId)).first(), found -> found != null);
            LocalDate closed = LocalDate.parse(transfer.getString("businessDate")).minusDays(1);
            transfers.updateOne(Filters.eq("_id", transfer.get("_id")), Updates.set("businessDate", closed.toString()));
            return closed;
        }
    }
}
