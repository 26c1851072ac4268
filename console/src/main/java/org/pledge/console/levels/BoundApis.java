package org.pledge.console.levels;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.console.config.ConsoleProperties;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The services' APIs called with one person's access token bound when a live stream opened: off the request thread
 * there is no security context nor session to get the token from ({@code services.ServiceApis} needs both). Error
 * answers become a {@link ServiceProblemException}, as with {@code ServiceApis}. Short timeouts: a poller thread waits
 * at most {@value #CONNECT_MILLIS} + {@value #READ_MILLIS} ms for an answer.
 */
public final class BoundApis {

    static final int CONNECT_MILLIS = 2_000;
    static final int READ_MILLIS = 5_000;

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);

    BoundApis(ConsoleProperties properties, RestClient.Builder builder, ObjectMapper json, String accessToken) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(CONNECT_MILLIS);
        requests.setReadTimeout(READ_MILLIS);
        ConsoleProperties.Services services = properties.services();
        Map<Service, URI> bases = Map.of(Service.CASE, services.caseService(), Service.FEEDBACK, services.feedbackService(),
                Service.NOTIFICATION, services.notificationService(), Service.GUARANTEE, services.guaranteeService());
        for (Service service : Service.values()) {
            clients.put(service, builder.clone()
                    .baseUrl(bases.get(service).toString())
                    .requestFactory(requests)
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                        throw ServiceProblemException.from(json, service, response);
                    })
                    .build());
        }
    }

    public RestClient client(Service service) {
        return clients.get(service);
    }

}
