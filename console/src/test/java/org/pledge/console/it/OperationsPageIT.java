package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.pledge.console.services.Service;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** {@code /operations}: dead letters per service and topic (list, inspect, replay), parked outbound events, abandoned notifications. */
class OperationsPageIT extends ConsoleITSupport {

    private static final String CASE_TOPIC = "/ops/dead-letters/pledge.case.v1";
    private static final String PARKED = """
            [{"partition":0,"offset":12,"parkedAt":"2026-12-06T14:30:00Z","key":"case-41","ceId":"e-41",
              "ceType":"pledge.case.submitted.v1","ceSubject":"case-41",
              "error":"InvalidCloudEventException: <script>alert(1)</script> is not a case event"}]
            """;
    private static final String ABANDONED = """
            {"items":[{"id":"n-1","caseId":"case-9","templateId":"case-submitted","trigger":"CASE_SUBMITTED","channel":"SMS",
                       "channels":["EMAIL","SMS"],"status":"ABANDONED","reason":"no-contact-point",
                       "requestedAt":"2026-12-06T14:00:00Z","updatedAt":"2026-12-06T14:45:00Z","language":"en"}],
             "page":0,"size":20,"total":1}
            """;

    @Test
    void overview_countsDeadLettersPerTopic_andListsAbandonedNotifications_inEnglish() throws Exception {
        stubNothingParked();
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.NOTIFICATION, CASE_TOPIC))).atPriority(1).willReturn(okJson(PARKED)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.NOTIFICATION, "/api/notifications"))).willReturn(okJson(ABANDONED)));
        mvc.perform(page("/operations").with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/operations/notification-service/dead-letters/pledge.case.v1\"")))
                .andExpect(content().string(containsString("1 message")))
                .andExpect(content().string(containsString("nothing parked")))
                .andExpect(content().string(containsString("href=\"/cases/case-9\"")))
                .andExpect(content().string(containsString("No address or number for the client")))
                .andExpect(content().string(containsString("EMAIL, SMS")))
                .andExpect(content().string(containsString("Dec. 6, 2026, 9:45 a.m.")));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.NOTIFICATION, "/api/notifications")))
                .withQueryParam("status", equalTo("ABANDONED"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken("ops-1"))));
    }

    @Test
    void overview_writesDatesInFrench_andNotesTheServiceThatIsDown() throws Exception {
        stubNothingParked();
        SERVICES.stubFor(get(urlPathMatching(service(Service.GUARANTEE, "/.*"))).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.NOTIFICATION, "/api/notifications"))).willReturn(okJson(ABANDONED)));
        mvc.perform(page("/operations").with(signedInAs("admin-1", "admin")).locale(FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("guarantee-service est injoignable pour l’instant")))
                .andExpect(content().string(containsString("rien en attente")))
                .andExpect(content().string(containsString("Notifications abandonnées")))
                .andExpect(content().string(containsString("6 déc. 2026 09 h 45")));
    }

    @Test
    void message_showsKeyHeadersAndReason_escaped() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.NOTIFICATION, CASE_TOPIC))).willReturn(okJson(PARKED)));
        mvc.perform(page("/operations/notification-service/dead-letters/pledge.case.v1/0/12")
                        .with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("case-41")))
                .andExpect(content().string(containsString("pledge.case.submitted.v1")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; is not a case event")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void message_isNotFound_whenNoLongerParked() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.NOTIFICATION, CASE_TOPIC))).willReturn(okJson("[]")));
        mvc.perform(page("/operations/notification-service/dead-letters/pledge.case.v1/0/12")
                        .with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("That message is no longer parked")));
    }

    @Test
    void topicPage_isNotFound_forTopicTheServiceDoesNotConsume() throws Exception {
        mvc.perform(page("/operations/case-service/dead-letters/pledge.case.v1").with(signedInAs("ops-1", "operations")))
                .andExpect(status().isNotFound());
        SERVICES.verify(0, getRequestedFor(urlPathMatching("/case-service/.*")));
    }

    @Test
    void replay_relaysFormsIdempotencyKeyAndToken_thenRedirectsWithWhatItDid() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.NOTIFICATION, CASE_TOPIC))).willReturn(okJson(PARKED)));
        SERVICES.stubFor(post(urlPathEqualTo(service(Service.NOTIFICATION, CASE_TOPIC + "/replay")))
                .willReturn(okJson("{\"topic\":\"pledge.case.v1\",\"replayed\":1,\"failed\":0}")));
        String confirm = mvc.perform(page("/operations/notification-service/dead-letters/pledge.case.v1/replay")
                        .with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 message goes through notification-service’s consumers again.")))
                .andReturn().getResponse().getContentAsString();
        String key = hiddenIdempotencyKey(confirm);

        mvc.perform(MockMvcRequestBuilders.post("/operations/notification-service/dead-letters/pledge.case.v1/replay")
                        .param("idempotencyKey", key).with(csrf()).with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/operations/notification-service/dead-letters/pledge.case.v1"))
                .andExpect(flash().attribute("banner", "Replayed 1; 0 failed again and stay parked."));
        SERVICES.verify(1, postRequestedFor(urlPathEqualTo(service(Service.NOTIFICATION, CASE_TOPIC + "/replay")))
                .withHeader("Idempotency-Key", equalTo(key))
                .withHeader("Authorization", equalTo("Bearer " + accessToken("ops-1"))));
    }

    @Test
    void replay_isRefused_withoutTheFormsKey_orWithoutCsrf() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/operations/notification-service/dead-letters/pledge.case.v1/replay")
                        .with(csrf()).with(signedInAs("ops-1", "operations")))
                .andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.post("/operations/notification-service/dead-letters/pledge.case.v1/replay")
                        .param("idempotencyKey", "6b1f3c1e-0000-4000-8000-000000000001")
                        .with(signedInAs("ops-1", "operations")))
                .andExpect(status().isForbidden());
        SERVICES.verify(0, postRequestedFor(urlPathMatching("/.*")));
    }

    @Test
    void outboundReplay_ofOneKey_relaysKeyAndIdempotencyKey() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.CASE, "/ops/dead-letters/outbound"))).willReturn(okJson("""
                [{"eventId":"ev-1","sequenceKey":"case-5","sequenceNumber":0,"globalIndex":77,"aggregateType":"Case",
                  "payloadType":"CaseSubmittedEvent","state":"FAILED","reason":"MappingException: fee 1e1000000",
                  "attempts":3,"firstFailedAt":"2026-12-06T14:00:00Z","lastFailedAt":"2026-12-06T14:00:07Z","parkedAt":"2026-12-06T14:00:07Z"}]
                """)));
        SERVICES.stubFor(post(urlPathEqualTo(service(Service.CASE, "/ops/dead-letters/outbound/replay")))
                .willReturn(okJson("{\"replayed\":1,\"failed\":0,\"stillParked\":0}")));
        mvc.perform(page("/operations/case-service/outbound").with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("MappingException: fee 1e1000000")))
                .andExpect(content().string(containsString("href=\"/operations/case-service/outbound/replay?key=case-5\"")));
        String confirm = mvc.perform(page("/operations/case-service/outbound/replay").param("key", "case-5")
                        .with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String key = hiddenIdempotencyKey(confirm);
        mvc.perform(MockMvcRequestBuilders.post("/operations/case-service/outbound/replay").param("key", "case-5")
                        .param("idempotencyKey", key).with(csrf()).with(signedInAs("ops-1", "operations")).locale(ENGLISH))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("banner", "Published 1 again; 0 failed again; 0 still parked."));
        SERVICES.verify(1, postRequestedFor(urlPathEqualTo(service(Service.CASE, "/ops/dead-letters/outbound/replay")))
                .withQueryParam("key", equalTo("case-5"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withHeader("Authorization", equalTo("Bearer " + accessToken("ops-1"))));
    }

    @Test
    void operations_isForbidden_forAuditor() throws Exception {
        mvc.perform(page("/operations").with(signedInAs("auditor-1", "auditor"))).andExpect(status().isForbidden());
    }

    private static String hiddenIdempotencyKey(String html) {
        Matcher matcher = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("the form carries an idempotency key").isTrue();
        return matcher.group(1);
    }

    private static void stubNothingParked() {
        SERVICES.stubFor(get(urlPathMatching("/[a-z-]+-service/ops/dead-letters/.*")).atPriority(5).willReturn(okJson("[]")));
        SERVICES.stubFor(get(urlPathMatching("/[a-z-]+-service/api/notifications")).atPriority(5)
                .willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"total\":0}")));
    }

    private static MockHttpServletRequestBuilder page(String path) {
        return MockMvcRequestBuilders.get(path);
    }
}
