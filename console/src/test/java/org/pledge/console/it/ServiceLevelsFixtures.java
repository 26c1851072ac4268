package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.pledge.console.services.Service;

/** case-service's {@code GET /api/service-levels} answers for the console's service-levels ITs. */
final class ServiceLevelsFixtures {

    static final String PATH = ConsoleITSupport.service(Service.CASE, "/api/service-levels");

    private ServiceLevelsFixtures() {
    }

    /** case-service answers {@link #report(long)} with {@code passportBreached} PASSPORT cases breached and open. */
    static void answer(WireMockServer services, long passportBreached) {
        services.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(report(passportBreached))));
    }

    /** case-service refuses the person ({@code status} 401 or 403, as a problem). */
    static void refuse(WireMockServer services, int status) {
        services.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:pledge:problem:auth.forbidden\",\"status\":" + status + ",\"code\":\"auth.forbidden\"}")));
    }

    /**
     * Two service types. PASSPORT: 1,234 open (WEB 1,000, PAPER 234), 8 resolved of which 7 on time (87.5%), median 4
     * and p90 9 business days, backlog 1,200 / 20 / 10 / 4, two weeks (27 Nov none, 7 Dec 87.5%). DEMO: 2 open WEB.
     */
    static String report(long passportBreached) {
        return """
                {"asOf":"2026-12-07T15:04:05Z","resolvedSince":"2026-11-30T15:04:05Z","truncated":false,
                 "serviceTypes":[
                  {"serviceType":"DEMO",
                   "total":{"channel":"ALL","open":2,"atRisk":0,"breachedOpen":0,"resolved":0,"resolvedOnTime":0,
                     "onTimePercent":null,"medianBusinessDaysToResolution":null,"p90BusinessDaysToResolution":null,
                     "backlogByAge":{"0-5":2,"6-10":0,"11-20":0,"over-20":0},
                     "onTimeByWeek":[{"weekOf":"2026-11-30","resolved":0,"resolvedOnTime":0,"onTimePercent":null},
                                     {"weekOf":"2026-12-07","resolved":0,"resolvedOnTime":0,"onTimePercent":null}]},
                   "byChannel":[{"channel":"WEB","open":2,"atRisk":0,"breachedOpen":0,"resolved":0,"resolvedOnTime":0,
                     "onTimePercent":null,"medianBusinessDaysToResolution":null,"p90BusinessDaysToResolution":null,
                     "backlogByAge":{"0-5":2,"6-10":0,"11-20":0,"over-20":0},"onTimeByWeek":[]}]},
                  {"serviceType":"PASSPORT",
                   "total":{"channel":"ALL","open":1234,"atRisk":30,"breachedOpen":%1$d,"resolved":8,"resolvedOnTime":7,
                     "onTimePercent":"87.5","medianBusinessDaysToResolution":4,"p90BusinessDaysToResolution":9,
                     "backlogByAge":{"0-5":1200,"6-10":20,"11-20":10,"over-20":4},
                     "onTimeByWeek":[{"weekOf":"2026-11-30","resolved":0,"resolvedOnTime":0,"onTimePercent":null},
                                     {"weekOf":"2026-12-07","resolved":8,"resolvedOnTime":7,"onTimePercent":"87.5"}]},
                   "byChannel":[
                    {"channel":"PAPER","open":234,"atRisk":10,"breachedOpen":0,"resolved":2,"resolvedOnTime":1,
                     "onTimePercent":"50.0","medianBusinessDaysToResolution":6,"p90BusinessDaysToResolution":9,
                     "backlogByAge":{"0-5":220,"6-10":10,"11-20":4,"over-20":0},
                     "onTimeByWeek":[{"weekOf":"2026-12-07","resolved":2,"resolvedOnTime":1,"onTimePercent":"50.0"}]},
                    {"channel":"WEB","open":1000,"atRisk":20,"breachedOpen":%1$d,"resolved":6,"resolvedOnTime":6,
                     "onTimePercent":"100.0","medianBusinessDaysToResolution":3,"p90BusinessDaysToResolution":5,
                     "backlogByAge":{"0-5":980,"6-10":10,"11-20":6,"over-20":4},
                     "onTimeByWeek":[{"weekOf":"2026-12-07","resolved":6,"resolvedOnTime":6,"onTimePercent":"100.0"}]}]}]}
                """.formatted(passportBreached);
    }
}
