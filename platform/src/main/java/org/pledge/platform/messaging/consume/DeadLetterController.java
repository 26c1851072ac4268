package org.pledge.platform.messaging.consume;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoint for parked messages (roles {@code operations} or {@code admin}, enforced by the platform's
 * security filter chain on {@code /ops/**}).
 */
@RestController
@RequestMapping("/ops/dead-letters")
@Tag(name = "Dead letters", description = "Messages this service could not handle, parked on <topic>.dlq: list and replay them")
public class DeadLetterController {

    private final DeadLetterReplayService service;

    public DeadLetterController(DeadLetterReplayService service) {
        this.service = service;
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
}
