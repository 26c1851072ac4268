package org.pledge.console.config;

/**
 * The console's Content-Security-Policy: scripts, styles, fonts, images and live connections from the console itself
 * only; no inline script or style (charts read their data from {@code data-} attributes or JSON data blocks, htmx is
 * configured not to inject its indicator style); forms post only to the console; no framing.
 */
public final class ContentSecurityPolicy {

    public static final String DIRECTIVES = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    private ContentSecurityPolicy() {
    }
}
