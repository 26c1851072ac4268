package org.pledge.console.services;

import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.console.config.ConsoleProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The services' APIs, called with the signed-in person's own access token (token relay: no service trusts the console
 * more than the person using it). {@link #client(Service)} gives a {@link RestClient} whose requests carry
 * {@code Authorization: Bearer <the person's access token>} (refreshed when it has expired) and whose error answers
 * become a {@link ServiceProblemException}. Call it on the request's thread: the person is the one in the security
 * context. Writes send an {@code Idempotency-Key}: the one the page's form carried ({@link #newIdempotencyKey()} when it
 * was rendered), so that a retried or double-clicked form does the thing once.
 */
@Component
public class ServiceApis {

    /** The registration id of the console at the issuer ({@code spring.security.oauth2.client.registration.pledge}). */
    public static final String REGISTRATION = "pledge";

    /** The code of the problem a service that does not answer gives ({@code problem.service.unavailable} in words). */
    public static final String UNAVAILABLE = "service.unavailable";

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);
    private final ObjectMapper json;

    public ServiceApis(ConsoleProperties properties, OAuth2AuthorizedClientManager authorizedClients,
                       RestClient.Builder builder, ObjectMapper json) {
        this.json = json;
        OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        relay.setClientRegistrationIdResolver(request -> REGISTRATION);
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(2_000);
        requests.setReadTimeout(10_000);
        ConsoleProperties.Services services = properties.services();
        Map<Service, URI> bases = Map.of(Service.CASE, services.caseService(), Service.FEEDBACK, services.feedbackService(),
                Service.NOTIFICATION, services.notificationService(), Service.GUARANTEE, services.guaranteeService());
        for (Service service : Service.values()) {
            clients.put(service, builder.clone()
                    .baseUrl(bases.get(service).toString())
                    .requestFactory(requests)
                    .requestInterceptor(unavailable(service))
                    .requestInterceptor(relay)
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                        throw ServiceProblemException.from(json, service, response);
                    })
                    .build());
        }
    }

    /** The API of {@code service}, called as the signed-in person. */
    public RestClient client(Service service) {
        return clients.get(service);
    }

    /** A fresh key for a form that writes: rendered into the form, sent back with it, relayed as {@code Idempotency-Key}. */
    public static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * A service that does not answer (refused, reset, timed out) becomes a {@link ServiceProblemException} with status
     * 503 and code {@value #UNAVAILABLE}: the person sees a page in plain words, not a 500.
     */
    private static ClientHttpRequestInterceptor unavailable(Service service) {
        return (request, body, execution) -> {
            try {
                return execution.execute(request, body);
            } catch (IOException down) {
                throw new ServiceProblemException(service, 503, UNAVAILABLE, null, null);
            }
        };
    }

}
