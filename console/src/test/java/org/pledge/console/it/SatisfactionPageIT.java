package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.pledge.console.services.Service;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** {@code /satisfaction}: feedback-service's figures, pain points and alerts, in both languages, part by part. */
class SatisfactionPageIT extends ConsoleITSupport {

    // hand-made answers: 8 of 10 satisfied in the last 30 days (80%), effort 2.25; on time 6 of 7, late 2 of 3
    private static final String FIGURES = """
            {"asOf":"2026-12-06T15:00:00Z","serviceType":"all","channel":"all","zone":"America/Toronto",
             "windows":[
              {"window":"PT1H","from":"2026-12-06T14:01:00Z","figures":{"volume":0,"csat":null,"meanRating":null,"meanEffort":null,"effortAnswers":0,"topPainPoints":[]},
               "byTimeliness":{"onTime":{"volume":0,"effortAnswers":0},"late":{"volume":0,"effortAnswers":0},"open":{"volume":0,"effortAnswers":0}}},
              {"window":"P1D","from":"2026-12-05T16:00:00Z","figures":{"volume":4,"csat":"75.00","meanRating":"3.75","meanEffort":"2.50","effortAnswers":4,"topPainPoints":[]},
               "byTimeliness":{"onTime":{"volume":3,"csat":"100.00","effortAnswers":3},"late":{"volume":1,"csat":"0.00","effortAnswers":1},"open":{"volume":0,"effortAnswers":0}}},
              {"window":"P30D","from":"2026-11-07T05:00:00Z","figures":{"volume":1234,"csat":"87.50","meanRating":"4.10","meanEffort":"2.25","effortAnswers":8,"topPainPoints":[]},
               "byTimeliness":{"onTime":{"volume":7,"csat":"85.71","effortAnswers":6},"late":{"volume":3,"csat":"66.67","effortAnswers":2},"open":{"volume":0,"effortAnswers":0}}}],
             "series":[
              {"date":"2026-12-05","figures":{"volume":6,"csat":"83.33","effortAnswers":4},"byTimeliness":{"onTime":{"volume":4,"csat":"100.00","effortAnswers":3},"late":{"volume":2,"csat":"50.00","effortAnswers":1},"open":{"volume":0,"effortAnswers":0}}},
              {"date":"2026-12-06","figures":{"volume":4,"csat":"75.00","effortAnswers":4},"byTimeliness":{"onTime":{"volume":3,"csat":"100.00","effortAnswers":3},"late":{"volume":1,"csat":"0.00","effortAnswers":1},"open":{"volume":0,"effortAnswers":0}}}]}
            """;
    private static final String PAIN_POINTS = """
            {"asOf":"2026-12-06T15:00:00Z","serviceType":"all","window":"P30D","from":"2026-11-07T05:00:00Z","answers":10,
             "painPoints":[{"code":"waiting-time","count":5},{"code":"<b>unclear-letter</b>","count":2}]}
            """;
    private static final String ALERTS = """
            {"open":[{"alertId":"a-1","serviceType":"PASSPORT","status":"OPEN","csat":"55.00","threshold":"70","recoveryThreshold":"80",
                      "answers":50,"basis":"last-50-answers","raisedAt":"2026-12-06T14:30:00Z"}],
             "recent":[]}
            """;

