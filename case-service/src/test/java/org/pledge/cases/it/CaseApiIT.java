package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.SchemaCheck;
import org.pledge.testsupport.http.ApiResponse;

/**
 * The case API end to end: REST → event store → read model and Kafka ({@code pledge.case.v1}, read by a plain
 * consumer that checks every CloudEvent against its JSON Schema), rejections and history. Follow-up cases:
 * {@link FollowUpCasesIT}.
 */
class CaseApiIT extends CaseServiceITSupport {

    @Test
    void fullLifecycle_isStored_projected_andPublished_asValidCloudEvents() throws Exception {
        String caseId = submit("PASSPORT", Map.of());
        String cw = caseworkerToken();

        JsonNode fresh = awaitCase(caseId, cw, c -> c.path("status").asText().equals("SUBMITTED"));
        assertThat(fresh.path("serviceType").asText()).isEqualTo("PASSPORT");
        assertThat(fresh.path("serviceStandard").asText()).isEqualTo("10 business days");
        assertThat(fresh.path("businessDaysRemaining").asInt()).isBetween(9, 10);
        assertThat(fresh.path("businessDaysElapsed").asInt()).isEqualTo(10 - fresh.path("businessDaysRemaining").asInt());
        assertThat(fresh.path("deadline").isTextual()).isTrue();
        assertThat(fresh.toString()).doesNotContain("Marie").doesNotContain("example.org");

        assertThat(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-1\"}").status()).isEqualTo(204);
        assertThat(transition(caseId, "work-started", cw, null).status()).isEqualTo(204);
        assertThat(transition(caseId, "information-requests", cw, "{\"reasonCode\":\"missing-photo\"}").status()).isEqualTo(204);
        JsonNode paused = awaitCase(caseId, cw, c -> c.path("status").asText().equals("AWAITING_INFORMATION"));
        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(paused.path("pauseReason").asText()).isEqualTo("missing-photo");
        assertThat(paused.path("assignee").asText()).isEqualTo("cw-1");

