package org.pledge.platform.messaging.consume;

import java.util.List;

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
public class DeadLetterController {

    private final DeadLetterReplayService service;

    public DeadLetterController(DeadLetterReplayService service) {
        this.service = service;
    }

    @GetMapping("/{topic}")
    public List<DeadLetterReplayService.ParkedMessage> list(@PathVariable String topic) {
        return service.list(topic);
    }

    @PostMapping("/{topic}/replay")
    public DeadLetterReplayService.ReplayResult replay(@PathVariable String topic) {
        return service.replay(topic);
    }
}