    @Test
    void satisfactionPage_showsFiguresChartsAndAlerts_inEnglish() throws Exception {
        stubFeedback();
        mvc.perform(page("/satisfaction").with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("87.5%")))
                .andExpect(content().string(containsString("1,234")))
                .andExpect(content().string(containsString("85.7% (7)")))
                .andExpect(content().string(containsString("66.7% (3)")))
                .andExpect(content().string(containsString("2.25")))
                .andExpect(content().string(containsString("PASSPORT: satisfaction (CSAT) fell to 55%, below 70%, over the last 50 answers (since Dec. 6, 2026, 9:30 a.m.)")))
                .andExpect(content().string(containsString("Dec. 5, 2026")))
                .andExpect(content().string(containsString("data-chart=\"satisfaction-series-chart\"")))
                .andExpect(content().string(containsString("data-chart=\"satisfaction-pain-points-chart\"")))
                // a service's text cannot close the chart's data block nor open markup
                .andExpect(content().string(containsString("\\u003cb\\u003eunclear-letter")))
                .andExpect(content().string(containsString("&lt;b&gt;unclear-letter")))
                .andExpect(content().string(not(containsString("<b>unclear-letter"))));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.FEEDBACK, "/api/satisfaction")))
                .withHeader("Authorization", equalTo("Bearer " + accessToken("ops-1"))));
    }

    @Test
    void satisfactionPage_writesFiguresInTheLocale_inFrench() throws Exception {
        stubFeedback();
        mvc.perform(page("/satisfaction").with(signedInAs("auditor-1", "auditor")).locale(FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Satisfaction")))
                .andExpect(content().string(containsString("87,5\u00a0%")))
                .andExpect(content().string(containsString("1\u00a0234")))
                .andExpect(content().string(containsString("2,25")))
                .andExpect(content().string(containsString("30 derniers jours")))
                .andExpect(content().string(containsString("PASSPORT : la satisfaction (CSAT) est tombée à 55\u00a0%")));
    }

    @Test
    void satisfactionPage_passesFiltersToFeedbackService() throws Exception {
        stubFeedback();
        mvc.perform(page("/satisfaction").param("serviceType", "PASSPORT").param("channel", "KIOSK")
                        .with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk());
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.FEEDBACK, "/api/satisfaction")))
                .withQueryParam("serviceType", equalTo("PASSPORT")).withQueryParam("channel", equalTo("KIOSK")));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.FEEDBACK, "/api/pain-points")))
                .withQueryParam("serviceType", equalTo("PASSPORT")).withQueryParam("window", equalTo("P30D")));
    }

    @Test
    void satisfactionPage_showsErrorAndEveryChannel_whenChannelUnknown() throws Exception {
        stubFeedback();
        mvc.perform(page("/satisfaction").param("channel", "PIGEON").with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Choose a channel from the list")));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.FEEDBACK, "/api/satisfaction")))
                .withQueryParam("channel", equalTo("all")));
    }

    @Test
    void satisfactionPage_showsNoteForFigures_andTheOtherParts_whenFiguresFail() throws Exception {
        stubFeedback();
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.FEEDBACK, "/api/satisfaction")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        mvc.perform(page("/satisfaction").with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("feedback-service could not be reached just now")))
                .andExpect(content().string(not(containsString("id=\"satisfaction-figures\""))))
                .andExpect(content().string(containsString("PASSPORT: satisfaction (CSAT) fell to 55%")))
                .andExpect(content().string(containsString("waiting-time")));
    }

    @Test
    void satisfactionPage_showsNoteInFrench_whenFeedbackServiceIsDown() throws Exception {
        SERVICES.stubFor(get(urlPathMatching(service(Service.FEEDBACK, "/.*")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        mvc.perform(page("/satisfaction").with(signedInAs("ops-1", "operations")).locale(FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("feedback-service est injoignable pour l’instant")));
    }

    @Test
    void satisfactionPage_isForbidden_forCaseworker() throws Exception {
        mvc.perform(page("/satisfaction").with(signedInAs("cw-1", "caseworker")))
                .andExpect(status().isForbidden());
        SERVICES.verify(0, getRequestedFor(urlPathMatching(service(Service.FEEDBACK, "/.*"))));
    }

    private static MockHttpServletRequestBuilder page(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    private static void stubFeedback() {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.FEEDBACK, "/api/satisfaction"))).willReturn(okJson(FIGURES)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.FEEDBACK, "/api/pain-points"))).willReturn(okJson(PAIN_POINTS)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.FEEDBACK, "/api/satisfaction-alerts"))).willReturn(okJson(ALERTS)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.CASE, "/api/service-types")))
                .willReturn(okJson("[{\"code\":\"PASSPORT\"},{\"code\":\"PERMIT\"}]")));
    }
}
