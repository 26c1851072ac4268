package org.pledge.console.refunds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.pledge.console.it.ConsoleITSupport;
import org.pledge.console.services.Service;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Payment batches (pain.001 through, pain.002 up) and the cost of missed promises, over WireMock's guarantee-service. */
class RefundBatchesAndCostsIT extends ConsoleITSupport {

    private static final byte[] PAIN_001 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn><GrpHdr>"
            + "<MsgId>PLEDGE-TRF-2026-12-05</MsgId><Nm>M&#252;ller</Nm></GrpHdr></CstmrCdtTrfInitn></Document>\n")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void pain001Download_passesBytesAndContentTypeThrough_asAttachment() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.GUARANTEE, "/api/payment-batches/2026-12-05")))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withHeader("ETag", "\"abc123\"")
                        .withBody(PAIN_001)));

        MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/refunds/batches/pain001").param("date", "2026-12-05")
                        .with(signedInAs("finance-1", "finance")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/xml"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"pledge-transfers-2026-12-05.pain.001.xml\""))
                .andExpect(header().string(HttpHeaders.ETAG, "\"abc123\""))
                .andReturn();

        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PAIN_001);
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/payment-batches/2026-12-05")))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("finance-1"))));
    }

    @Test
    void pain001Download_showsProblemInPlainWords_whenDayNotOver() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.GUARANTEE, "/api/payment-batches/2026-12-06")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"code\":\"payment-batch.open\",\"title\":\"Conflict\"}")));

        mvc.perform(MockMvcRequestBuilders.get("/refunds/batches/pain001").param("date", "2026-12-06")
                        .with(signedInAs("finance-1", "finance")).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Cette journée n’est pas terminée")));
    }

    @Test
    void pain001Download_isBadRequest_whenNotADate() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/refunds/batches/pain001").param("date", "05/12/2026")
                        .with(signedInAs("finance-1", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a date as year-month-day")));
    }

    @Test
    void pain002Upload_postsFileAsXmlWithIdempotencyKey_andTellsResult() throws Exception {
        byte[] report = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"/>".getBytes(StandardCharsets.UTF_8);
        SERVICES.stubFor(post(urlPathEqualTo(service(Service.GUARANTEE, "/api/payment-batches/status-reports")))
                .willReturn(okJson("""
                        {"messageId":"BANK-STS-77","originalMessageId":"PLEDGE-TRF-2026-12-05","batchDate":"2026-12-05",
                         "transactions":3,"settled":["R1"],"rejected":[{"refundId":"R2","reason":"AC04"}],"pending":["R3"],
                         "alreadyFinal":[],"refused":[]}""")));

        MvcResult result = mvc.perform(MockMvcRequestBuilders.multipart("/refunds/batches/status-reports")
                        .file(new MockMultipartFile("report", "pain002.xml", "text/xml", report))
                        .param("idempotencyKey", "upload-key-1")
                        .with(signedInAs("finance-2", "finance")).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/refunds/batches"))
                .andReturn();

        SERVICES.verify(postRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/payment-batches/status-reports")))
                .withHeader("Idempotency-Key", equalTo("upload-key-1"))
                .withHeader(HttpHeaders.CONTENT_TYPE, equalTo("application/xml"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("finance-2")))
                .withRequestBody(binaryEqualTo(report)));
        mvc.perform(MockMvcRequestBuilders.get("/refunds/batches").with(signedInAs("finance-2", "finance"))
                        .flashAttrs(result.getFlashMap()))
                .andExpect(content().string(containsString("Report BANK-STS-77 about PLEDGE-TRF-2026-12-05")))
                .andExpect(content().string(containsString("1 recorded paid")))
                .andExpect(content().string(containsString("R2: rejected by the bank (AC04)")));
    }

    @Test
    void pain002Upload_showsProblemInPlainWords_whenServiceRefusesFile() throws Exception {
        SERVICES.stubFor(post(urlPathEqualTo(service(Service.GUARANTEE, "/api/payment-batches/status-reports")))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":422,\"code\":\"payment-batch.foreign-report\"}")));

        mvc.perform(MockMvcRequestBuilders.multipart("/refunds/batches/status-reports")
                        .file(new MockMultipartFile("report", "pain002.xml", "text/xml", "<x/>".getBytes(StandardCharsets.UTF_8)))
                        .param("idempotencyKey", "upload-key-2")
                        .with(signedInAs("finance-2", "finance")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("not about one of Pledge’s payment batches")));
    }

    @Test
    void pain002Upload_isTooLargeInPlainWords_whenOverOneMegabyte() throws Exception {
        byte[] big = new byte[(int) RefundBatchesController.MAX_REPORT_BYTES + 1];
        mvc.perform(MockMvcRequestBuilders.multipart("/refunds/batches/status-reports")
                        .file(new MockMultipartFile("report", "pain002.xml", "text/xml", big))
                        .param("idempotencyKey", "upload-key-3")
                        .with(signedInAs("finance-2", "finance")).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("The file must be 1 MB or smaller")));
        assertThat(SERVICES.findAll(postRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/payment-batches/status-reports")))))
                .isEmpty();
    }

    @Test
    void batches_isForbidden_forAuditor() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/refunds/batches").with(signedInAs("auditor", "auditor")))
                .andExpect(status().isForbidden());
    }

    @Test
    void costs_showChartAndSameFiguresInTable_inEachLocale() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.GUARANTEE, "/api/refund-totals")))
                .willReturn(okJson("""
                        {"from":"2026-11","to":"2026-12","zone":"America/Toronto","totals":[
                         {"serviceType":"PASSPORT","month":"2026-11","currency":"CAD","paidAmount":"1000.00","paidCount":4,
                          "pendingAmount":"250.50","pendingCount":1},
                         {"serviceType":"DEMO","month":"2026-12","currency":"CAD","paidAmount":"6.25","paidCount":1,
                          "pendingAmount":"0.00","pendingCount":0}]}""")));

        mvc.perform(MockMvcRequestBuilders.get("/refunds/costs").param("from", "2026-11").param("to", "2026-12")
                        .with(signedInAs("operations", "operations")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart=\"costs-CAD\"")))
                .andExpect(content().string(containsString("\"stack\":\"cost\"")))
                .andExpect(content().string(containsString("$1,250.50")))
                .andExpect(content().string(containsString("$1,256.75")));
        mvc.perform(MockMvcRequestBuilders.get("/refunds/costs").param("from", "2026-11").param("to", "2026-12")
                        .with(signedInAs("finance-1", "finance")).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1\u00a0250,50\u00a0$")))
                .andExpect(content().string(containsString("Coût des promesses non tenues")));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.GUARANTEE, "/api/refund-totals")))
                .withQueryParam("from", equalTo("2026-11")).withQueryParam("to", equalTo("2026-12"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("operations"))));
    }

    @Test
    void costs_isBadRequest_whenMonthInvalid() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/refunds/costs").param("from", "2026-13").with(signedInAs("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a month as year-month")));
    }
}
