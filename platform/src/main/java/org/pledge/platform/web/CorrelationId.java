package org.pledge.platform.web;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Header {@code X-Correlation-Id}: taken from the request when it is sane (else generated), kept as a request
 * attribute and in the logging MDC ({@code correlationId}), and echoed in the response.
 */
public class CorrelationId extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationId.class.getName();
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The current request's correlation id, if called on a request thread. */
    public static Optional<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.ofNullable(MDC.get(MDC_KEY));
        }
        return Optional.ofNullable((String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The given id when it is sane (what a client may choose: letters, digits, {@code ._:-}, at most 128). */
    public static Optional<String> sanitize(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? Optional.of(incoming) : Optional.empty();
    }

    /**
     * The correlation id of a response written where this filter may not have run (an error dispatch, the firewall,
     * Tomcat itself): the one on the response already, else the request's, else a new one; set on the response.
     */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        String id = response.getHeader(HEADER);
        if (id == null) {
            id = request.getAttribute(ATTRIBUTE) instanceof String known ? known
                    : sanitize(request.getHeader(HEADER)).orElseGet(() -> UUID.randomUUID().toString());
            response.setHeader(HEADER, id);
        }
        return id;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = sanitize(request.getHeader(HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
