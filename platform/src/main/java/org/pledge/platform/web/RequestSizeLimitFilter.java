package org.pledge.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request bodies larger than {@code pledge.web.max-request-size} (by {@code Content-Length}) with a 413
 * problem before anything reads them. Chunked bodies without a length are bounded by the container's limits.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponseWriter writer;

    public RequestSizeLimitFilter(long maxBytes, ProblemResponseWriter writer) {
        this.maxBytes = maxBytes;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            writer.write(response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large",
                    "The request body is larger than " + maxBytes + " bytes.", request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }
}
