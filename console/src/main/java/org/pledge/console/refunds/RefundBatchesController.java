package org.pledge.console.refunds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.config.ConsoleProperties;
import org.pledge.console.refunds.GuaranteeViews.StatusReportSummary;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.pledge.console.services.ServiceProblemException;
import org.pledge.console.shell.ProblemAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's payment batches ({@code /refunds/batches}): download the pain.001 of a business day, streamed through from
 * guarantee-service with its content type and a file name, and upload the bank's pain.002 status report, sent on as
 * the XML body the service expects, with the form's Idempotency-Key; the result is told in plain words. Finance only
 * (the service refuses anyone else anyway).
 */
@Controller
class RefundBatchesController {

    /** guarantee-service's own limit ({@code pledge.web.max-request-size}, 1 MB): a larger file is refused here. */
    static final long MAX_REPORT_BYTES = 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~:+/=-]{1,128}");

    private final ServiceApis services;
    private final ProblemAdvice problems;
    private final ObjectMapper json;
    private final ConsoleProperties properties;
    private final Clock clock;

    RefundBatchesController(ServiceApis services, ProblemAdvice problems, ObjectMapper json, ConsoleProperties properties,
                            ObjectProvider<Clock> clock) {
        this.services = services;
        this.problems = problems;
        this.json = json;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/refunds/batches")
    String batches(Authentication person, Model model) {
        requireFinance(person);
        return page(model, yesterday().toString(), Map.of());
    }

    /** The file, streamed through (a null view: the response is written), or the batches page with the problem. */
    @GetMapping("/refunds/batches/pain001")
    ModelAndView download(@RequestParam(required = false) String date, Authentication person, Model model,
                    HttpServletResponse response) throws IOException {
        requireFinance(person);
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.trim());
        } catch (DateTimeParseException notADate) {
            response.setStatus(400);
            return new ModelAndView(page(model, date, Map.of("date", "refund-batches.error.date")), model.asMap());
        }
        ServiceProblemException problem = services.client(Service.GUARANTEE).get()
                .uri("/api/payment-batches/{date}", day)
                .accept(MediaType.APPLICATION_XML, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange((request, answer) -> {
                    if (answer.getStatusCode().isError()) {
                        return problem(answer.getStatusCode().value(), answer.getBody());
                    }
                    MediaType type = answer.getHeaders().getContentType();
                    response.setContentType((type != null ? type : MediaType.APPLICATION_XML).toString());
                    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"pledge-transfers-" + day + ".pain.001.xml\"");
                    copyHeader(answer.getHeaders(), response, HttpHeaders.ETAG);
                    copyHeader(answer.getHeaders(), response, "Pledge-Unpayable-Refunds");
                    if (answer.getHeaders().getContentLength() >= 0) {
                        response.setContentLengthLong(answer.getHeaders().getContentLength());
                    }
                    try (InputStream in = answer.getBody(); OutputStream out = response.getOutputStream()) {
                        in.transferTo(out);
                    }
                    return null;
                });
        if (problem == null) {
            return null;
        }
        if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
            throw problem;
        }
        response.setStatus(problem.status());
        model.addAttribute("downloadProblem", problems.words(problem));
        return new ModelAndView(page(model, day.toString(), Map.of()), model.asMap());
    }

    @PostMapping("/refunds/batches/status-reports")
    Object upload(@RequestParam(required = false) MultipartFile report, @RequestParam(required = false) String idempotencyKey,
                  Authentication person, Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        requireFinance(person);
        String error = null;
        if (report == null || report.isEmpty()) {
            error = "refund-batches.error.report-missing";
        } else if (report.getSize() > MAX_REPORT_BYTES) {
            error = "refund-batches.error.report-too-large";
        } else if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            error = "refund-batches.error.form-expired";
        }
        if (error != null) {
            response.setStatus(report != null && report.getSize() > MAX_REPORT_BYTES ? 413 : 400);
            return page(model, yesterday().toString(), Map.of("report", error));
        }
        StatusReportSummary summary;
        try {
            summary = services.client(Service.GUARANTEE).post()
                    .uri("/api/payment-batches/status-reports")
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_XML)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(report.getBytes())
                    .retrieve()
                    .body(StatusReportSummary.class);
        } catch (ServiceProblemException refused) {
            if (refused.status() >= 500 || refused.status() == 401 || refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("uploadProblem", problems.words(refused));
            return page(model, yesterday().toString(), Map.of());
        }
        redirect.addFlashAttribute("imported", summary);
        return RefundsController.seeOther("/refunds/batches");
    }

    private String page(Model model, String date, Map<String, String> errors) {
        model.addAttribute("date", date);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", ServiceApis.newIdempotencyKey());
        model.addAttribute("maxReportBytes", MAX_REPORT_BYTES);
        return "refunds/batches";
    }

    /** The last business day that is surely over: yesterday in the console's (the services' business) zone. */
    private LocalDate yesterday() {
        return LocalDate.now(clock.withZone(properties.zone())).minusDays(1);
    }

    private static void requireFinance(Authentication person) {
        if (!RefundsController.hasRole(person, "finance")) {
            throw new AccessDeniedException("payment batches are finance's");
        }
    }

    private static void copyHeader(HttpHeaders from, HttpServletResponse to, String name) {
        String value = from.getFirst(name);
        if (value != null) {
            to.setHeader(name, value);
        }
    }

    private ServiceProblemException problem(int status, InputStream body) {
        String code = "http." + status;
        String title = null;
        String detail = null;
        try (body) {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                code = problem.path("code").asText(code);
                title = problem.hasNonNull("title") ? problem.get("title").asText() : null;
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
            }
        } catch (IOException notJson) {
            // not a problem document: the status says what there is to say
        }
        return new ServiceProblemException(Service.GUARANTEE, status, code, title, detail);
    }
}
