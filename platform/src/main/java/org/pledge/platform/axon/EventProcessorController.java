package org.pledge.platform.axon;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for this service's event processors (roles {@code operations} or {@code admin}, enforced by the
 * platform's security filter chain on {@code /ops/**}): where each stands, and a replay from the start.
 */
@RestController
@RequestMapping("/ops/processors")
@Tag(name = "Event processors", description = "This service's event processors: where each stands, and replaying one from the start")
public class EventProcessorController {

    private final EventProcessorOperations operations;

    public EventProcessorController(EventProcessorOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    @Operation(operationId = "listEventProcessors", summary = "List this service's event processors and where each stands",
            description = "Per processor: running, in error, whether it supports replays, replaying, caught up with the event store, "
                    + "the number of segments in the token store and the segments this instance has claimed (position = the "
                    + "global sequence number of the last event handled).")
    public List<EventProcessorOperations.ProcessorStatus> list() {
        return operations.list();
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "replayEventProcessor", summary = "Replay an event processor from the start of the event store",
            description = "Stops the processor on this instance, resets its tokens (its reset handlers empty what it rebuilds) and "
                    + "starts it again; answers at once with its status, and GET /ops/processors shows the replay's progress. "
                    + "An unknown processor is 404 `processors.unknown`; one that refuses replays (the integration publisher) "
                    + "is 409 `processors.replay-refused`; one with a segment held by another instance is 409 "
                    + "`processors.claimed-elsewhere` (stop it there first). Repeating it starts the replay over; the "
                    + "read model ends the same.")
    @ApiResponse(responseCode = "202", description = "The processor runs again, replaying")
    @ApiResponse(responseCode = "409", description = "The processor refuses replays, or another instance holds a segment of it")
    public EventProcessorOperations.ProcessorStatus replay(
            @Parameter(description = "The processor (processing group), e.g. notifications") @PathVariable String name) {
        return operations.replay(name);
    }
}
