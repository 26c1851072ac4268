package org.pledge.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, as an RFC 9457 problem instead of an HTML page. It answers the errors no servlet answered:
 * those Tomcat finds before the application (a request line or headers too large or malformed, too many headers, an
 * encoded slash, a NUL, bad percent-encoding, a dot segment leaving the root, an unsupported transfer coding or HTTP
 * version), and any error response the application left without a body. A request whose headers were too large is
 * answered 431 (414 when the request line alone was), as RFC 6585 and RFC 9110 say, where Tomcat says 400.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);
    private static final StringManager HTTP11 = StringManager.getManager("org.apache.coyote.http11");
    private static final StringManager HTTP = StringManager.getManager("org.apache.tomcat.util.http");
    private static final StringManager CONNECTOR = StringManager.getManager("org.apache.catalina.connector");

    private final ObjectMapper objectMapper;

    public ProblemErrorReportValve(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** For Tomcat, which makes the host's error report valve by class name when none is configured. */
    public ProblemErrorReportValve() {
        this(new ObjectMapper());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own report: only an error response (sendError) nobody wrote a body for, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        boolean beforeApplication = request.getContext() == null;
        String path = request.getRequestURI();
        String correlationId = CorrelationId.ensure(request, response);
        ProblemDetail problem = classify(status, throwable, response.getMessage(), path, correlationId,
                request.getHeader("Transfer-Encoding") != null);
        if (problem.getStatus() >= 500 && problem.getStatus() != 501 && problem.getStatus() != 505) {
            // 501 and 505 are the client's (a transfer coding or HTTP version this server does not speak)
            log.error("error outside the application, status {} (correlation id {})", status, correlationId, throwable);
        }
        try {
            response.setStatus(problem.getStatus());
            if (beforeApplication) {
                // Tomcat may not have read the whole request: the connection cannot carry another one
                response.setHeader("Connection", "close");
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(objectMapper.writeValueAsString(Problems.asMap(problem)));
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not write the error problem (status {})", status, e);
        }
    }

    static ProblemDetail classify(int status, Throwable throwable, String message, String path, String correlationId,
                                  boolean transferEncoding) {
        String reason = throwable == null ? null : throwable.getMessage();
        if (status == 400 && throwable instanceof IllegalArgumentException
                && HTTP11.getString("iib.requestheadertoolarge.error").equals(reason)) {
            if (path == null || path.isEmpty()) {
                // the request line did not even fit
                return Problems.problem(HttpStatus.URI_TOO_LONG, "request.uri-too-long",
                        "The request line (method and URL) is too long.", null);
            }
            return Problems.problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request.header-too-large",
                    "The request headers are too large.", path);
        }
        if (status == 400 && throwable instanceof IllegalStateException && startsWithTemplate(reason,
                HTTP.getString("headers.maxCountFail", "\u0000"))) {
            return Problems.problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request.header-too-large",
                    "The request has too many headers.", path);
        }
        if (status == 400 && throwable instanceof IllegalArgumentException
                && startsWithTemplate(reason, HTTP11.getString("iib.invalidRequestTarget", "\u0000"))) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-path",
                    "The request URL has characters that are not allowed (see RFC 3986).", null);
        }
        if (status == 400 && throwable instanceof IllegalArgumentException
                && startsWithTemplate(reason, HTTP11.getString("iib.invalidheader.reject", "\u0000"))) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-header",
                    "A request header is malformed or has characters that are not allowed.", path);
        }
        if (status == 400) {
            Optional<String> fault = RejectedRequests.pathFault(path);
            if (fault.isPresent() || startsWithTemplate(message, CONNECTOR.getString("coyoteAdapter.invalidURI"))) {
                return fault.map(f -> RejectedRequests.pathProblem(f, path))
                        .orElseGet(() -> Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-path",
                                "The request path is not allowed.", path));
            }
            return Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid",
                    "The request could not be read: its request line or headers are malformed.", path);
        }
        if (status == 501 && transferEncoding) {
            return Problems.problem(HttpStatus.NOT_IMPLEMENTED, "request.not-implemented",
                    "The request's Transfer-Encoding is not supported: send the body with a Content-Length or "
                            + "chunked.", path);
        }
        if (status == 505) {
            return Problems.problem(HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "request.http-version-not-supported",
                    "Only HTTP/1.0 and HTTP/1.1 (and HTTP/2 where enabled) are supported.", path);
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (status >= 500) {
            return Problems.problem(known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR, Problems.codeFor(status),
                    "An unexpected error occurred. Quote correlation id " + correlationId + " when reporting it.", path);
        }
        return Problems.problem(known != null ? known : HttpStatus.BAD_REQUEST, Problems.codeFor(status),
                (known != null ? known.getReasonPhrase() : "The request failed") + ".", path);
    }

    private static boolean startsWithTemplate(String text, String template) {
        if (text == null || template == null) {
            return false;
        }
        int placeholder = template.indexOf('\u0000');
        String prefix = placeholder < 0 ? template : template.substring(0, placeholder);
        return !prefix.isEmpty() && text.startsWith(prefix);
    }
}
