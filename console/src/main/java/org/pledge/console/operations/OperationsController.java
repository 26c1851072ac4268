package org.pledge.console.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.operations.OperationsViews.NotificationPage;
import org.pledge.console.operations.OperationsViews.OutboundLetter;
import org.pledge.console.operations.OperationsViews.OutboundReplayResult;
import org.pledge.console.operations.OperationsViews.ParkedMessage;
import org.pledge.console.operations.OperationsViews.ReplayResult;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /operations/**} (operations, admin): per service, the records its consumers parked on each topic's
 * dead-letter topic (list, inspect one, replay after a confirmation) and the integration events its publisher parked
 * (list, replay), and notification-service's abandoned notifications. Replays post with the form's Idempotency-Key and
 * end in a redirect with what the service did. A service that cannot answer shows a note; the rest still shows.
 */
@Controller
public class OperationsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern SEQUENCE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final int NOTIFICATIONS_PER_PAGE = 20;

    private final ServiceApis apis;
    private final ServiceParts parts;
    private final MessageSource messages;

    public OperationsController(ServiceApis apis, ServiceParts parts, MessageSource messages) {
        this.apis = apis;
        this.parts = parts;
        this.messages = messages;
    }

    /** A topic of a service and what is parked on its dead-letter topic. */
    public record TopicRow(String topic, ServicePart<List<ParkedMessage>> parked) {
    }

    /** A service's dead letters: per topic it consumes, and its publisher's. */
    public record ServiceRow(Service service, List<TopicRow> topics, ServicePart<List<OutboundLetter>> outbound) {
    }

    @GetMapping("/operations")
    String overview(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        int notificationsPage = Math.max(0, Math.min(page, 100_000));
        List<ServiceRow> rows = new ArrayList<>();
        for (Service service : Service.values()) {
            List<TopicRow> topics = DeadLetterTopics.BY_SERVICE.get(service).stream()
                    .map(topic -> new TopicRow(topic, parked(service, topic))).toList();
            rows.add(new ServiceRow(service, topics, outbound(service, null)));
        }
        ServicePart<NotificationPage> abandoned = parts.ask(Service.NOTIFICATION, () -> apis.client(Service.NOTIFICATION)
                .get().uri(uri -> uri.path("/api/notifications").queryParam("status", "ABANDONED")
                        .queryParam("page", notificationsPage).queryParam("size", NOTIFICATIONS_PER_PAGE).build())
                .retrieve().body(NotificationPage.class));
        model.addAttribute("services", rows);
        model.addAttribute("abandoned", abandoned);
        return "operations/operations";
    }

    @GetMapping("/operations/{service}/dead-letters/{topic}")
    String topic(@PathVariable("service") String serviceId, @PathVariable("topic") String topic, Model model) {
        Service service = consuming(serviceId, topic);
        model.addAttribute("service", service);
        model.addAttribute("topic", topic);
        model.addAttribute("parked", parked(service, topic));
        return "operations/topic";
    }

    @GetMapping("/operations/{service}/dead-letters/{topic}/{partition}/{offset}")
    String message(@PathVariable("service") String serviceId, @PathVariable("topic") String topic,
                   @PathVariable("partition") int partition, @PathVariable("offset") long offset, Model model,
                   HttpServletResponse response) {
        Service service = consuming(serviceId, topic);
        List<ParkedMessage> parked = apis.client(service).get().uri("/ops/dead-letters/{topic}", topic).retrieve()
                .body(new ParameterizedTypeReference<List<ParkedMessage>>() {
                });
        ParkedMessage message = parked == null ? null : parked.stream()
                .filter(m -> m.partition() == partition && m.offset() == offset).findFirst().orElse(null);
        model.addAttribute("service", service);
        model.addAttribute("topic", topic);
        model.addAttribute("message", message);
        if (message == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "operations/message";
    }

    @GetMapping("/operations/{service}/dead-letters/{topic}/replay")
    String confirmReplay(@PathVariable("service") String serviceId, @PathVariable("topic") String topic, Model model) {
        Service service = consuming(serviceId, topic);
        model.addAttribute("service", service);
        model.addAttribute("topic", topic);
        model.addAttribute("parked", parked(service, topic));
        model.addAttribute("idempotencyKey", ServiceApis.newIdempotencyKey());
        return "operations/replay-topic";
    }

    @PostMapping("/operations/{service}/dead-letters/{topic}/replay")
    RedirectView replay(@PathVariable("service") String serviceId, @PathVariable("topic") String topic,
                  @RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
                  RedirectAttributes redirect) {
        Service service = consuming(serviceId, topic);
        String key = checkedKey(idempotencyKey);
        ReplayResult result = apis.client(service).post().uri("/ops/dead-letters/{topic}/replay", topic)
                .header(IDEMPOTENCY_KEY, key).retrieve().body(ReplayResult.class);
        redirect.addFlashAttribute("banner", words("ops.replay.done",
                result == null ? 0 : result.replayed(), result == null ? 0 : result.failed()));
        return seeOther("/operations/" + service.id() + "/dead-letters/" + topic);
    }

    @GetMapping("/operations/{service}/outbound")
    String outboundList(@PathVariable("service") String serviceId, Model model) {
        Service service = service(serviceId);
        model.addAttribute("service", service);
        model.addAttribute("outbound", outbound(service, null));
        return "operations/outbound";
    }

    @GetMapping("/operations/{service}/outbound/replay")
    String confirmOutboundReplay(@PathVariable("service") String serviceId,
                                 @RequestParam(name = "key", required = false) String sequenceKey, Model model) {
        Service service = service(serviceId);
        String key = checkedSequenceKey(sequenceKey);
        model.addAttribute("service", service);
        model.addAttribute("sequenceKey", key);
        model.addAttribute("outbound", outbound(service, key));
        model.addAttribute("idempotencyKey", ServiceApis.newIdempotencyKey());
        return "operations/replay-outbound";
    }

    @PostMapping("/operations/{service}/outbound/replay")
    RedirectView replayOutbound(@PathVariable("service") String serviceId,
                          @RequestParam(name = "key", required = false) String sequenceKey,
                          @RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
                          RedirectAttributes redirect) {
        Service service = service(serviceId);
        String key = checkedSequenceKey(sequenceKey);
        String idempotency = checkedKey(idempotencyKey);
        OutboundReplayResult result = apis.client(service).post()
                .uri(uri -> (key == null ? uri.path("/ops/dead-letters/outbound/replay")
                        : uri.path("/ops/dead-letters/outbound/replay").queryParam("key", key)).build())
                .header(IDEMPOTENCY_KEY, idempotency).retrieve().body(OutboundReplayResult.class);
        redirect.addFlashAttribute("banner", words("ops.outbound.replay.done",
                result == null ? 0 : result.replayed(), result == null ? 0 : result.failed(),
                result == null ? 0 : result.stillParked()));
        return seeOther("/operations/" + service.id() + "/outbound");
    }

    /** Post/redirect/get: 303, so that a reload shows the page again and does not post again. */
    private static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    private ServicePart<List<ParkedMessage>> parked(Service service, String topic) {
        return parts.ask(service, () -> apis.client(service).get().uri("/ops/dead-letters/{topic}", topic).retrieve()
                .body(new ParameterizedTypeReference<List<ParkedMessage>>() {
                }));
    }

    private ServicePart<List<OutboundLetter>> outbound(Service service, String sequenceKey) {
        return parts.ask(service, () -> apis.client(service).get()
                .uri(uri -> (sequenceKey == null ? uri.path("/ops/dead-letters/outbound")
                        : uri.path("/ops/dead-letters/outbound").queryParam("key", sequenceKey)).build())
                .retrieve().body(new ParameterizedTypeReference<List<OutboundLetter>>() {
                }));
    }

    static Service service(String id) {
        return Arrays.stream(Service.values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Service consuming(String serviceId, String topic) {
        Service service = service(serviceId);
        if (!DeadLetterTopics.consumes(service, topic)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return service;
    }

    /** The form's key, made when it was rendered: a form without one (or with garbage) is not a form of ours. */
    private static String checkedKey(String idempotencyKey) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return idempotencyKey;
    }

    private static String checkedSequenceKey(String sequenceKey) {
        if (sequenceKey == null || sequenceKey.isEmpty()) {
            return null;
        }
        if (!SEQUENCE_KEY.matcher(sequenceKey).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return sequenceKey;
    }

    private String words(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
