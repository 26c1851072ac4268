package org.pledge.feedback.surveypage.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The survey page's response headers, on every answer under {@code /surveys/} (the form, the thanks page, the error
 * pages alike). The URL carries a credential (the link's token), so: never cached ({@code no-store}), never sent on as
 * a referrer. Only our own stylesheet may load; no script at all, inline or not; the form may post only to us; no
 * framing. Spring Security adds {@code X-Content-Type-Options} and {@code X-Frame-Options}.
 */
class SurveyPageHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
