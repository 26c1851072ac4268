package org.pledge.console.services;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A service answered with an error: its RFC 9457 problem, as far as it gave one. Shown to the person in plain words
 * by {@code shell.ProblemAdvice} (the message {@code problem.<code>} when the console has one, else the service's own
 * title and detail). Carries nothing personal: services keep personal data out of problems.
 *
 * @param service the service that answered
 * @param status  the HTTP status it answered with
 * @param code    the problem's {@code code} (e.g. {@code claim.four-eyes}), or {@code http.<status>} when it gave none
 * @param title   the problem's title, or null
 * @param detail  the problem's detail, or null
 */
public class ServiceProblemException extends RuntimeException {

    private final Service service;
    private final int status;
    private final String code;
    private final String title;
    private final String detail;

    public ServiceProblemException(Service service, int status, String code, String title, String detail) {
        super(service.id() + " answered " + status + " " + code);
        this.service = service;
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    /** The problem in {@code service}'s error answer; a body that is no problem document leaves only the status. */
    public static ServiceProblemException from(ObjectMapper json, Service service, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String code = "http." + status;
        String title = null;
        String detail = null;
        try (InputStream body = response.getBody()) {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                code = problem.path("code").asText(code);
                title = problem.hasNonNull("title") ? problem.get("title").asText() : null;
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
            }
        } catch (IOException notJson) {
            // not a problem document (a proxy's page, an empty body): the status says what there is to say
        }
        return new ServiceProblemException(service, status, code, title, detail);
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
