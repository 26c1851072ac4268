package org.pledge.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to {@code pledge.web.max-request-size}, whatever the endpoint does with it, before
 * anything else runs (security included):
 * <ul>
 *   <li>a {@code Content-Length} over the limit: 413 at once, nothing read;</li>
 *   <li>a body of unknown length ({@code Transfer-Encoding: chunked}, HTTP/2): read here, up to one byte past the
 *   limit; over it, 413; else the request goes on with the bytes read, as if they had come with a
 *   {@code Content-Length}. So an endpoint that never reads its body (a transition without one) cannot be sent an
 *   unlimited body either.</li>
 * </ul>
 * A 413 says {@code Connection: close}. Tomcat writes it as soon as the filter returns, then discards up to its
 * {@code maxSwallowSize} (2 MB) of what is left of the body and closes the connection: a client that sends a larger
 * body reads the 413 from the socket and sees its writing fail (a reset) when the server closes, instead of a
 * server that reads an unlimited body.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

    private final long maxBytes;
    private final ProblemResponseWriter writer;

    public RequestSizeLimitFilter(long maxBytes, ProblemResponseWriter writer) {
        this.maxBytes = maxBytes;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean unknownLength = request.getHeader("Transfer-Encoding") != null
                || (declared < 0 && request.getProtocol() != null && request.getProtocol().startsWith("HTTP/2"));
        if (!unknownLength) {
            if (declared > maxBytes) {
                tooLarge(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxBytes + 1);
        } catch (IOException e) {
            // a malformed chunked encoding, or the client went away (then nobody reads this)
            log.debug("request body unreadable", e);
            response.setHeader("Connection", "close");
            writer.write(response, Problems.problem(HttpStatus.BAD_REQUEST, "request.malformed",
                    "The request body could not be read: its chunked encoding is malformed or it ended early.",
                    request.getRequestURI()));
            return;
        }
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        writer.write(response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large",
                "The request body is larger than " + maxBytes + " bytes.", request.getRequestURI()));
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }
}
