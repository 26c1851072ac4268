package org.pledge.feedback.feedback.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Limits the public survey API ({@code /api/surveys/**}, every method) and the answers posted through the survey page
 * ({@code POST /surveys/**}; its pages and assets are not counted) per client address ({@link ClientAddresses}): at most
 * {@code requests} per fixed {@code window} that starts with an address's first request; beyond, 429
 * {@code request.rate-limited} with {@code Retry-After} (whole seconds to the window's end), before the body is read;
 * an answer from the page gets the same status as a short page in English and French instead (the page's client is a
 * browser, and the filter runs before the page's language is known).
 * In memory, per instance: behind a load balancer of n instances a client gets up to n times the limit. At most
 * {@code maxClients} addresses are tracked; beyond, the least recently seen one is forgotten.
 */
class PublicRateLimitFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/surveys/";
    static final String PAGE_PREFIX = "/surveys/";

    private static final byte[] TOO_MANY_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Please try again in a minute / Veuillez réessayer dans une minute</title>
            <link rel="stylesheet" href="/survey-assets/survey.css"></head>
            <body><main>
            <h1>Please try again in a minute</h1>
            <p>We received many answers from your network just now, so yours was not recorded. Go back and send it again in
            a minute: your link still works.</p>
            <div lang="fr"><h2>Veuillez réessayer dans une minute</h2>
            <p>Nous venons de recevoir beaucoup de réponses de votre réseau; la vôtre n’a pas été enregistrée. Revenez en
            arrière et envoyez-la de nouveau dans une minute : votre lien fonctionne toujours.</p></div>
            </main></body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

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
        String path = request.getRequestURI();
        return !(path.startsWith(PREFIX) || path.startsWith(PAGE_PREFIX) && "POST".equals(request.getMethod()));
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
            if (request.getRequestURI().startsWith(PAGE_PREFIX)) {
                writePage(response);
            } else {
                writer.write(response, problem);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static void writePage(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.getOutputStream().write(TOO_MANY_PAGE);
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
