package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.pledge.console.services.Service;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.springframework.http.HttpHeaders;

/** {@code /cases}: the filters go through to case-service as they are, a page at a time; bad filters are said plainly. */
class CasesSearchIT extends ConsoleITSupport {

    private static final String CASES = service(Service.CASE, "/api/cases");

    @Test
    void search_passesFiltersAndPageThrough_withPersonsToken() throws Exception {
        stubCases(CaseJson.running("c-7", 3));

        mvc.perform(get("/cases").with(signedInAs("caseworker", "caseworker"))
                        .param("status", "IN_PROGRESS").param("serviceType", "passport")
                        .param("atRisk", "true").param("breached", "false").param("page", "2").param("size", "50"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/cases/c-7\"")))
                .andExpect(content().string(containsString("<option value=\"IN_PROGRESS\" selected=\"selected\">In progress")))
                .andExpect(content().string(containsString("value=\"passport\"")))
                // the previous page keeps every filter; 1 case on a page of 50: no next page
                .andExpect(content().string(containsString(
                        "href=\"/cases?status=IN_PROGRESS&amp;serviceType=passport&amp;atRisk=true&amp;breached=false&amp;page=1&amp;size=50\"")))
                .andExpect(content().string(not(containsString("id=\"cases-next\""))));

        SERVICES.verify(getRequestedFor(urlPathEqualTo(CASES))
                .withQueryParam("status", equalTo("IN_PROGRESS"))
                .withQueryParam("serviceType", equalTo("passport"))
                .withQueryParam("atRisk", equalTo("true"))
                .withQueryParam("breached", equalTo("false"))
                .withQueryParam("page", equalTo("2"))
                .withQueryParam("size", equalTo("50"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("caseworker"))));
    }

    @Test
    void search_asksFirstPageOfTwenty_andOffersNext_whenUnfilteredPageIsFull() throws Exception {
        stubCases(IntStream.range(0, 20).mapToObj(i -> CaseJson.running("c-" + i, 5)).toArray(String[]::new));

        mvc.perform(get("/cases").with(signedInAs("operations", "operations")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 1: 20 cases, newest first")))
                .andExpect(content().string(containsString("id=\"cases-next\"")))
                .andExpect(content().string(containsString("href=\"/cases?page=1\"")))
                .andExpect(content().string(not(containsString("id=\"cases-previous\""))));

        SERVICES.verify(getRequestedFor(urlPathEqualTo(CASES))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("20"))
                .withoutQueryParam("status").withoutQueryParam("serviceType")
                .withoutQueryParam("atRisk").withoutQueryParam("breached"));
    }

    @Test
    void search_showsClockTagsAndLocaleDates_inFrench() throws Exception {
        stubCases(CaseJson.late("c-late", 2), CaseJson.paused("c-paused", "missing-photo"));

        mvc.perform(get("/cases").with(signedInAs("auditor", "auditor")).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"fr\"")))
                .andExpect(content().string(containsString("Échéance manquée")))
                .andExpect(content().string(containsString("En pause")))
                // deadline 2026-12-15T22:00:00Z is 17 h 00 in Toronto (EST, UTC-5)
                .andExpect(content().string(containsString("15 déc. 2026 17 h 00")));
    }

    @Test
    void pagePastTheLast_saysSo() throws Exception {
        stubCases();

        mvc.perform(get("/cases").with(signedInAs("caseworker", "caseworker")).param("page", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("this page is past the last one")))
                .andExpect(content().string(containsString("href=\"/cases?page=2\"")));
    }

    @Test
    void badFilter_isSaidBesideTheForm_with400_andServiceNotAsked() throws Exception {
        mvc.perform(get("/cases").with(signedInAs("caseworker", "caseworker"))
                        .param("status", "LOST").param("atRisk", "perhaps").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#status\">Choose a status from the list")))
                .andExpect(content().string(containsString("href=\"#atRisk\">Choose Any, Yes or No")))
                .andExpect(content().string(containsString("href=\"#page\">That page does not exist")));

        SERVICES.verify(0, anyRequestedFor(urlPathMatching("/case-service/.*")));
    }

    @Test
    void badFilter_fromHtmx_isSameErrorSummary_with200() throws Exception {
        mvc.perform(get("/cases").with(signedInAs("caseworker", "caseworker")).header("HX-Request", "true")
                        .param("serviceType", "no spaces please"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#serviceType\">Enter a service type code")));
    }

    @Test
    void lookUpById_redirectsToCasePage() throws Exception {
        mvc.perform(get("/cases/find").with(signedInAs("caseworker", "caseworker")).param("caseId", "  c-42 "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/c-42"));
    }

    @Test
    void lookUpById_withoutId_isSaidBesideTheForm() throws Exception {
        stubCases();

        mvc.perform(get("/cases/find").with(signedInAs("caseworker", "caseworker")).param("caseId", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#caseId\">Enter a case reference")));
        mvc.perform(get("/cases/find").with(signedInAs("caseworker", "caseworker")).param("caseId", "a/b"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a case reference as it is written")));
    }

    @Test
    void casesPage_isNotForFinance() throws Exception {
        mvc.perform(get("/cases").with(signedInAs("finance-1", "finance")))
                .andExpect(status().isForbidden());

        SERVICES.verify(0, anyRequestedFor(urlPathMatching("/case-service/.*")));
    }

    private static void stubCases(String... cases) {
        String body = "[" + Arrays.stream(cases).collect(Collectors.joining(",")) + "]";
        SERVICES.stubFor(WireMock.get(urlPathEqualTo(CASES))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }
}
