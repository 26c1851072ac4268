package org.pledge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class RejectedRequestsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/cases/a%2Fb/assignment    | encoded slash",
            "/api/cases/a%2fb               | encoded slash",
            "/api/cases/..%2F..%2Fadmin     | encoded slash",
            "/api/cases/%00                 | control character",
            "/api/cases/a%1Fb               | control character",
            "/api/cases/%ZZ                 | percent-encoding",
            "/api/cases/abc%                | percent-encoding",
            "/api/cases/abc%4               | percent-encoding",
            "/api/cases/%C3%28              | not UTF-8",
            "/api/cases/%5C                 | backslash",
            "/api/cases/a\\b                | backslash",
            "/api/cases/%252F               | encoded percent",
            "/api/cases/x;jsessionid=1      | semicolon",
            "/api/cases/x%3Bx               | semicolon",
            "/api/cases/%2E%2E/x            | encoded dot",
            "/api//cases                    | empty segment",
            "/api/cases/../ops              | dot segment",
            "/api/cases/./x                 | dot segment",
            "/api/cases/..                  | dot segment"})
    void refusedPaths_sayWhatIsWrong(String path, String fault) {
        assertThat(RejectedRequests.pathFault(path)).hasValueSatisfying(f -> assertThat(f).contains(fault));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cases", "/api/cases/C-2026-000123/history", "/api/cases/caf%C3%A9",
            "/api/cases/a%20b", "/api/cases/..x/x..", "/api/cases/.hidden", "/"})
    void ordinaryPaths_areFine(String path) {
        assertThat(RejectedRequests.pathFault(path)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"TRACE, 405, request.method-not-allowed", "CONNECT, 405, request.method-not-allowed",
            "FOO, 501, request.not-implemented", "PROPFIND, 501, request.not-implemented"})
    void firewall_refusesTheMethod_withItsStatusAndCode(String method, int status, String code) {
        var problem = RejectedRequests.firewallProblem(new MockHttpServletRequest(method, "/api/cases"), "rejected");
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getProperties()).containsEntry("code", code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The request was rejected because the header value \"x\" is not allowed. | request.invalid-header",
            "The request was rejected because the parameter name \"x\" is not allowed. | request.invalid-parameter",
            "The request was rejected because the URL was not normalized. | request.invalid-path"})
    void otherFirewallRejections_areNamedWithoutRepeatingTheValue(String message, String code) {
        var problem = RejectedRequests.firewallProblem(new MockHttpServletRequest("GET", "/api/cases"), message);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", code);
        assertThat(problem.getDetail()).doesNotContain("\"x\"");
    }
}
