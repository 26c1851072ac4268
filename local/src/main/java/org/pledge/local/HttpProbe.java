package org.pledge.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import org.pledge.local.LocalStack.StartFailure;

/** Asks the parts of the local stack over HTTP whether they are up (health endpoints, the issuer's JWKS). */
final class HttpProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Whether {@code healthUrl} answers 200 with an {@code "UP"} status. */
    boolean isUp(String healthUrl) {
        String body = probe(healthUrl);
        return body != null && body.contains("\"UP\"");
    }

    /** Waits until {@code url} answers 200 with a body {@code healthy} accepts; a start failure after {@code timeout}. */
    void await(String url, Duration timeout, Predicate<String> healthy) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            String answer = probe(url);
            if (answer != null && healthy.test(answer)) {
                return;
            }
            last = answer == null ? "no answer" : answer;
            Thread.sleep(250);
        }
        throw new StartFailure(url + " is not healthy after " + timeout.toSeconds() + " s (last answer: " + last + ")");
    }

    /** The body of a 200 answer, else null. */
    private String probe(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
