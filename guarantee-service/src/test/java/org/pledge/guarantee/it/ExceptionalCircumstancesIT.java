package org.pledge.guarantee.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * Exceptional circumstances through the real broker and HTTP: claims opened by breach events on {@code pledge.case.v1},
 * a declaration that re-evaluates the covered claims not yet paid, exactly once each, and not the others; a claim
 * opened later is re-evaluated too; the list shows what each circumstance changed. The claims here have deadlines in
 * November 2024, which no other test uses, so the declarations touch only them.
 */
class ExceptionalCircumstancesIT extends GuaranteeServiceITSupport {

    private static final String PATH = "/api/exceptional-circumstances";

    /** A case of {@code serviceType} (fee {@code fee} CAD) submitted and breached with deadline {@code deadline}, through the broker. */
    private String breachedCase(String serviceType, String fee, String deadline, String paymentReference) {
        String caseId = UUID.randomUUID().toString();
        String reference = paymentReference == null ? "" : ",\"paymentReference\":\"%s\"".formatted(paymentReference);
        sendCaseEvent(new CloudEvent(ceId(), CaseEventSamples.SUBMITTED, CaseEventSamples.SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-circ","language":"fr-CA",
                 "preferredChannel":"EMAIL","submittedAt":"2024-10-21T14:00:00Z","deadline":"%s",
                 "fee":{"amount":"%s","currency":"CAD"}%s}""".formatted(caseId, serviceType, deadline, fee, reference)));
        sendCaseEvent(new CloudEvent(ceId(), CaseEventSamples.BREACHED, CaseEventSamples.SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-circ","language":"fr-CA",
                 "preferredChannel":"EMAIL","deadline":"%s","markedAt":"2024-11-20T06:00:00Z","guaranteed":true,
                 "fee":{"amount":"%s","currency":"CAD"}}""".formatted(caseId, serviceType, deadline, fee)));
        awaitClaim(caseId, claim -> "OPEN".equals(claim.path("status").asText()));
        return caseId;
    }

    private ApiResponse declare(String key, String body) {
        return post(PATH, adminToken(), body, Map.of("Idempotency-Key", key));
    }

    private JsonNode awaitCircumstance(String id, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        Eventually.await("circumstance " + id, DELIVERY).until(() -> {
            ApiResponse response = get(PATH + "/" + id, auditorToken());
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return until.test(last[0]);
        });
        return last[0];
    }

    private static List<String> casesChanged(JsonNode circumstance) {
        List<String> cases = new ArrayList<>();
        circumstance.path("changes").forEach(change -> cases.add(change.path("caseId").asText()));
        return cases;
    }

    private long reevaluations(String caseId) {
        return reevaluations(get("/api/claims/" + claimOf(caseId), auditorToken()).json());
    }

    private static long reevaluations(JsonNode claim) {
        long count = 0;
        for (JsonNode step : claim.path("history")) {
            if ("reevaluated".equals(step.path("what").asText())) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aDeclaration_reevaluatesTheCoveredUnpaidClaimsOnce_andNotTheOthers_andALaterClaimToo_andTheListShowsThem() {
        // covered: PASSPORT, deadline 5 or 6 Nov 2024 (10:00 / 09:00 in Toronto, the business zone)
        String open = breachedCase("PASSPORT", "120.00", "2024-11-05T15:00:00Z", null);
        String awaiting = breachedCase("PASSPORT", "400.00", "2024-11-06T14:00:00Z", null);
        sendCaseEvent(CaseEventSamples.resolved(ceId(), awaiting, "PASSPORT", "APPROVED", 11, null)); // 50 % of 400 = 200: finance
        awaitClaim(awaiting, c -> "AWAITING_APPROVAL".equals(c.path("status").asText()));
        String paying = breachedCase("PASSPORT", "120.00", "2024-11-06T14:00:00Z", "ch_circ_" + UUID.randomUUID().toString().substring(0, 8));
        sendCaseEvent(CaseEventSamples.resolved(ceId(), paying, "PASSPORT", "APPROVED", 3, null)); // 25 % = 30: auto-approved, paying
        awaitClaim(paying, c -> "PAYING".equals(c.path("status").asText()));
        // not covered: another service type, a deadline after the range (8 Nov 02:00Z is 7 Nov 21:00 in Toronto: inside!)
        String otherType = breachedCase("DEMO", "25.00", "2024-11-05T15:00:00Z", null);
        String outside = breachedCase("PASSPORT", "120.00", "2024-11-08T15:00:00Z", null);
        String lateEvening = breachedCase("PASSPORT", "120.00", "2024-11-08T02:00:00Z", null);

        ApiResponse declared = declare("strike-nov-2024", """
                {"serviceTypes":["PASSPORT"],"from":"2024-11-04","to":"2024-11-07","label":"Print centre strike",
                 "adjustment":"SUBTRACT_BUSINESS_DAYS","businessDays":2}""");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        String id = declared.json().path("id").asText();
        assertThat(declared.header("Location")).isEqualTo(PATH + "/" + id);
        assertThat(declared.json().path("declaredBy").asText()).isEqualTo("admin-1");
        assertThat(get(PATH, financeToken()).body()).contains(id); // read your writes: listed at once

        // a claim opened after the declaration, which it covers
        String later = breachedCase("PASSPORT", "120.00", "2024-11-07T15:00:00Z", null);

        JsonNode circumstance = awaitCircumstance(id, c -> c.path("claimsChanged").asLong() >= 4);
        assertThat(casesChanged(circumstance)).containsExactlyInAnyOrderElementsOf(List.of(open, awaiting, lateEvening, later))
                .doesNotContain(paying, otherType, outside);
        assertThat(circumstance.path("claimsChanged").asLong()).isEqualTo(4);
        for (JsonNode change : circumstance.path("changes")) {
            assertThat(change.path("adjustment").asText()).isEqualTo("SUBTRACT_BUSINESS_DAYS");
            assertThat(change.path("businessDays").asInt()).isEqualTo(2);
            if (change.path("caseId").asText().equals(awaiting)) {
                // 11 days late → 9 counted: 50 % of 400.00 = 200.00 becomes 25 % = 100.00
                assertThat(change.path("previousAmount").asText()).isEqualTo("200.00");
                assertThat(change.path("newAmount").asText()).isEqualTo("100.00");
                assertThat(change.path("currency").asText()).isEqualTo("CAD");
            } else {
                // not decided yet: applied when it is
                assertThat(change.path("previousAmount").isNull()).as(change.toString()).isTrue();
                assertThat(change.path("newAmount").isNull()).isTrue();
            }
        }
        assertThat(awaitClaim(awaiting, c -> "100.00".equals(c.path("amount").path("amount").asText()))
                .path("circumstances").toString()).contains(id);

        // the same request again declares nothing new; the same key with another body is refused
        ApiResponse again = declare("strike-nov-2024", """
                {"serviceTypes":["PASSPORT"],"from":"2024-11-04","to":"2024-11-07","label":"Print centre strike",
                 "adjustment":"SUBTRACT_BUSINESS_DAYS","businessDays":2}""");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("id").asText()).isEqualTo(id);
        ApiResponse reused = declare("strike-nov-2024", """
                {"serviceTypes":["PASSPORT"],"from":"2024-11-04","to":"2024-11-07","label":"Print centre strike",
                 "adjustment":"SUBTRACT_BUSINESS_DAYS","businessDays":3}""");
        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.json().path("code").asText()).isEqualTo("circumstance.idempotency-key-reused");

        // a second circumstance, declared after: a marker that the fan-out handled everything before it
        ApiResponse marker = declare("marker-nov-2024", """
                {"serviceTypes":["PASSPORT"],"from":"2024-11-07","to":"2024-11-07","label":"Regional flood",
                 "adjustment":"EXCLUDE"}""");
        assertThat(marker.status()).as(marker.body()).isEqualTo(201);
        String markerId = marker.json().path("id").asText();
        assertThat(casesChanged(awaitCircumstance(markerId, c -> c.path("claimsChanged").asLong() >= 2)))
                .containsExactlyInAnyOrder(lateEvening, later); // 7 Nov in Toronto

        // exactly once per (claim, circumstance), the paying and uncovered claims untouched
        awaitClaim(lateEvening, c -> reevaluations(c) >= 2);
        awaitClaim(later, c -> reevaluations(c) >= 2);
        assertThat(reevaluations(open)).isEqualTo(1);
        assertThat(reevaluations(awaiting)).isEqualTo(1);
        assertThat(reevaluations(lateEvening)).isEqualTo(2);
        assertThat(reevaluations(later)).isEqualTo(2);
        assertThat(reevaluations(paying)).isZero();
        assertThat(reevaluations(otherType)).isZero();
        assertThat(reevaluations(outside)).isZero();
        assertThat(awaitCircumstance(id, c -> true).path("claimsChanged").asLong()).isEqualTo(4);
        JsonNode list = get(PATH + "?size=50", auditorToken()).json();
        assertThat(list.path("items").findValuesAsText("id")).contains(id, markerId);
    }

    @Test
    void invalidDeclarations_areProblems_withTheirRule() {
        String[][] cases = {
                {"{\"serviceTypes\":[],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\"x\",\"adjustment\":\"EXCLUDE\"}",
                        "422", "circumstance.service-types-missing"},
                {"{\"serviceTypes\":[\"SPACESHIP\"],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\"x\",\"adjustment\":\"EXCLUDE\"}",
                        "422", "circumstance.service-type-unknown"},
                {"{\"serviceTypes\":[\"PASSPORT\"],\"from\":\"2024-11-08\",\"to\":\"2024-11-07\",\"label\":\"x\",\"adjustment\":\"EXCLUDE\"}",
                        "422", "circumstance.date-range-invalid"},
                {"{\"serviceTypes\":[\"PASSPORT\"],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\"x\","
                        + "\"adjustment\":\"SUBTRACT_BUSINESS_DAYS\"}", "422", "circumstance.business-days-invalid"},
                {"{\"serviceTypes\":[\"PASSPORT\"],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\" \",\"adjustment\":\"EXCLUDE\"}",
                        "422", "circumstance.label-missing"},
                {"{\"serviceTypes\":[\"PASSPORT\"],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\"x\"}",
                        "422", "circumstance.adjustment-missing"},
                {"{\"serviceTypes\":[\"passport\"],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\"x\",\"adjustment\":\"EXCLUDE\"}",
                        "400", "request.validation-failed"},
                {"{\"serviceTypes\":[\"PASSPORT\"],\"from\":\"2024-13-04\",\"to\":\"2024-11-07\",\"label\":\"x\",\"adjustment\":\"EXCLUDE\"}",
                        "400", "request.malformed"},
                {"{\"serviceTypes\":[\"PASSPORT\"],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\"x\\r\\nBcc\",\"adjustment\":\"EXCLUDE\"}",
                        "400", "request.validation-failed"},
                {"{\"serviceTypes\":[\"PASSPORT\"],\"from\":\"2024-11-04\",\"to\":\"2024-11-07\",\"label\":\"x\",\"adjustment\":\"HALVE\"}",
                        "400", "request.malformed"}};
        for (String[] c : cases) {
            ApiResponse response = declare("bad-" + UUID.randomUUID(), c[0]);
            assertThat(response.status()).as(c[0] + " → " + response.body()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("code").asText()).as(c[0]).isEqualTo(c[2]);
            assertThat(response.json().path("type").asText()).isEqualTo("urn:pledge:problem:" + c[2]);
        }
        assertThat(post(PATH, adminToken(), "{}", Map.of()).status()).isEqualTo(400); // no Idempotency-Key
        assertThat(post(PATH, financeToken(), "{}", Map.of("Idempotency-Key", "k")).status()).isEqualTo(403);
        assertThat(get(PATH + "/" + UUID.randomUUID(), auditorToken()).json().path("code").asText()).isEqualTo("circumstance.not-found");
    }
}
