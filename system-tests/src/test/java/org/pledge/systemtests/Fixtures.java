package org.pledge.systemtests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.pledge.testsupport.security.TestTokens;

/**
 * Prepares what a write needs through the services' own API: cases in each state of their lifecycle (a new case each
 * time), run-unique codes and keys, and fresh tokens (they live ten minutes; a suite may run longer).
 */
public final class Fixtures {

    private final ServiceProcesses services;
    private final TestTokens tokens = TestTokens.get();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, String> tokenByRole = new HashMap<>();
    private final Map<String, Long> mintedAt = new HashMap<>();

    public Fixtures(ServiceProcesses services) {
        this.services = services;
    }

    public ServiceProcesses services() {
        return services;
    }

    /** A token for {@code role} (subject {@code hostile-<role>}), at most two minutes old. */
    public synchronized String token(String role) {
        Long minted = mintedAt.get(role);
        if (minted == null || System.nanoTime() - minted > 120_000_000_000L) {
            tokenByRole.put(role, tokens.token("hostile-" + role, role));
            mintedAt.put(role, System.nanoTime());
        }
        return tokenByRole.get(role);
    }

    /** {@code prefix} and a number unique in this run. */
    public String unique(String prefix) {
        return prefix + "-" + run + "-" + sequence.incrementAndGet();
    }

