package org.pledge.platform.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes a problem as {@code application/problem+json} straight to the servlet response (outside Spring MVC). */
public class ProblemResponseWriter {

    private final ObjectMapper objectMapper;

    public ProblemResponseWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = objectMapper.writeValueAsBytes(Problems.asMap(problem));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    ObjectMapper objectMapper() {
        return objectMapper;
    }
}
