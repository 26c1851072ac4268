package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.pledge.console.services.Service;
import org.springframework.http.HttpHeaders;

/** {@code /cases/{caseId}}: the case's clock in plain words, and its timeline with what the client was told. */
class CasePageIT extends ConsoleITSupport {

    @Test
    void runningCase_showsDeadlineInTorontoAndDaysLeft() throws Exception {
        stubCase("c-1", CaseJson.running("c-1", 3));

        // deadline 2026-12-15T22:00:00Z: 17:00 in Toronto (EST, UTC-5); received 14:00Z: 9:00
        mvc.perform(get("/cases/c-1").with(signedInAs("operations", "operations")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Case c-1</h1>")))
                .andExpect(content().string(containsString("Dec. 15, 2026, 5:00 p.m.")))
                .andExpect(content().string(containsString("Dec. 1, 2026, 9:00 a.m.")))
                .andExpect(content().string(containsString("3 business days left, today included")))
                .andExpect(content().string(containsString("7 business days")))
                .andExpect(content().string(not(containsString("applicant-ref-1"))));
    }

    @Test
    void pausedCase_showsSinceAndWhy_inPlainWords() throws Exception {
        stubCase("c-2", CaseJson.paused("c-2", "missing-photo"));

        // paused since 2026-12-03T14:30:00Z: 9:30 a.m. in Toronto
        mvc.perform(get("/cases/c-2").with(signedInAs("operations", "operations")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Paused since Dec. 3, 2026, 9:30 a.m.: waiting for the client")))
                .andExpect(content().string(containsString("The client’s photo is missing")))
                .andExpect(content().string(containsString("8 business days")));
        mvc.perform(get("/cases/c-2").with(signedInAs("operations", "operations")).param("lang", "fr"))
                .andExpect(content().string(containsString("En pause depuis 3 déc. 2026 09 h 30 : en attente du client")))
                .andExpect(content().string(containsString("Il manque la photo du client")));
    }

    @Test
    void pausedCase_withUnknownReason_showsItsCode() throws Exception {
        stubCase("c-3", CaseJson.paused("c-3", "court-order"));

        mvc.perform(get("/cases/c-3").with(signedInAs("operations", "operations")))
                .andExpect(content().string(containsString("Information asked for (reason code court-order)")));
    }

    @Test
    void lateCase_showsLateByAndBreachedTag() throws Exception {
        stubCase("c-4", CaseJson.late("c-4", 2));

        mvc.perform(get("/cases/c-4").with(signedInAs("operations", "operations")))
                .andExpect(content().string(containsString("Late by 2 business days")))
                .andExpect(content().string(containsString("govuk-tag--red\">Breached")));
        mvc.perform(get("/cases/c-4").with(signedInAs("operations", "operations")).param("lang", "fr"))
                .andExpect(content().string(containsString("En retard de 2 jours ouvrables")));
    }

    @Test
    void timeline_mergesHistoryAndNotificationsInTimeOrder() throws Exception {
        stubCase("c-5", CaseJson.paused("c-5", "missing-photo"));
        stubHistory("c-5", """
                [{"sequence":0,"type":"CaseSubmitted","occurredAt":"2026-12-01T14:00:00Z","actor":"web-portal",
                  "channel":"WEB","details":{"serviceTypeCode":"passport"}},
                 {"sequence":1,"type":"ClientNotified","occurredAt":"2026-12-01T14:02:10Z","actor":"notification-service",
                  "channel":"WEB","details":{"notificationId":"n-1","templateId":"case-submitted","channel":"EMAIL"}},
                 {"sequence":2,"type":"InformationRequested","occurredAt":"2026-12-03T14:30:00Z","actor":"caseworker",
                  "channel":"WEB","details":{"reasonCode":"missing-photo","requestedAt":"2026-12-03T14:30:00Z"}}]
                """);
        // newest first, as notification-service lists them
        stubNotifications("c-5", """
                {"items":[
                  {"id":"n-2","caseId":"c-5","templateId":"information-requested","status":"SENT","channel":"SMS",
                   "channels":["EMAIL","SMS"],"requestedAt":"2026-12-03T14:30:02Z","updatedAt":"2026-12-03T14:35:00Z"},
                  {"id":"n-1","caseId":"c-5","templateId":"case-submitted","status":"DELIVERED","channel":"EMAIL",
                   "channels":["EMAIL"],"requestedAt":"2026-12-01T14:00:01Z","updatedAt":"2026-12-01T14:02:10Z"}],
                 "page":0,"size":200,"total":2}
                """);

        String page = mvc.perform(get("/cases/c-5").with(signedInAs("caseworker", "caseworker")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String timeline = page.substring(page.indexOf("id=\"timeline\""));
        assertThat(timeline).containsSubsequence(
                "Case submitted", "By web-portal",
                "The client is told: application received", "Delivered", "By email",
                "Information asked for: the clock pauses", "The client’s photo is missing", "By caseworker",
                "The client is told: information needed", "Sent", "Fell back", "By text message", "(planned first: email)");
        // the case's own record of n-1 is folded into n-1's entry, not shown twice
        assertThat(timeline).doesNotContain("The client was told");
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.NOTIFICATION, "/api/notifications")))
                .withQueryParam("caseId", equalTo("c-5"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("caseworker"))));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.CASE, "/api/cases/c-5/history")))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("caseworker"))));
    }

    @Test
    void operations_seesWhatClientWasTold_andPlainNoteInsteadOfHistory() throws Exception {
        stubCase("c-6", CaseJson.running("c-6", 9));
        stubNotifications("c-6", """
                {"items":[{"id":"n-9","caseId":"c-6","templateId":"case-submitted","status":"ABANDONED","channel":"LETTER",
                  "channels":["EMAIL","LETTER"],"requestedAt":"2026-12-01T14:00:01Z","updatedAt":"2026-12-04T14:00:00Z"}],
                 "page":0,"size":200,"total":1}
                """);

        mvc.perform(get("/cases/c-6").with(signedInAs("operations", "operations")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your role does not show the case’s history")))
                .andExpect(content().string(containsString("Abandoned: nobody could tell the client")));

        SERVICES.verify(0, getRequestedFor(urlPathEqualTo(service(Service.CASE, "/api/cases/c-6/history"))));
    }

    @Test
    void notificationServiceFailing_leavesCaseAndHistoryStanding_withNote() throws Exception {
        stubCase("c-7", CaseJson.running("c-7", 4));
        stubHistory("c-7", """
                [{"sequence":0,"type":"CaseSubmitted","occurredAt":"2026-12-01T14:00:00Z","actor":"web-portal","channel":"WEB",
                  "details":{}}]
                """);
        SERVICES.stubFor(WireMock.get(urlPathEqualTo(service(Service.NOTIFICATION, "/api/notifications")))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":500,\"code\":\"internal\"}")));

        mvc.perform(get("/cases/c-7").with(signedInAs("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("4 business days left")))
                .andExpect(content().string(containsString("Case submitted")))
                .andExpect(content().string(containsString("What the client was told could not be read just now")));
    }

    @Test
    void unknownCase_isProblemPageWith404_inPlainWords() throws Exception {
        SERVICES.stubFor(WireMock.get(urlPathEqualTo(service(Service.CASE, "/api/cases/nope")))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"urn:pledge:problem:case.not-found","status":404,"code":"case.not-found",
                                 "title":"Not Found","detail":"No case nope"}""")));

        mvc.perform(get("/cases/nope").with(signedInAs("caseworker", "caseworker")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no case with this reference.")))
                .andExpect(content().string(containsString("case.not-found")));
    }

    private static void stubCase(String caseId, String json) {
        SERVICES.stubFor(WireMock.get(urlPathEqualTo(service(Service.CASE, "/api/cases/" + caseId)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static void stubHistory(String caseId, String json) {
        SERVICES.stubFor(WireMock.get(urlPathEqualTo(service(Service.CASE, "/api/cases/" + caseId + "/history")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static void stubNotifications(String caseId, String json) {
        SERVICES.stubFor(WireMock.get(urlPathEqualTo(service(Service.NOTIFICATION, "/api/notifications")))
                .withQueryParam("caseId", equalTo(caseId))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json)));
    }
}
