package org.pledge.platform.it;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tiny service on the platform: one aggregate, one mapper, one consumer, a few endpoints. */
@SpringBootApplication
public class TestApp {

    public static final String OUT_TOPIC = "pledge.test.v1";
    public static final String IN_TOPIC = "pledge.test.inbound.v1";
    /** A topic whose configuration the publishing tests change (e.g. {@code min.insync.replicas}) to make the broker refuse records. */
    public static final String NARROW_TOPIC = "pledge.test.narrow.v1";
    public static final String PUBLISHER_GROUP = "integration-publisher";
    public static final String DLQ_GROUP = "dlq-probe";

    public record OpenTestCase(@TargetAggregateIdentifier String caseId, String title) {
    }

    public record TestCaseOpened(String caseId, String title) {
    }

    public record RenameTestCase(@TargetAggregateIdentifier String caseId, String title) {
    }

    public record TestCaseRenamed(String caseId, String title) {
    }

    /** Many events from one command: they reach the publisher together, as one batch. */
    public record AddTestNotes(@TargetAggregateIdentifier String caseId, int count) {
    }

    public record TestNoteAdded(String caseId, int number) {
    }

    public record TestNoteAddedV1(String caseId, int number) {
    }

    public static class SameTitle extends org.pledge.platform.web.PledgeException {
        public SameTitle() {
            super("test-case.same-title", org.springframework.http.HttpStatus.CONFLICT, "The case already has this title.");
        }
    }

    /** The contract record: no Axon types. */
    public record TestCaseOpenedV1(String caseId, String title) {
    }

    @Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger")
    public static class TestCase {
        @AggregateIdentifier
        private String caseId;
        private String title;

        protected TestCase() {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.ALWAYS)
        public void handle(OpenTestCase command) {
            apply(new TestCaseOpened(command.caseId(), command.title()));
        }

        @CommandHandler
        public void handle(RenameTestCase command) {
            if (command.title().equals(title)) {
                throw new SameTitle();
            }
            apply(new TestCaseRenamed(caseId, command.title()));
        }

        @CommandHandler
        public void handle(AddTestNotes command) {
            for (int i = 1; i <= command.count(); i++) {
                apply(new TestNoteAdded(caseId, i));
            }
        }

        @EventSourcingHandler
        public void on(TestCaseOpened event) {
            this.caseId = event.caseId();
            this.title = event.title();
        }

        @EventSourcingHandler
        public void on(TestCaseRenamed event) {
            this.title = event.title();
        }
    }

    /** What the test consumer saw, and a switch to make it fail. */
    public static class InboundProbe {
        public final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        public final AtomicBoolean failing = new AtomicBoolean();
        public final AtomicInteger attempts = new AtomicInteger();
        public final Map<String, org.pledge.platform.messaging.consume.InboundCloudEvent> events = new ConcurrentHashMap<>();

        public int count(String id) {
            AtomicInteger n = handled.get(id);
            return n == null ? 0 : n.get();
        }
    }

    @Bean
    InboundProbe inboundProbe() {
        return new InboundProbe();
    }

    /**
     * Makes the mapper fail a number of times for "flaky" cases, as a broker outage would make the send fail (a
     * transient failure), and always for "unmappable" cases while {@link #unmappable} is on (a permanent one).
     */
    public static class PublisherProbe {
        public final AtomicInteger failuresToInject = new AtomicInteger();
        public final AtomicBoolean unmappable = new AtomicBoolean();
        /** How often an "unmappable" case's opening was mapped (and failed). */
        public final AtomicInteger unmappableFailed = new AtomicInteger();
        public final AtomicInteger failuresInjected = new AtomicInteger();
        public final AtomicInteger oversizedToInject = new AtomicInteger();
        public final AtomicInteger oversizedInjected = new AtomicInteger();
        /** How often a "narrow" event was mapped: more than once means its batch was retried. */
        public final AtomicInteger narrowMapped = new AtomicInteger();
    }

    @Bean
    PublisherProbe publisherProbe() {
        return new PublisherProbe();
    }

