package org.pledge.feedback.feedback.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pledge.feedback.feedback.config.FeedbackProperties;
import org.pledge.platform.web.ProblemResponseWriter;
import org.pledge.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public survey API ({@code /api/surveys/**}) per client address ({@link ClientAddresses}): at most
 * {@code requests} per fixed {@code window} that starts with an address's first request; beyond, 429
 * {@code request.rate-limited} with {@code Retry-After} (whole seconds to the window's end), before the body is read.
 * In memory, per instance: behind a load balancer of n instances a client gets up to n times the limit. At most
 * {@code maxClients} addresses are tracked; beyond, the least recently seen one is forgotten.
 */
class PublicRateLimitFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/surveys/";

    private final FeedbackProperties.PublicRateLimit limit;
    private final ClientAddresses addresses;
    private final ProblemResponseWriter writer;
    private final Clock clock;
    private final Map<String, Window> windows;

    private static final class Window {
        Instant start;
        int used;
    }

    PublicRateLimitFilter(FeedbackProperties.PublicRateLimit limit, ProblemResponseWriter writer, Clock clock) {
        this.limit = limit;
        this.addresses = new ClientAddresses(limit.trustedProxies());
        this.writer = writer;
        this.clock = clock;
        this.windows = new LinkedHashMap<>(1024, 0.75f, true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long retryAfter = admit(addresses.of(request), clock.instant());
        if (retryAfter > 0) {
            ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "request.rate-limited",
                    "Too many requests from this address; retry after " + retryAfter + " s.", null);
            problem.setTitle("Too many requests");
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            writer.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** 0 when admitted, else the seconds until the address's window ends (at least 1). */
    synchronized long admit(String address, Instant now) {
        Window window = windows.get(address);
        Duration length = limit.window();
        if (window == null || !now.isBefore(window.start.plus(length))) {
            if (window == null) {
                window = new Window();
                windows.put(address, window);
                trim();
            }
            window.start = now;
            window.used = 0;
        }
        if (window.used >= limit.requests()) {
            long millis = Duration.between(now, window.start.plus(length)).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
        window.used++;
        return 0;
    }

    private void trim() {
        Iterator<String> oldest = windows.keySet().iterator();
        while (windows.size() > limit.maxClients() && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
