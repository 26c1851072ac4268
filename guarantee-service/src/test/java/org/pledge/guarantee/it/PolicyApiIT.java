package org.pledge.guarantee.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.http.ApiResponse;

/** The guarantee policies over HTTP: seeded from configuration, versioned by admin's changes, refused when invalid. */
class PolicyApiIT extends GuaranteeServiceITSupport {

    private static final String TERMS = """
            {"guaranteed":true,"tiers":[{"from":1,"to":5,"percent":"%s"},{"from":6,"percent":"100"}],
             "exclusions":["WITHDRAWN"],"currency":"CAD","autoApprovalLimit":"%s","secondApprovalLimit":"%s",
             "payoutMethods":["%s"]}""";

    private ApiResponse put(String serviceType, String body) {
        return api.send("PUT", "/api/guarantee-policies/" + serviceType, adminToken(), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static String terms(String percent, String auto, String second, String method) {
        return TERMS.formatted(percent, auto, second, method);
    }

    @Test
    void theConfiguredPolicies_areSeeded() {
        ApiResponse list = get("/api/guarantee-policies", financeToken());
        assertThat(list.status()).isEqualTo(200);
        JsonNode passport = StreamSupport.stream(list.json().spliterator(), false)
                .filter(p -> "PASSPORT".equals(p.path("serviceType").asText())).findFirst().orElseThrow();
        assertThat(passport.path("tiers").get(0).path("percent").asText()).isEqualTo("25");
        assertThat(passport.path("tiers").get(1).path("from").asInt()).isEqualTo(11);
        assertThat(passport.path("tiers").get(1).path("to").isNull()).isTrue(); // no upper bound
        assertThat(StreamSupport.stream(list.json().spliterator(), false).map(p -> p.path("serviceType").asText())).contains("DEMO");
    }

    @Test
    void put_createsVersionOne_thenTheSameTermsChangeNothing_andOtherTermsMakeVersionTwo() {
        String type = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ApiResponse created = put(type, terms("25", "50.00", "500.00", "BANK_TRANSFER"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.json().path("changedBy").asText()).isEqualTo("admin-1");

        ApiResponse same = put(type, terms("25.0", "50", "500.00", "BANK_TRANSFER"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("version").asInt()).isEqualTo(1);

        ApiResponse changed = put(type, terms("30", "50.00", "500.00", "BANK_TRANSFER"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void invalidTerms_areRefusedWithTheirRule() {
        put("PASSPORT", """
                {"guaranteed":true,"tiers":[{"from":1,"to":10,"percent":"25"},{"from":10,"percent":"50"}],"currency":"CAD",
                 "autoApprovalLimit":"50","secondApprovalLimit":"500","payoutMethods":["BANK_TRANSFER"]}""")
                .assertProblem(422, "policy.tiers-overlap");
        put("PASSPORT", terms("101", "50", "500", "BANK_TRANSFER")).assertProblem(422, "policy.percent-out-of-range");
        put("PASSPORT", terms("25", "500", "50", "BANK_TRANSFER")).assertProblem(422, "policy.limits-inverted");
        put("PASSPORT", terms("25", "50", "500", "CHEQUE")).assertProblem(422, "policy.payout-method-unknown");
        put("NEWTYPE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), terms("25", "500", "50", "BANK_TRANSFER"))
                .assertProblem(422, "policy.limits-inverted"); // a new service type: nothing created
        ApiResponse noKey = api.send("PUT", "/api/guarantee-policies/PASSPORT", adminToken(), terms("25", "50", "500", "BANK_TRANSFER"), Map.of());
        assertThat(noKey.status()).isEqualTo(400);
        ApiResponse notAdmin = api.send("PUT", "/api/guarantee-policies/PASSPORT", financeToken(), terms("25", "50", "500", "BANK_TRANSFER"),
                Map.of("Idempotency-Key", "k-1"));
        assertThat(notAdmin.status()).isEqualTo(403);
        // nothing changed
        JsonNode passport = StreamSupport.stream(get("/api/guarantee-policies", auditorToken()).json().spliterator(), false)
                .filter(p -> "PASSPORT".equals(p.path("serviceType").asText())).findFirst().orElseThrow();
        assertThat(passport.path("version").asInt()).isEqualTo(1);
    }
}