    @Bean
    IntegrationEventMapper testCaseMapper(PublisherProbe probe) {
        return event -> {
            if (event.getPayload() instanceof TestNoteAdded note) {
                return Optional.of(OutboundIntegrationEvent.of(OUT_TOPIC, "pledge.test.note-added.v1", note.caseId(),
                        new TestNoteAddedV1(note.caseId(), note.number())));
            }
            if (!(event.getPayload() instanceof TestCaseOpened opened)) {
                return Optional.empty();
            }
            if (opened.title().contains("flaky") && probe.failuresToInject.getAndDecrement() > 0) {
                probe.failuresInjected.incrementAndGet();
                throw new org.apache.kafka.common.errors.TimeoutException("broker unavailable (simulated)");
            }
            if (opened.title().contains("unmappable") && probe.unmappable.get()) {
                probe.unmappableFailed.incrementAndGet();
                throw new IllegalStateException("no contract for test case " + opened.caseId());
            }
            String title = opened.title();
            if (title.contains("oversized") && probe.oversizedToInject.getAndDecrement() > 0) {
                // bigger than the producer's max.request.size: the broker send itself fails
                probe.oversizedInjected.incrementAndGet();
                title = "x".repeat(2 * 1024 * 1024);
            }
            // "loopback" cases go to the topic this same service consumes: a Spring-to-Spring round trip
            String topic = title.contains("loopback") ? IN_TOPIC : OUT_TOPIC;
            if (title.startsWith("narrow")) {
                probe.narrowMapped.incrementAndGet();
                topic = NARROW_TOPIC;
            }
            return Optional.of(OutboundIntegrationEvent.of(topic, "pledge.test.opened.v1", opened.caseId(),
                    new TestCaseOpenedV1(opened.caseId(), title)));
        };
    }

    @Bean
    Consumer<Message<byte[]>> testEvents(CloudEventConsumers consumers, InboundProbe probe) {
        return consumers.deduplicating("testEvents", event -> {
            probe.attempts.incrementAndGet();
            if (probe.failing.get() && event.type().endsWith(".failing.v1")) {
                throw new IllegalStateException("downstream not ready");
            }
            probe.handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            probe.events.put(event.id(), event);
        });
    }

    /** A read-model-like handler that opted into Axon's Mongo dead-letter queue; "poison" events fail. */
    @org.springframework.stereotype.Component
    @org.axonframework.config.ProcessingGroup(DLQ_GROUP)
    public static class PoisonSensitiveProjection {
        @org.axonframework.eventhandling.EventHandler
        public void on(TestCaseOpened event) {
            if (event.title().contains("poison")) {
                throw new IllegalStateException("cannot project " + event.caseId());
            }
        }
    }

    @Bean
    PledgeHttpSecurityCustomizer testRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/test/cases/**").hasRole("caseworker")
                .requestMatchers("/test/things", "/test/things/**", "/test/problem").hasRole("caseworker")
                .requestMatchers("/test/ping").hasAnyRole("channel", "caseworker");
    }

    @RestController
    static class TestController {
        private final CommandGateway commands;

        TestController(CommandGateway commands) {
            this.commands = commands;
        }

        @PostMapping("/test/cases/{id}")
        Map<String, String> open(@PathVariable String id, @RequestBody(required = false) String body) {
            commands.sendAndWait(new OpenTestCase(id, "title of " + id));
            return Map.of("caseId", id);
        }

        @GetMapping("/test/ping")
        Map<String, String> ping() {
            return Map.of("pong", "yes");
        }

        /** Like a transition without a body: never reads the request body. */
        @PostMapping("/test/cases/{id}/touch")
        ResponseEntity<Void> touch(@PathVariable @Size(max = 16) String id,
                                   @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 16) String key) {
            return ResponseEntity.noContent().build();
        }

        @PostMapping("/test/things")
        ResponseEntity<Map<String, Object>> createThing(
                @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 16) String key,
                @Valid @RequestBody ThingRequest body) {
            return ResponseEntity.status(201).body(Map.of("title", body.title(), "lines", body.lines().size()));
        }

        @GetMapping("/test/things")
        List<Map<String, Object>> listThings(@RequestParam("page-size") @Min(1) @Max(50) int size,
                                             @RequestParam Colour colour) {
            return List.of();
        }

        /** A controller's own problem, made without the platform's helpers. */
        @GetMapping("/test/problem")
        ResponseEntity<ProblemDetail> problem() {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Made by hand."));
        }
    }

    public enum Colour { RED, GREEN }

    public record Address(@NotBlank @Size(max = 10) String postcode,
                          @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String language) {
    }

    public record Line(@NotBlank String name, @Min(1) int quantity) {
    }

    public record ThingRequest(@NotBlank String title, Colour colour, @Valid @NotNull Address address,
                               @NotNull @Size(max = 3) List<@Valid Line> lines, BigDecimal amount, Integer count) {
    }
}