    /**
     * A valid submission with every field the request knows: a mailed application (so it states when it was received
     * and by whom), a phone and a two-line postal address beside the email, and a concession (so the fee states a
     * reduction reason and pays less than PASSPORT's 120.00 CAD), paid through the payment provider (its reference).
     */
    public String fullSubmission() {
        return """
                {"serviceType":"PASSPORT","channel":"MAIL","receivedAt":"%s","receivedAtStatedBy":"mailroom-3",
                 "applicant":{"reference":"%s","name":"Zoë Tremblay-Nguyễn","email":"zoe.tremblay@example.org",
                              "phone":"+1 514 555 0123","postalAddress":"1200 rue Sainte-Catherine O\\nMontréal QC H3B 1K9",
                              "language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"60.00","currency":"CAD","reductionReason":"concession"},"paymentReference":"%s"}
                """.formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), unique("mail"),
                unique("ch_mail"));
    }

    /** A plain web submission of {@code serviceType} paying {@code amount} CAD. */
    public String webSubmission(String serviceType, String amount) {
        return """
                {"serviceType":"%s","channel":"WEB",
                 "applicant":{"reference":"%s","name":"Hostile Probe","email":"probe@example.org","language":"en-CA",
                              "preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"%s","currency":"CAD"}}
                """.formatted(serviceType, unique("web"), amount);
    }

    public String submit(String body) {
        Api.Response response = Api.post(services.uri("case-service", "/api/cases"), token("channel"), body,
                Map.of("Idempotency-Key", unique("submit")));
        if (response.status() != 201) {
            throw new IllegalStateException("could not submit a case: " + response.status() + " " + response.body());
        }
        return response.json().path("caseId").asText();
    }

    public String submittedCase() {
        return submit(webSubmission("PASSPORT", "120.00"));
    }

    public String assignedCase() {
        return transition(submittedCase(), "assignment", "{\"assignee\":\"caseworker-7\"}");
    }

    public String inProgressCase() {
        return transition(assignedCase(), "work-started", "");
    }

    public String awaitingInformationCase() {
        return transition(inProgressCase(), "information-requests", "{\"reasonCode\":\"missing-photo\"}");
    }

    public String resolvedCase() {
        return resolve(submittedCase());
    }

    /** Takes the submitted case {@code caseId} through assignment and work to an approval. */
    public String resolve(String caseId) {
        transition(caseId, "assignment", "{\"assignee\":\"caseworker-7\"}");
        transition(caseId, "work-started", "");
        return transition(caseId, "resolution", "{\"outcome\":\"APPROVED\",\"note\":\"All documents present.\"}");
    }

    /**
     * The applicant reference of a fresh web case (an email, in en-CA) once notification-service recorded its contact
     * (it reads {@code pledge.case.submitted.v1}): a data subject whose preferences can be set.
     */
    public String contactSubject() {
        String reference = unique("contact");
        submit("""
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"%s","name":"Hostile Probe","email":"probe@example.org","language":"en-CA",
                              "preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """.formatted(reference));
        long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (Api.get(services.uri("notification-service", "/api/contacts/" + reference + "/preferences"), token("caseworker"))
                .status() != 200) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("notification-service did not record the contact of " + reference);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return reference;
    }

    /** The applicant reference of the cases whose claims {@link #openClaim} and {@link #claimAwaitingApproval} make. */
    public static final String CLAIM_SUBJECT = "hostile-claim-subject";

    /** The standard of {@link #claimServiceType()}: short, so that a claim's case breaches within seconds. */
    public static final String CLAIM_STANDARD = "PT5S";

    private String claimServiceType;

    /**
     * A service type of this run for the claims' cases, defined once through the admin APIs: DEMO's terms (fee 25.00
     * CAD; 1-10 business days late refunds 25 %, so 6.25, above both approval limits: two finance approvals) with a
     * standard of {@value #CLAIM_STANDARD} instead of DEMO's two minutes. Its guarantee policy comes first, so that
     * guarantee-service finds it for the type's first case.
     */
    public synchronized String claimServiceType() {
        if (claimServiceType == null) {
            String code = unique("CLAIMS").toUpperCase(Locale.ROOT);
            Api.Response policy = Api.put(services.uri("guarantee-service", "/api/guarantee-policies/" + code), token("admin"), """
                    {"guaranteed":true,"tiers":[{"from":1,"to":10,"percent":"25"},{"from":11,"percent":"50"}],
                     "exclusions":["WITHDRAWN","REFUSED_FOR_FRAUD","OUTCOME_OTHER"],"currency":"CAD",
                     "autoApprovalLimit":"0.00","secondApprovalLimit":"5.00",
                     "payoutMethods":["ORIGINAL_PAYMENT_METHOD","BANK_TRANSFER"]}""", Map.of("Idempotency-Key", unique("policy")));
            if (policy.status() != 201) {
                throw new IllegalStateException("could not define the claims' guarantee policy: " + policy.status() + " " + policy.body());
            }
            Api.Response type = Api.put(services.uri("case-service", "/api/service-types/" + code), token("admin"), """
                    {"names":{"en":"Hostile claims (five-second standard)","fr":"Réclamations hostiles (norme de cinq secondes)"},
                     "fee":{"amount":"25.00","currency":"CAD"},"standard":"%s","guaranteed":true,"calendarId":"CA-ON"}"""
                    .formatted(CLAIM_STANDARD));
            if (type.status() != 201) {
                throw new IllegalStateException("could not define the claims' service type: " + type.status() + " " + type.body());
            }
            claimServiceType = code;
        }
        return claimServiceType;
    }

    /** Cases of {@link #claimServiceType()} started ahead ({@link #startClaimCases}), each for one claim. */
    private final Deque<String> claimCases = new ArrayDeque<>();

    /**
     * Submits {@code count} cases of {@link #claimServiceType()} and starts work on them now, so that their standard runs
     * out while other things are done; {@link #openClaim} takes one each (a new one when none is left). None is used
     * for more than one claim.
     */
    public synchronized void startClaimCases(int count) {
        for (int i = 0; i < count; i++) {
            claimCases.add(startedClaimCase());
        }
    }

    private String startedClaimCase() {
        String caseId = submit("""
                {"serviceType":"%s","channel":"WEB",
                 "applicant":{"reference":"%s","name":"Hostile Probe","email":"probe@example.org","language":"en-CA",
                              "preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"25.00","currency":"CAD"}}
                """.formatted(claimServiceType(), CLAIM_SUBJECT));
        transition(caseId, "assignment", "{\"assignee\":\"caseworker-7\"}");
        transition(caseId, "work-started", "");
        return caseId;
    }

    /**
     * The guarantee claim of a case of {@link #claimServiceType()} not used for any other claim, once its breach opened
     * it in guarantee-service; returns the case id and the claim id. Takes a few seconds, none for a case started ahead.
     */
    public String openClaim() {
        String caseId;
        synchronized (this) {
            caseId = claimCases.isEmpty() ? null : claimCases.poll();
        }
        if (caseId == null) {
            caseId = startedClaimCase();
        }
        String claimId = UUID.nameUUIDFromBytes(("pledge:guarantee:claim:" + caseId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        awaitClaim(claimId, "\"status\":\"OPEN\"");
        return caseId + " " + claimId;
    }

    /** The claim of a breached case (see {@link #claimServiceType()}) resolved 1 business day late: 6.25 CAD, awaiting two finance approvals. */
    public String claimAwaitingApproval() {
        String[] opened = openClaim().split(" ");
        transition(opened[0], "resolution", "{\"outcome\":\"APPROVED\",\"note\":\"Late, but done.\"}");
        awaitClaim(opened[1], "\"status\":\"AWAITING_APPROVAL\"");
        return opened[1];
    }

    private void awaitClaim(String claimId, String shows) {
        long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (true) {
            Api.Response claim = Api.get(services.uri("guarantee-service", "/api/claims/" + claimId), token("finance"));
            if (claim.status() == 200 && claim.body().contains(shows)) {
                return;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("claim " + claimId + " did not show " + shows + ": " + claim.status() + " " + claim.body());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The survey link token of a fresh resolved case: feedback-service invites its client when case-service resolves it
     * and publishes the link ({@code pledge.feedback.survey-invited.v1}, keyed by case id); the token is the link's last
     * path segment.
     */
    public String surveyToken() {
        String caseId = resolvedCase();
        Map<String, Object> config = Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                org.pledge.testsupport.PledgeInfrastructure.get().kafkaBootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, unique("hostile-survey"),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(java.util.List.of("pledge.feedback.v1"));
            while (System.nanoTime() < giveUp) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(250))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (caseId.equals(record.key()) && type != null
                            && "pledge.feedback.survey-invited.v1".equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        String link;
                        try {
                            link = Api.JSON.readTree(record.value()).path("link").asText();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException("survey-invited of case " + caseId + " is not JSON", e);
                        }
                        String token = link.substring(link.lastIndexOf('/') + 1);
                        // published from the invitation's event: its check may lag a moment behind
                        while (Api.get(services.uri("feedback-service", "/api/surveys/" + token), null).status() != 200) {
                            if (System.nanoTime() > giveUp) {
                                throw new IllegalStateException("the survey link of case " + caseId + " never opened");
                            }
                            try {
                                Thread.sleep(250);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        }
                        return token;
                    }
                }
            }
        }
        throw new IllegalStateException("feedback-service published no survey link for case " + caseId);
    }

    private String transition(String caseId, String action, String body) {
        Api.Response response = Api.post(services.uri("case-service", "/api/cases/" + caseId + "/" + action), token("caseworker"),
                body, Map.of("Idempotency-Key", unique(action)));
        if (response.status() != 204) {
            throw new IllegalStateException("could not prepare a case (" + action + "): " + response.status() + " " + response.body());
        }
        return caseId;
    }
}
