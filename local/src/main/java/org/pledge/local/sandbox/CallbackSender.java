package org.pledge.local.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a sandbox's callbacks as a provider does: a JSON body signed with HMAC-SHA256 over the timestamp and the body
 * ({@link Hmac#TIMESTAMP_HEADER}, {@link Hmac#HEADER}; each attempt signed afresh), and retried with a growing pause after
 * a failure.
 */
final class CallbackSender {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String secret;

    CallbackSender(String secret) {
        this.secret = secret;
    }

    /** POSTs {@code body} to {@code url}; the answer's status, or -1 when there was no answer or the URL is bad. */
    int send(String url, byte[] body) throws InterruptedException {
        try {
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header(Hmac.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(Hmac.HEADER, Hmac.sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** The pause before the next attempt after {@code attempts} failed ones: 1, 2, 4 ... seconds, at most 30. */
    static long backoffMillis(int attempts) {
        return Math.min(30_000L, 1000L << (attempts - 1));
    }
}