        assertThat(transition(caseId, "information-received", cw, null).status()).isEqualTo(204);
        assertThat(transition(caseId, "resolution", cw, "{\"outcome\":\"APPROVED\",\"note\":\"all good\"}").status()).isEqualTo(204);
        JsonNode resolved = awaitCase(caseId, cw, c -> c.path("status").asText().equals("RESOLVED"));
        assertThat(resolved.path("paused").asBoolean()).isFalse();
        assertThat(resolved.path("resolution").path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(resolved.path("resolution").path("onTime").asBoolean()).isTrue();
        assertThat(resolved.path("latenessBusinessDays").asInt()).isZero();

        assertThat(transition(caseId, "reopening", cw, "{\"reason\":\"appeal\"}").status()).isEqualTo(204);
        JsonNode reopened = awaitCase(caseId, cw, c -> c.path("status").asText().equals("IN_PROGRESS") && c.path("resolution").isNull());
        assertThat(reopened.path("breached").asBoolean()).isFalse();

        List<ConsumerRecord<String, byte[]>> records = CaseTopic.await(caseId, 6);
        assertThat(CaseTopic.types(records)).containsExactly("pledge.case.submitted.v1", "pledge.case.assigned.v1",
                "pledge.case.information-requested.v1", "pledge.case.information-received.v1", "pledge.case.resolved.v1",
                "pledge.case.reopened.v1");
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = CaseTopic.header(record, "ce_type");
            SchemaCheck.assertValid(type, record.value());
            assertThat(CaseTopic.header(record, "ce_subject")).isEqualTo(caseId);
            assertThat(CaseTopic.header(record, "ce_source")).isEqualTo("/pledge/case-service");
            assertThat(CaseTopic.header(record, "ce_specversion")).isEqualTo("1.0");
            JsonNode data = JSON.readTree(record.value());
            assertThat(data.path("caseId").asText()).isEqualTo(caseId);
            assertThat(data.path("serviceType").asText()).isEqualTo("PASSPORT");
            assertThat(data.path("channel").asText()).isEqualTo("WEB");
            assertThat(data.path("language").asText()).isEqualTo("fr-CA");
            assertThat(data.path("preferredChannel").asText()).isEqualTo("EMAIL");
            assertThat(data.path("applicantReference").asText()).startsWith("ref-");
            assertThat(data.path("deadline").isTextual()).as(type).isTrue();
            if (!type.equals("pledge.case.submitted.v1")) {
                assertThat(new String(record.value())).doesNotContain("Marie").doesNotContain("example.org");
            }
        }
        JsonNode resolvedData = JSON.readTree(records.get(4).value());
        assertThat(resolvedData.path("onTime").asBoolean()).isTrue();
        assertThat(resolvedData.path("latenessBusinessDays").asInt()).isZero();
        assertThat(resolvedData.path("outcome").asText()).isEqualTo("APPROVED");
    }

    @Test
    void channel_withdrawsItsOwnCase_butNotAnotherChannels() throws Exception {
        String caseId = submit("PASSPORT", Map.of());

        ApiResponse other = transition(caseId, "withdrawal", TOKENS.token("partner-x", "channel"), "{\"reason\":\"not mine\"}");
        assertThat(other.status()).isEqualTo(404);
        ApiResponse own = transition(caseId, "withdrawal", channelToken(), "{\"reason\":\"no longer needed\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(204);

        JsonNode withdrawn = awaitCase(caseId, caseworkerToken(), c -> c.path("status").asText().equals("WITHDRAWN"));
        assertThat(withdrawn.path("withdrawal").path("withdrawnBy").asText()).isEqualTo("CHANNEL");
        List<ConsumerRecord<String, byte[]>> records = CaseTopic.await(caseId, 2);
        assertThat(CaseTopic.types(records)).containsExactly("pledge.case.submitted.v1", "pledge.case.withdrawn.v1");
        SchemaCheck.assertValid("pledge.case.withdrawn.v1", records.get(1).value());
        assertThat(JSON.readTree(records.get(1).value()).path("withdrawnBy").asText()).isEqualTo("CHANNEL");
        assertThat(transition(caseId, "assignment", caseworkerToken(), "{\"assignee\":\"cw-1\"}").status()).isEqualTo(409);
    }

    @Test
    void caseMissingItsStandard_isMarkedAtRisk_andBreached_beforeTheNextChange_andResolvedLate() throws Exception {
        String caseId = submit("DEMO", Map.of()); // a two-minute standard
        String cw = caseworkerToken();
        clock.advance(Duration.ofMinutes(3));

        assertThat(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-1\"}").status()).isEqualTo(204);
        assertThat(transition(caseId, "work-started", cw, null).status()).isEqualTo(204);
        assertThat(transition(caseId, "resolution", cw, "{\"outcome\":\"REFUSED\",\"note\":\"late\"}").status()).isEqualTo(204);

        JsonNode late = awaitCase(caseId, cw, c -> c.path("status").asText().equals("RESOLVED"));
        assertThat(late.path("atRisk").asBoolean()).isTrue();
        assertThat(late.path("breached").asBoolean()).isTrue();
        assertThat(late.path("resolution").path("onTime").asBoolean()).isFalse();
        assertThat(late.path("latenessBusinessDays").asInt()).isPositive();
        assertThat(late.path("timeRemaining").asText()).isEqualTo("PT0S");
        assertThat(get("/api/cases?breached=true&atRisk=true&serviceType=DEMO&size=200", cw).body()).contains(caseId);
        assertThat(get("/api/cases?breached=false&serviceType=DEMO&size=200", cw).body()).doesNotContain(caseId);

        List<ConsumerRecord<String, byte[]>> records = CaseTopic.await(caseId, 5);
        assertThat(CaseTopic.types(records)).containsExactly("pledge.case.submitted.v1", "pledge.case.at-risk.v1",
                "pledge.case.service-standard-breached.v1", "pledge.case.assigned.v1", "pledge.case.resolved.v1");
        for (ConsumerRecord<String, byte[]> record : records) {
            SchemaCheck.assertValid(CaseTopic.header(record, "ce_type"), record.value());
        }
        JsonNode breach = JSON.readTree(records.get(2).value());
        assertThat(breach.path("guaranteed").asBoolean()).isTrue();
        assertThat(breach.path("fee").path("amount").asText()).isEqualTo("25.00"); // DEMO's catalogue fee
        JsonNode resolved = JSON.readTree(records.get(4).value());
        assertThat(resolved.path("onTime").asBoolean()).isFalse();
        assertThat(resolved.path("latenessBusinessDays").asInt()).isPositive();
    }

    @Test
    void transitionNotAllowedInTheCasesState_is409Problem_withTheStableCode() {
        String caseId = submit("PASSPORT", Map.of());
        String cw = caseworkerToken();
        for (String[] attempt : new String[][] {
                {"resolution", "{\"outcome\":\"APPROVED\",\"note\":\"too early\"}"},
                {"work-started", null},
                {"information-received", null},
                {"reopening", "{\"reason\":\"never resolved\"}"}}) {
            ApiResponse response = transition(caseId, attempt[0], cw, attempt[1]);
            assertThat(response.status()).as(attempt[0]).isEqualTo(409);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("code").asText()).isEqualTo("case.invalid-transition");
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    @Test
    void retryWithTheSameIdempotencyKey_actsOnce_andTheKeyWithAnotherRequest_isRefused() {
        String caseId = submit("PASSPORT", Map.of());
        String cw = caseworkerToken();
        assertThat(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-1\"}").status()).isEqualTo(204);

        Map<String, String> key = Map.of("Idempotency-Key", "start-" + caseId);
        ApiResponse first = post("/api/cases/" + caseId + "/work-started", cw, null, key);
        ApiResponse retry = post("/api/cases/" + caseId + "/work-started", cw, null, key);
        assertThat(first.status()).isEqualTo(204);
        assertThat(retry.status()).isEqualTo(204);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        // without the key, the same request is a second start: the case is no longer ASSIGNED
        assertThat(transition(caseId, "work-started", cw, null).status()).isEqualTo(409);

        Map<String, String> infoKey = Map.of("Idempotency-Key", "info-" + caseId);
        assertThat(post("/api/cases/" + caseId + "/information-requests", cw, "{\"reasonCode\":\"missing-photo\"}", infoKey).status())
                .isEqualTo(204);
        ApiResponse reused = post("/api/cases/" + caseId + "/information-requests", cw, "{\"reasonCode\":\"missing-form\"}", infoKey);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().path("code").asText()).isEqualTo("case.idempotency-key-reused");
    }

    @Test
    void history_listsEveryEvent_oldestFirst_withActorClientChannelAndCorrelationId_andNoPersonalData() {
        String caseId = submit("PASSPORT", Map.of("X-Correlation-Id", "corr-submit-1"));
        assertThat(post("/api/cases/" + caseId + "/assignment", caseworkerToken(), "{\"assignee\":\"cw-7\"}",
                Map.of("Idempotency-Key", "k1", "X-Correlation-Id", "corr-assign-1")).status()).isEqualTo(204);

        ApiResponse history = get("/api/cases/" + caseId + "/history", TOKENS.token("auditor-1", "auditor"));
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode entries = history.json();
        assertThat(entries).hasSize(2);
        JsonNode submitted = entries.get(0);
        assertThat(submitted.path("sequence").asLong()).isZero();
        assertThat(submitted.path("type").asText()).isEqualTo("CaseSubmitted");
        assertThat(submitted.path("actor").asText()).isEqualTo("web-portal");
        assertThat(submitted.path("client").asText()).isEqualTo("web-portal"); // the token's client id
        assertThat(submitted.path("channel").asText()).isEqualTo("WEB"); // the case's submission channel
        assertThat(submitted.path("correlationId").asText()).isEqualTo("corr-submit-1");
        assertThat(submitted.path("occurredAt").isTextual()).isTrue();
        assertThat(submitted.path("details").path("serviceTypeCode").asText()).isEqualTo("PASSPORT");
        JsonNode assigned = entries.get(1);
        assertThat(assigned.path("type").asText()).isEqualTo("CaseAssigned");
        assertThat(assigned.path("actor").asText()).isEqualTo("cw-1");
        assertThat(assigned.path("actorRoles").asText()).isEqualTo("caseworker");
        assertThat(assigned.path("client").asText()).isEqualTo("cw-1");
        assertThat(assigned.path("channel").asText()).isEqualTo("WEB");
        assertThat(assigned.path("correlationId").asText()).isEqualTo("corr-assign-1");
        assertThat(assigned.path("details").path("assignee").asText()).isEqualTo("cw-7");
        assertThat(history.body()).doesNotContain("Marie").doesNotContain("example.org").doesNotContain("ref-");

        assertThat(get("/api/cases/" + caseId + "/history", channelToken()).status()).isEqualTo(403);
        assertThat(get("/api/cases/no-such-case/history", caseworkerToken()).status()).isEqualTo(404);
    }

    @Test
    void history_ofMarkersTheSweepRecorded_namesTheSweep_itsClient_theCasesChannel_andACorrelationId() {
        String caseId = submit("DEMO", Map.of()); // a two-minute standard
        String cw = caseworkerToken();
        clock.advance(Duration.ofMinutes(3)); // the SLA sweep (every second, on this clock) marks at-risk, then breach
        awaitCase(caseId, cw, c -> c.path("breached").asBoolean());

        JsonNode history = get("/api/cases/" + caseId + "/history", TOKENS.token("auditor-1", "auditor")).json();
        List<JsonNode> markers = new ArrayList<>();
        history.forEach(e -> {
            if (List.of("CaseMarkedAtRisk", "ServiceStandardBreached").contains(e.path("type").asText())) {
                markers.add(e);
            }
        });
        assertThat(markers).extracting(e -> e.path("type").asText()).containsExactly("CaseMarkedAtRisk", "ServiceStandardBreached");
        for (JsonNode marker : markers) {
            assertThat(marker.path("actor").asText()).isEqualTo("case-service/sla-sweep");
            assertThat(marker.path("actorRoles").asText()).isEqualTo("system");
            assertThat(marker.path("client").asText()).isEqualTo("case-service");
            assertThat(marker.path("channel").asText()).isEqualTo("WEB");
            assertThat(marker.path("correlationId").asText()).isNotBlank();
        }
    }


    private ApiResponse submitBody(String body) {
        return post("/api/cases", channelToken(), body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Test
    void aReducedFee_withAReason_isAccepted_andPublishedWithItsReason() throws Exception {
        ApiResponse response = submitBody("""
                {"serviceType":"PASSPORT","channel":"IN_PERSON",
                 "applicant":{"reference":"ref-concession","name":"Jean Dupont","email":"jean@example.org","language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"60.00","currency":"CAD","reductionReason":"concession"}}
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String caseId = response.json().path("caseId").asText();
        List<ConsumerRecord<String, byte[]>> published = CaseTopic.await(caseId, 1);
        SchemaCheck.assertValid("pledge.case.submitted.v1", published.get(0).value());
        JsonNode data = JSON.readTree(published.get(0).value());
        assertThat(data.path("feeReductionReason").asText()).isEqualTo("concession");
        assertThat(data.path("fee").path("amount").asText()).isEqualTo("60.00");
    }

    @Test
    void aPaymentReference_isPublished_andShownWithTheFee_andASubmissionWithoutOne_hasNone() throws Exception {
        ApiResponse withReference = submitBody("""
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"ref-paid-online","name":"Jean Dupont","email":"jean@example.org","language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"},"paymentReference":"ch_3NqKx2:Lk.9-a"}
                """);
        assertThat(withReference.status()).as(withReference.body()).isEqualTo(201);
        String paid = withReference.json().path("caseId").asText();
        byte[] published = CaseTopic.await(paid, 1).get(0).value();
        SchemaCheck.assertValid("pledge.case.submitted.v1", published);
        assertThat(JSON.readTree(published).path("paymentReference").asText()).isEqualTo("ch_3NqKx2:Lk.9-a");
        JsonNode submitted = get("/api/cases/" + paid + "/history", caseworkerToken()).json().get(0).path("details");
        assertThat(submitted.path("feePaid").path("amount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(submitted.path("paymentReference").asText()).isEqualTo("ch_3NqKx2:Lk.9-a");

        ApiResponse without = submitBody("""
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"ref-paid-cash","name":"Jean Dupont","email":"jean@example.org","language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """);
        assertThat(without.status()).as(without.body()).isEqualTo(201);
        String cash = without.json().path("caseId").asText();
        byte[] publishedWithout = CaseTopic.await(cash, 1).get(0).value();
        SchemaCheck.assertValid("pledge.case.submitted.v1", publishedWithout);
        assertThat(JSON.readTree(publishedWithout).has("paymentReference")).isFalse();
        assertThat(get("/api/cases/" + cash + "/history", caseworkerToken()).json().get(0).path("details")
                .path("paymentReference").isNull()).isTrue();
    }

    @Test
    void aResolutionsReasonCode_isPublished_andOneWithoutIt_hasNone() throws Exception {
        String cw = caseworkerToken();
        String refused = submit("PASSPORT", Map.of());
        String approved = submit("PASSPORT", Map.of());
        for (String caseId : List.of(refused, approved)) {
            assertThat(transition(caseId, "assignment", cw, "{\"assignee\":\"cw-1\"}").status()).isEqualTo(204);
            assertThat(transition(caseId, "work-started", cw, null).status()).isEqualTo(204);
        }
        ApiResponse fraud = transition(refused, "resolution", cw, "{\"outcome\":\"REFUSED\",\"note\":\"forged\",\"reasonCode\":\"fraud\"}");
        assertThat(fraud.status()).as(fraud.body()).isEqualTo(204);
        assertThat(transition(approved, "resolution", cw, "{\"outcome\":\"APPROVED\",\"note\":\"fine\"}").status()).isEqualTo(204);

        byte[] refusal = resolvedRecord(refused);
        SchemaCheck.assertValid("pledge.case.resolved.v1", refusal);
        assertThat(JSON.readTree(refusal).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(JSON.readTree(refusal).path("reasonCode").asText()).isEqualTo("fraud");
        byte[] approval = resolvedRecord(approved);
        SchemaCheck.assertValid("pledge.case.resolved.v1", approval);
        assertThat(JSON.readTree(approval).has("reasonCode")).isFalse();
    }

    private static byte[] resolvedRecord(String caseId) {
        return CaseTopic.await(caseId, 3).stream()
                .filter(r -> "pledge.case.resolved.v1".equals(CaseTopic.header(r, "ce_type"))).findFirst().orElseThrow().value();
    }

    @Test
    void aPhoneInTheClientsNationalFormat_isStoredAndPublishedInE164_andTextIsNormalised() throws Exception {
        // a national number read in the region of fr-CA; a decomposed "é" stored composed (NFC); CRLF in the address → LF
        ApiResponse response = submitBody("""
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"ref-phone","name":"Ame\\u0301lie  Côté","phone":"(514) 555-0123",
                              "postalAddress":"1234 rue Sainte-Catherine O\\r\\nMontréal QC  H3G 1P1","language":"fr-CA","preferredChannel":"SMS"},
                 "feePaid":{"amount":120,"currency":"CAD"}}
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String caseId = response.json().path("caseId").asText();
        JsonNode applicant = JSON.readTree(CaseTopic.await(caseId, 1).get(0).value()).path("applicant");
        assertThat(applicant.path("phone").asText()).isEqualTo("+15145550123");
        assertThat(applicant.path("name").asText()).isEqualTo("Amélie  Côté").hasSize(12);
        assertThat(applicant.path("postalAddress").asText()).isEqualTo("1234 rue Sainte-Catherine O\nMontréal QC  H3G 1P1");
        JsonNode history = get("/api/cases/" + caseId + "/history", caseworkerToken()).json();
        assertThat(history.get(0).toString()).doesNotContain("(514)");
    }
}
