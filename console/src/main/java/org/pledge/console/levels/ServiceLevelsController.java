package org.pledge.console.levels;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /service-levels} (operations, auditor): case-service's service levels per service type and channel, filtered
 * by service type and channel, from {@code GET /api/service-levels} with the person's token. {@code /service-levels/live}
 * is the page's server-sent-event stream (htmx's {@code sse} extension): the figures again whenever they change.
 * Without JavaScript the page is a normal page with a refresh link.
 */
@Controller
@RequestMapping("/service-levels")
class ServiceLevelsController {

    /** Service type codes and channel names: letters, digits, '-', '_' and '.', at most 64 (as case-service's). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final String EVENT = "levels";

    private final ServiceApis apis;
    private final ServiceLevelsPage page;
    private final LiveStreams streams;

    ServiceLevelsController(ServiceApis apis, ServiceLevelsPage page, LiveStreams streams) {
        this.apis = apis;
        this.page = page;
        this.streams = streams;
    }

    @GetMapping
    String levels(@RequestParam(required = false) String serviceType, @RequestParam(required = false) String channel,
                  Model model, Locale locale) {
        checkFilter(serviceType);
        checkFilter(channel);
        ServiceLevelsReport report = apis.client(Service.CASE).get().uri("/api/service-levels").retrieve()
                .body(ServiceLevelsReport.class);
        Map<String, Object> figures = page.model(report, serviceType, channel, locale);
        model.addAllAttributes(figures);
        model.addAttribute("pageUri", filtered("/service-levels", serviceType, channel).encode().build().toUriString());
        model.addAttribute("liveUri", filtered("/service-levels/live", serviceType, channel)
                .queryParam("seen", figures.get("fingerprint")).encode().build().toUriString());
        return "levels/service-levels";
    }

    /**
     * The live figures: an event {@value #EVENT} with the fragment whenever the figures differ from {@code seen} (the
     * ones the page showed) or from the last sent; {@value #EVENT}{@code -ended} when the stream ends for good. 429
     * when the session has its streams already. Each event's id is the digest of its figures: an EventSource that
     * reconnects sends it back as {@code Last-Event-ID}, and only newer figures are sent.
     */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam(required = false) String serviceType, @RequestParam(required = false) String channel,
                    @RequestParam(required = false) String seen,
                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                    @RegisteredOAuth2AuthorizedClient(ServiceApis.REGISTRATION) OAuth2AuthorizedClient client,
                    HttpServletRequest request, HttpServletResponse response, Locale locale) {
        checkFilter(serviceType);
        checkFilter(channel);
        String pageUri = filtered(request.getContextPath() + "/service-levels", serviceType, channel).encode().build().toUriString();
        LiveFeed feed = new LiveFeed() {
            @Override
            public Snapshot poll(BoundApis bound) {
                ServiceLevelsReport report = bound.client(Service.CASE).get().uri("/api/service-levels").retrieve()
                        .body(ServiceLevelsReport.class);
                Map<String, Object> model = page.model(report, serviceType, channel, locale);
                return new Snapshot((String) model.get("fingerprint"), page.figures(model, locale));
            }

            @Override
            public String ended(String reason, String lastHtml) {
                return page.ended(reason, lastHtml, pageUri, locale);
            }
        };
        // an EventSource reconnecting says which figures it got last (each event's id is their digest)
        String shown = lastEventId != null && !lastEventId.isBlank() ? lastEventId : seen;
        SseEmitter emitter = streams.open(request.getSession().getId(), client.getAccessToken(),
                shown == null ? "" : shown, EVENT, feed);
        if (emitter == null) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        return emitter;
    }

    /** {@code path} with the filters that are set. */
    private static UriComponentsBuilder filtered(String path, String serviceType, String channel) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("serviceType", Optional.ofNullable(blankToNull(serviceType)))
                .queryParamIfPresent("channel", Optional.ofNullable(blankToNull(channel)));
    }

    private static void checkFilter(String value) {
        if (value != null && !value.isBlank() && !CODE.matcher(value.trim()).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a service type or channel code");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
