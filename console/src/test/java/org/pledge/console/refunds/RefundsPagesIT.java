package org.pledge.console.refunds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pledge.console.it.ConsoleITSupport;
import org.pledge.console.services.Service;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The refund queue and a claim's page: figures in the locale, the four-eyes form, decisions relayed as the person. */
class RefundsPagesIT extends ConsoleITSupport {

    static final String CLAIM = "0b7a8d8e-1c2f-3a4b-9c5d-6e7f8a9b0c1d";

    @Test
    void queue_showsAmountLatenessAndPolicy_inEnglish() throws Exception {
        stubQueue();
        mvc.perform(MockMvcRequestBuilders.get("/refunds").with(signedInAs("finance-1", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("$1,234.50")))
                .andExpect(content().string(containsString("3 business days")))
                .andExpect(content().string(containsString("Awaiting approval")))
                .andExpect(content().string(containsString("0 of 2")))
                .andExpect(content().string(containsString(">7<")));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims")))
                .withQueryParam("status", equalTo("AWAITING_APPROVAL"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("finance-1"))));
    }

    @Test
    void queue_showsAmountLatenessAndPolicy_inFrench() throws Exception {
        stubQueue();
        mvc.perform(MockMvcRequestBuilders.get("/refunds").with(signedInAs("auditor", "auditor"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1\u00a0234,50\u00a0$")))
                .andExpect(content().string(containsString("3 jours ouvrables")))
                .andExpect(content().string(containsString("En attente d’approbation")));
    }

    @Test
    void queue_isBadRequestWithErrorSummary_whenStatusUnknown() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/refunds").param("status", "LOST").with(signedInAs("finance-1", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Choose a status from the list")));
        assertThat(SERVICES.findAll(getRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims"))))).isEmpty();
    }

    @Test
    void claim_showsDecisionForm_toFinanceWhoHasNotActed() throws Exception {
        stubClaim(approvedBy("finance-1"));
        mvc.perform(MockMvcRequestBuilders.get("/refunds/" + CLAIM).with(signedInAs("finance-2", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decision-form\"")))
                .andExpect(content().string(containsString("id=\"approve\"")))
                .andExpect(content().string(containsString("name=\"idempotencyKey\"")))
                .andExpect(content().string(containsString("Approved by finance-1")));
    }

    @Test
    void claim_hasNoDecisionForm_forFinanceAlreadyInApprovals() throws Exception {
        stubClaim(approvedBy("finance-1"));
        mvc.perform(MockMvcRequestBuilders.get("/refunds/" + CLAIM).with(signedInAs("finance-1", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"decision-form\""))))
                .andExpect(content().string(not(containsString("id=\"approve\""))))
                .andExpect(content().string(containsString("You approved this claim already")));
    }

    @Test
    void claim_hasNoDecisionForm_forAuditor() throws Exception {
        stubClaim(approvedBy(null));
        mvc.perform(MockMvcRequestBuilders.get("/refunds/" + CLAIM).with(signedInAs("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"decision-form\""))))
                .andExpect(content().string(containsString("Only finance can approve or reject refunds")));
    }

    @Test
    void approve_relaysIdempotencyKeyAndToken_thenSeesOtherWithBanner() throws Exception {
        stubClaim(approvedBy(null));
        SERVICES.stubFor(post(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims/" + CLAIM + "/approvals")))
                .willReturn(okJson(claimJson(approvedBy("finance-1")))));

        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/refunds/" + CLAIM + "/decision")
                        .with(signedInAs("finance-1", "finance")).with(csrf())
                        .param("decision", "APPROVE").param("reason", "").param("idempotencyKey", "form-key-1"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/refunds/" + CLAIM))
                .andExpect(flash().attribute("decided", "APPROVE"))
                .andReturn();

        SERVICES.verify(postRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims/" + CLAIM + "/approvals")))
                .withHeader("Idempotency-Key", equalTo("form-key-1"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("finance-1")))
                .withRequestBody(equalToJson("{\"decision\":\"APPROVE\"}")));
        mvc.perform(MockMvcRequestBuilders.get("/refunds/" + CLAIM).with(signedInAs("finance-1", "finance"))
                        .flashAttrs(result.getFlashMap()))
                .andExpect(content().string(containsString("Your approval is recorded.")));
    }

    @Test
    void approve_showsRefusalInPlainWordsBesideForm_whenServiceAnswers409() throws Exception {
        stubClaim(approvedBy(null));
        SERVICES.stubFor(post(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims/" + CLAIM + "/approvals")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:pledge:problem:claim.not-awaiting-approval\",\"status\":409,"
                                + "\"code\":\"claim.not-awaiting-approval\",\"title\":\"Conflict\",\"detail\":\"claim x is PAYING\"}")));

        mvc.perform(MockMvcRequestBuilders.post("/refunds/" + CLAIM + "/decision")
                        .with(signedInAs("finance-2", "finance")).with(csrf())
                        .param("decision", "APPROVE").param("idempotencyKey", "form-key-2"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"refusal\"")))
                .andExpect(content().string(containsString("This claim no longer awaits a decision")))
                .andExpect(content().string(not(containsString("claim x is PAYING"))));
    }

    @Test
    void reject_isBadRequestWithErrorSummaryAndValuesKept_whenReasonMissing() throws Exception {
        stubClaim(approvedBy(null));
        mvc.perform(MockMvcRequestBuilders.post("/refunds/" + CLAIM + "/decision")
                        .with(signedInAs("finance-1", "finance")).with(csrf())
                        .param("decision", "REJECT").param("reason", "  ").param("idempotencyKey", "form-key-3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#reason\"")))
                .andExpect(content().string(containsString("govuk-textarea--error")))
                .andExpect(content().string(containsString("value=\"form-key-3\"")))
                .andExpect(content().string(containsString("Enter a reason to reject the refund")));
        assertThat(SERVICES.findAll(postRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims/" + CLAIM + "/approvals")))))
                .isEmpty();
    }

    @Test
    void decision_isForbidden_withoutCsrfToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/refunds/" + CLAIM + "/decision").with(signedInAs("finance-1", "finance"))
                        .param("decision", "APPROVE").param("idempotencyKey", "form-key-4"))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.findAll(postRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims/" + CLAIM + "/approvals")))))
                .isEmpty();
    }

    private static void stubQueue() {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims")))
                .willReturn(okJson("{\"items\":[" + claimJson(approvedBy(null)).replace(",\"history\":[]", "")
                        + "],\"page\":0,\"size\":25,\"total\":1}")));
    }

    private static void stubClaim(String approvals) {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims/" + CLAIM)))
                .willReturn(okJson(claimJson(approvals))));
    }

    private static String approvedBy(String approver) {
        return approver == null ? "[]" : "[{\"by\":\"" + approver + "\",\"at\":\"2026-12-06T15:04:05Z\"}]";
    }

    static String claimJson(String approvals) {
        return """
                {"claimId":"%s","caseId":"c-42","serviceType":"PASSPORT","status":"AWAITING_APPROVAL",
                 "amount":{"amount":"1234.50","currency":"CAD"},"fee":{"amount":"2469.00","currency":"CAD"},"percent":"50",
                 "latenessBusinessDays":3,"countedLateness":3,"policyVersion":7,"approvalsRequired":2,"approvals":%s,
                 "reviewRequired":false,"history":[]}
                """.formatted(CLAIM, approvals).replace("\n", "");
    }
}
