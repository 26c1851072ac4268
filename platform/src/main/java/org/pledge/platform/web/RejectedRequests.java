package org.pledge.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problems for requests refused before any controller saw them: by Tomcat (an encoded slash, a NUL, bad
 * percent-encoding, headers too large, ...) or by Spring Security's firewall (a {@code ;}, {@code //}, a dot segment,
 * an unknown method, a control character in a header, ...). The detail says what was wrong without repeating the
 * request (a header may hold a credential).
 */
public final class RejectedRequests {

    /** The methods Spring Security's {@code StrictHttpFirewall} lets through by default. */
    private static final Set<String> FIREWALL_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
    /** Standard methods this platform does not allow (the others are not implemented: 501). */
    private static final Set<String> KNOWN_METHODS = Set.of("TRACE", "CONNECT");

    private RejectedRequests() {
    }

    /** The problem for a request Spring Security's firewall rejected ({@code message} is the exception's, in English). */
    public static ProblemDetail firewallProblem(HttpServletRequest request, String message) {
        String method = request.getMethod();
        // on an error dispatch (Tomcat refused TRACE, say) the request's own path, not the error page's
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String s ? s : request.getRequestURI();
        if (method != null && !FIREWALL_METHODS.contains(method)) {
            return methodProblem(method, path);
        }
        Optional<String> pathFault = pathFault(path);
        if (pathFault.isPresent()) {
            return pathProblem(pathFault.get(), path);
        }
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("header")) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-header",
                    "A request header has a name or value with characters that are not allowed (such as control "
                            + "characters).", path);
        }
        if (text.contains("parameter")) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-parameter",
                    "A query parameter has a name or value with characters that are not allowed (such as control "
                            + "characters).", path);
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-path",
                "The request URL is not allowed: it must be a normalized path without encoded slashes, dot segments, "
                        + "semicolons or control characters.", path);
    }

    static ProblemDetail methodProblem(String method, String path) {
        if (KNOWN_METHODS.contains(method)) {
            return Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed",
                    "The method " + method + " is not allowed.", path);
        }
        return Problems.problem(HttpStatus.NOT_IMPLEMENTED, "request.not-implemented",
                "The method " + Problems.echo(method) + " is not supported by this service.", path);
    }

    static ProblemDetail pathProblem(String fault, String path) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-path",
                "The request path is not allowed: it contains " + fault + ".", path);
    }

    /**
     * What is wrong with a raw (still percent-encoded) request path, if anything: the classes of path that Tomcat or
     * the firewall refuse.
     */
    public static Optional<String> pathFault(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2)))) {
                return Optional.of("invalid percent-encoding (% must be followed by two hexadecimal digits)");
            }
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("a control character");
            }
        }
        if (lower.contains("%2f")) {
            return Optional.of("an encoded slash (%2F)");
        }
        if (lower.contains("%5c") || rawPath.indexOf('\\') >= 0) {
            return Optional.of("a backslash");
        }
        if (lower.contains("%25")) {
            return Optional.of("an encoded percent sign (%25)");
        }
        if (rawPath.indexOf(';') >= 0 || lower.contains("%3b")) {
            return Optional.of("a semicolon (path parameters are not supported)");
        }
        if (lower.contains("%2e")) {
            return Optional.of("an encoded dot (%2E)");
        }
        byte[] decoded;
        try {
            decoded = percentDecode(rawPath);
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid percent-encoding");
        }
        for (byte b : decoded) {
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                return Optional.of("an encoded control character (such as %00)");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
        } catch (CharacterCodingException e) {
            return Optional.of("percent-encoded bytes that are not UTF-8");
        }
        if (rawPath.contains("//")) {
            return Optional.of("an empty segment (//)");
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("a dot segment (. or ..)");
            }
        }
        return Optional.empty();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static byte[] percentDecode(String raw) {
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                if (i + 2 >= in.length) {
                    throw new IllegalArgumentException();
                }
                out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }
}
