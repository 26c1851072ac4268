package org.pledge.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code BasicErrorController}: errors that never reached a controller (a filter failed, the
 * container rejected the request) are problems too.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null || !httpStatus.isError()) {
            httpStatus = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = httpStatus.is5xxServerError()
                ? "An unexpected error occurred" + CorrelationId.current().map(id -> ". Quote correlation id " + id
                + " when reporting it.").orElse(".")
                : httpStatus.getReasonPhrase() + ".";
        var problem = Problems.problem(httpStatus, Problems.codeFor(httpStatus.value()), detail,
                uri == null ? request.getRequestURI() : uri.toString());
        return ResponseEntity.status(httpStatus).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }
}
