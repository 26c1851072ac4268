package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.pledge.console.services.Service;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** {@code /audit}: the four chains verified in plain words, and a case's full history across the services. */
class AuditPageIT extends ConsoleITSupport {

    private static final String INTACT = """
            {"service":"%s","ok":true,"from":1,"to":1234,"verifiedFrom":1,"eventsVerified":1234,"checkpointsVerified":1,
             "checkpoints":{"start":null,"first":1000,"last":1000,"latest":1000},"firstBreak":null,"chainedHead":1234,
             "keyId":"a050837d85070582"}
            """;
    private static final String BROKEN = """
            {"service":"case-service","ok":false,"from":1,"to":1234,"verifiedFrom":1,"eventsVerified":16,"checkpointsVerified":0,
             "checkpoints":{"start":null,"first":null,"last":null,"latest":1000},
             "firstBreak":{"sequence":17,"kind":"CHANGED","detail":"stored link 9f00 differs from computed 3a11"},
             "chainedHead":1234,"keyId":"a050837d85070582"}
            """;
    // case-7's claim id: UUID.nameUUIDFromBytes("pledge:guarantee:claim:case-7"), as guarantee-service makes it
    private static final String CASE_7_CLAIM = java.util.UUID.nameUUIDFromBytes(
            "pledge:guarantee:claim:case-7".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();

    @Test
    void auditPage_showsEachChainIntactUpToItsHead_inEnglish() throws Exception {
        stubChains();
        mvc.perform(page("/audit").with(signedInAs("auditor-1", "auditor")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Intact up to sequence 1,234: 1,234 sequences verified from sequence 1.")))
                .andExpect(content().string(containsString("a050837d85070582")))
                .andExpect(content().string(containsString("At sequence 1,000 (1 checkpoints verified in the range)")))
                .andExpect(content().string(containsString("Sequences 1,001 to 1,234 are not signed by a checkpoint yet")));
        for (Service service : Service.values()) {
            SERVICES.verify(getRequestedFor(urlPathEqualTo(service(service, "/api/audit/verification")))
                    .withHeader("Authorization", equalTo("Bearer " + accessToken("auditor-1"))));
        }
    }

    @Test
    void auditPage_showsBrokenChainAsBroken_andTheOthersIntact_inFrench() throws Exception {
        stubChains();
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.CASE, "/api/audit/verification"))).atPriority(1).willReturn(okJson(BROKEN)));
        String html = mvc.perform(page("/audit").with(signedInAs("auditor-1", "auditor")).locale(FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rompue à la séquence 17 : l’enregistrement stocké a été modifié ou remplacé.")))
                .andExpect(content().string(containsString("16 séquences vérifiées avant.")))
                .andExpect(content().string(containsString("stored link 9f00 differs from computed 3a11")))
                .andExpect(content().string(containsString("Intacte jusqu’à la séquence 1\u00a0234")))
                .andReturn().getResponse().getContentAsString();
        String caseService = html.substring(html.indexOf("id=\"chain-case-service\""), html.indexOf("id=\"chain-feedback-service\""));
        assertThat(caseService).contains("Rompue").doesNotContain("Intacte");
    }

    @Test
    void auditPage_notesTheServiceThatIsDown_andShowsTheOthers() throws Exception {
        stubChains();
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.GUARANTEE, "/api/audit/verification"))).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String html = mvc.perform(page("/audit").with(signedInAs("auditor-1", "auditor")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("guarantee-service could not be reached just now")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.split("Intact up to sequence", -1)).hasSize(4);
    }

    @Test
    void caseHistory_mergesTheFourServicesOldestFirst_withActorChannelAndTime() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.CASE, "/api/cases/case-7/history"))).willReturn(okJson("""
                [{"sequence":1,"type":"CaseSubmitted","occurredAt":"2026-12-01T14:00:00Z","actor":"web-portal","channel":"WEB",
                  "details":{"serviceType":"PASSPORT","deadline":"2026-12-03"}},
                 {"sequence":2,"type":"CaseResolved","occurredAt":"2026-12-04T15:00:00Z","actor":"caseworker-1","channel":"WEB",
                  "details":{"outcome":"APPROVED"}}]
                """)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.NOTIFICATION, "/api/notifications"))).willReturn(okJson("""
                {"items":[{"id":"n-1","templateId":"case-submitted","channel":"EMAIL","status":"DELIVERED",
                           "requestedAt":"2026-12-01T14:00:05Z"}],"page":0,"size":200,"total":1}
                """)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.FEEDBACK, "/api/feedback"))).willReturn(okJson("""
                {"items":[{"feedbackId":"f-1","channel":"SURVEY_LINK","rating":2,"effort":4,"painPoints":["waiting-time"],
                           "receivedAt":"2026-12-05T16:00:00Z","timeliness":"LATE"}],"page":0,"size":200,"total":1}
                """)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.GUARANTEE, "/api/claims/" + CASE_7_CLAIM))).willReturn(okJson("""
                {"claimId":"%s","status":"OPEN","history":[{"at":"2026-12-04T15:00:01Z","what":"opened","actor":"guarantee-service",
                  "detail":"1 business day late"}]}
                """.formatted(CASE_7_CLAIM))));
        String html = mvc.perform(page("/audit/cases/case-7").with(signedInAs("auditor-1", "auditor")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("serviceType: PASSPORT; deadline: 2026-12-03")))
                .andExpect(content().string(containsString("rated 2/5; effort 4/5; pain points: waiting-time; the case was late")))
                .andExpect(content().string(containsString("Dec. 1, 2026, 9:00 a.m.")))
                .andExpect(content().string(containsString("Guarantee claim " + CASE_7_CLAIM + ": OPEN.")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsSubsequence("CaseSubmitted", "case-submitted: DELIVERED", "CaseResolved", "opened",
                "1 business day late", "Feedback", "SURVEY_LINK");
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.FEEDBACK, "/api/feedback")))
                .withQueryParam("caseId", equalTo("case-7"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken("auditor-1"))));
    }

    @Test
    void caseHistory_saysThereIsNoClaim_andNotesTheServiceThatIsDown() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.CASE, "/api/cases/case-8/history"))).willReturn(okJson("""
                [{"sequence":1,"type":"CaseSubmitted","occurredAt":"2026-12-01T14:00:00Z","actor":"web-portal","channel":"WEB","details":{}}]
                """)));
        SERVICES.stubFor(get(urlPathMatching(service(Service.NOTIFICATION, "/.*")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.FEEDBACK, "/api/feedback")))
                .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":200,\"total\":0}")));
        SERVICES.stubFor(get(urlPathMatching(service(Service.GUARANTEE, "/api/claims/.*"))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:pledge:problem:claim.not-found\",\"code\":\"claim.not-found\",\"status\":404}")));
        mvc.perform(page("/audit/cases/case-8").with(signedInAs("auditor-1", "auditor")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no guarantee claim for this case.")))
                .andExpect(content().string(containsString("notification-service could not be reached just now")))
                .andExpect(content().string(containsString("CaseSubmitted")));
    }

    @Test
    void caseSearch_redirectsToTheCase_orShowsAnError_whenTheIdIsNotOne() throws Exception {
        mvc.perform(page("/audit/cases").param("caseId", " case-7 ").with(signedInAs("auditor-1", "auditor")))
                .andExpect(redirectedUrl("/audit/cases/case-7"));
        stubChains();
        mvc.perform(page("/audit/cases").param("caseId", "case 7/../x").with(signedInAs("auditor-1", "auditor")).locale(ENGLISH))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Enter a case id of 1 to 64 letters")));
    }

    @Test
    void audit_isForbidden_forOperations() throws Exception {
        mvc.perform(page("/audit").with(signedInAs("ops-1", "operations"))).andExpect(status().isForbidden());
        mvc.perform(page("/audit/cases/case-7").with(signedInAs("ops-1", "operations"))).andExpect(status().isForbidden());
    }

    private static void stubChains() {
        for (Service service : Service.values()) {
            SERVICES.stubFor(get(urlPathEqualTo(service(service, "/api/audit/verification"))).atPriority(5)
                    .willReturn(okJson(INTACT.formatted(service.id()))));
        }
    }

    private static MockHttpServletRequestBuilder page(String path) {
        return MockMvcRequestBuilders.get(path);
    }
}
