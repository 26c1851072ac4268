package org.pledge.testsupport.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer of a service's API: status, headers by lower-case name, and the body as text. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    /** The body as JSON; an assertion error when it is not JSON. */
    public JsonNode json() {
        try {
            return ServiceApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** A header's value (several values joined with commas), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Asserts that this is an RFC 9457 problem of {@code status} with the stable {@code code} (null: any code) and
     * returns it; see {@link Problems#assertProblem(ApiResponse, int, String)}.
     */
    public JsonNode assertProblem(int status, String code) {
        return Problems.assertProblem(this, status, code);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
