package org.pledge.platform.messaging.consume;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pledge.platform.messaging.publish.PublisherDeadLetter;
import org.pledge.platform.messaging.publish.PublisherDeadLetterReplay;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.PledgeException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for parked messages (roles {@code operations} or {@code admin}, enforced by the platform's
 * security filter chain on {@code /ops/**}): what this service's consumers parked on {@code <topic>.dlq}, and what its
 * integration-event publisher parked ({@code outbound}: the literal path wins over the {@code {topic}} pattern; no
 * topic is called {@code outbound}).
 */
@RestController
@RequestMapping("/ops/dead-letters")
@Tag(name = "Dead letters", description = "Messages this service could not handle, parked on <topic>.dlq: list and replay them")
public class DeadLetterController {

    /** Longer than any aggregate id or event id Pledge makes. */
    static final int MAX_KEY_LENGTH = 200;

    private final DeadLetterReplayService service;
    private final ObjectProvider<PublisherDeadLetterReplay> outbound;

    public DeadLetterController(DeadLetterReplayService service, ObjectProvider<PublisherDeadLetterReplay> outbound) {
        this.service = service;
        this.outbound = outbound;
    }

    @GetMapping("/{topic}")
    @Operation(operationId = "listDeadLetters", summary = "List the messages parked on a topic's dead-letter topic",
            description = "From this service's replay position on `<topic>.dlq`. A topic this service does not consume is 404 "
                    + "`dead-letters.unknown-topic`.")
    public List<DeadLetterReplayService.ParkedMessage> list(
            @Parameter(description = "The topic (not its `.dlq`), e.g. pledge.case.v1") @PathVariable String topic) {
        return service.list(topic);
    }

    @PostMapping("/{topic}/replay")
    @Operation(operationId = "replayDeadLetters", summary = "Replay every message parked on a topic's dead-letter topic",
            description = "Re-drives each parked record through this service's consumer(s) of the topic, committing after each; "
                    + "one that fails again is parked again. A topic this service does not consume is 404 "
                    + "`dead-letters.unknown-topic`.")
    public DeadLetterReplayService.ReplayResult replay(
            @Parameter(description = "The topic (not its `.dlq`), e.g. pledge.case.v1") @PathVariable String topic) {
        return service.replay(topic);
    }

    @GetMapping("/outbound")
    @Operation(operationId = "listOutboundDeadLetters", summary = "Integration events the publisher parked, oldest first",
            description = "State FAILED: mapping or sending it failed for a permanent reason, max-attempts times. "
                    + "State WAITING: it waits behind an earlier parked event of the same sequence key (aggregate). "
                    + "At most pledge.messaging.dead-letters.max-records. Empty for a service that publishes nothing.")
    public List<PublisherDeadLetter> listOutbound(
            @Parameter(description = "only the letters of this sequence key (aggregate id)")
            @RequestParam(name = "key", required = false) String key) {
        String sequenceKey = checked(key); // checked whether or not this service publishes
        PublisherDeadLetterReplay replay = outbound.getIfAvailable();
        return replay == null ? List.of() : replay.list(sequenceKey);
    }

    @PostMapping("/outbound/replay")
    @Operation(operationId = "replayOutboundDeadLetters", summary = "Publish parked integration events again",
            description = "In event order, per key in sequence order; an acknowledged event's letter is deleted, a "
                    + "failing one stays (new reason, one attempt more) with the rest of its key. Idempotent: the "
                    + "same ce_id as before. A key with nothing parked answers zeros.")
    public PublisherDeadLetterReplay.ReplayResult replayOutbound(
            @Parameter(description = "only the letters of this sequence key (aggregate id)")
            @RequestParam(name = "key", required = false) String key) {
        String sequenceKey = checked(key); // checked whether or not this service publishes
        PublisherDeadLetterReplay replay = outbound.getIfAvailable();
        return replay == null ? new PublisherDeadLetterReplay.ReplayResult(0, 0, 0) : replay.replay(sequenceKey);
    }

    private static String checked(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || !key.equals(key.strip()) || !TextRules.isSingleLine(key, MAX_KEY_LENGTH)) {
            throw new InvalidSequenceKeyException();
        }
        return key;
    }

    /** {@code ?key=} is blank, too long, has blanks around it or control or bidi characters in it. */
    public static class InvalidSequenceKeyException extends PledgeException {
        public InvalidSequenceKeyException() {
            super("dead-letters.invalid-key", HttpStatus.BAD_REQUEST,
                    "The key must be a sequence key (an aggregate id or event id) of 1 to " + MAX_KEY_LENGTH
                            + " characters without control characters.");
        }
    }
}
