package org.pledge.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall ({@code StrictHttpFirewall}) rejected the request: a 400 problem (405 or 501 for a
 * method it does not let through) written at once, without an error dispatch (which the firewall would reject
 * again).
 */
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ProblemResponseWriter writer;

    public ProblemRequestRejectedHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        CorrelationId.ensure(request, response);
        writer.write(response, RejectedRequests.firewallProblem(request, rejected.getMessage()));
    }
}
