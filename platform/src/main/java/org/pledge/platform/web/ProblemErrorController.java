package org.pledge.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code BasicErrorController}: errors that never reached a controller (a filter failed, the
 * container rejected the request) are problems too. {@code /error} asked for directly is a 404.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpServletResponse response) {
        String correlationId = CorrelationId.ensure(request, response);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status)) {
            // not an error dispatch: someone asked for /error itself
            return answer(Problems.problem(HttpStatus.NOT_FOUND, "resource.not-found", "There is nothing at this URL.",
                    request.getRequestURI()));
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null || !httpStatus.isError()) {
            httpStatus = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof RequestRejectedException rejected) {
            return answer(RejectedRequests.firewallProblem(request, rejected.getMessage()));
        }
        if (httpStatus == HttpStatus.BAD_REQUEST && exception instanceof IOException) {
            // Tomcat could not read the body (a malformed chunked encoding, say)
            return answer(Problems.problem(httpStatus, "request.malformed",
                    "The request body could not be read: its chunked encoding is malformed or it ended early.", path));
        }
        String detail = httpStatus.is5xxServerError()
                ? "An unexpected error occurred. Quote correlation id " + correlationId + " when reporting it."
                : httpStatus.getReasonPhrase() + ".";
        return answer(Problems.problem(httpStatus, Problems.codeFor(httpStatus.value()), detail, path));
    }

    private static ResponseEntity<Map<String, Object>> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }
}
