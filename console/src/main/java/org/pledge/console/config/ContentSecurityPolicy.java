package org.pledge.console.config;

import java.net.URI;

/**
 * The console's Content-Security-Policy: scripts, styles, fonts, images and live connections from the console itself
 * only; no inline script or style (charts read their data from {@code data-} attributes or JSON data blocks, htmx is
 * configured not to inject its indicator style); forms post only to the console and, for signing out, to the issuer
 * (Chromium applies {@code form-action} to the redirects a form's answer leads to: the sign-out form's answer is a
 * redirect to the issuer's end-session endpoint); no framing.
 */
public final class ContentSecurityPolicy {

    /** The policy without the issuer: every directive but {@code form-action}'s issuer origin. */
    public static final String DIRECTIVES = directives(null);

    private ContentSecurityPolicy() {
    }

    /**
     * The policy the console sends, {@code issuer} being the origin of the issuer's end-session endpoint (e.g.
     * {@code http://localhost:9000}), or null.
     */
    public static String directives(String issuer) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "frame-ancestors 'none'",
                issuer == null ? "form-action 'self'" : "form-action 'self' " + issuer);
    }

    /** The origin ({@code scheme://host[:port]}) of {@code uri}, or null when it is null or not absolute. */
    public static String origin(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        URI parsed = URI.create(uri);
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            return null;
        }
        return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() == -1 ? "" : ":" + parsed.getPort());
    }
}
