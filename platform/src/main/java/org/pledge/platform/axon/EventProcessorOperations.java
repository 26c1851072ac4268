package org.pledge.platform.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.web.PledgeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * What operators do with this service's streaming event processors: see where each stands, and replay one from the
 * start of the event store (its tokens reset to the tail, its {@code @ResetHandler}s run, so its read model is rebuilt).
 *
 * <p>A replay stops the processor on this instance, resets its tokens and starts it again; it answers at once, and
 * {@link #list()} shows the replay's progress ({@code replaying}, then {@code caughtUp}). A processor whose handlers
 * refuse replays ({@code supportsReset()} false: the integration publisher, which would publish every event again) is
 * refused. Tokens can be reset only when no other instance holds a segment of the processor (Axon claims every
 * segment's token for the reset): with several instances running, the reset is refused until the processor is
 * stopped on the others. Replaying is not idempotent in its cost (a repeat starts over) but is in its result: the
 * read model ends the same.
 */
public class EventProcessorOperations {

    private static final Logger log = LoggerFactory.getLogger(EventProcessorOperations.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final Duration shutdownTimeout;

    public EventProcessorOperations(EventProcessingConfiguration processing, TokenStore tokenStore, Duration shutdownTimeout) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** One streaming processor as this instance sees it. */
    @Schema(name = "EventProcessor", description = "An event processor as this instance sees it")
    public record ProcessorStatus(
            @Schema(description = "The processor (processing group), e.g. notifications") String name,
            @Schema(description = "Whether it runs on this instance") boolean running,
            @Schema(description = "Whether it is in error on this instance (it retries by itself)") boolean error,
            @Schema(description = "Whether it may be replayed (false for the integration publisher)") boolean supportsReset,
            @Schema(description = "Whether a segment this instance holds still replays events handled before the reset") boolean replaying,
            @Schema(description = "Whether every segment this instance holds has reached the head of the event store") boolean caughtUp,
            @Schema(description = "The processor's segments in the token store (all instances)") int tokenSegments,
            @Schema(description = "The segments this instance holds") List<SegmentStatus> segments) {
    }

    /**
     * A segment this instance has claimed: {@code position} is the global sequence number of the last event it handled
     * (null before the first), {@code replaying} until it has handled again every event the stream held at the reset.
     */
    @Schema(name = "EventProcessorSegment", description = "A segment of an event processor held by this instance")
    public record SegmentStatus(
            @Schema(description = "The segment's id") int segment,
            @Schema(description = "Whether it still replays events handled before the reset") boolean replaying,
            @Schema(description = "Whether it has reached the head of the event store") boolean caughtUp,
            @Schema(description = "The global sequence number of the last event it handled; null before the first") Long position,
            @Schema(description = "Whether it is in error") boolean error) {
    }

    /** Every streaming processor of the service, by name. */
    public List<ProcessorStatus> list() {
        List<ProcessorStatus> statuses = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                statuses.add(status(streaming));
            }
        }
        statuses.sort(Comparator.comparing(ProcessorStatus::name));
        return statuses;
    }

    /**
     * Whether processor {@code name} is being rebuilt as far as this instance can tell: stopped here (as for a replay,
     * which needs it stopped on every instance), or one of the segments this instance holds still replaying. For work
     * that must not trust the processor's read model meanwhile. False for a processor this service does not have.
     */
    public boolean isReplayingOrStopped(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(p -> !p.isRunning() || p.processingStatus().values().stream().anyMatch(EventProcessorOperations::replaying))
                .orElse(false);
    }

    /** Replays processor {@code name} from the start; answers its status once it runs again. */
    public synchronized ProcessorStatus replay(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(UnknownProcessorException::new);
        if (!processor.supportsReset()) {
            throw new ReplayRefusedException();
        }
        String actor = CurrentActor.current().map(CurrentActor::subject).orElse("unknown");
        stop(processor);
        try {
            processor.resetTokens();
            log.info("processor {} reset by {}: replaying from the start of the event store", name, actor);
        } catch (UnableToClaimTokenException e) {
            log.warn("processor {}: replay asked by {} refused, another instance holds one of its segments", name, actor);
            throw new ClaimedElsewhereException(e);
        } finally {
            processor.start();
        }
        return status(processor);
    }

    private void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processor.start();
            throw new IllegalStateException("interrupted while stopping processor " + processor.getName(), e);
        } catch (ExecutionException | TimeoutException e) {
            processor.start();
            throw new IllegalStateException("processor " + processor.getName() + " did not stop within " + shutdownTimeout, e);
        }
    }

    private ProcessorStatus status(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        List<SegmentStatus> segments = claimed.values().stream()
                .map(s -> new SegmentStatus(s.getSegment().getSegmentId(), replaying(s), s.isCaughtUp(),
                        s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : null, s.isErrorState()))
                .sorted(Comparator.comparingInt(SegmentStatus::segment))
                .toList();
        return new ProcessorStatus(processor.getName(), processor.isRunning(), processor.isError(), processor.supportsReset(),
                segments.stream().anyMatch(SegmentStatus::replaying), !segments.isEmpty() && segments.stream().allMatch(SegmentStatus::caughtUp),
                tokenStore.fetchSegments(processor.getName()).length, segments);
    }

    /**
     * Whether the segment still has events to handle again. Axon keeps a segment's replay token until it handles an
     * event after the reset position, so an idle stream would say "replaying" for ever: the replay is done once the
     * segment has reached the position the stream had at the reset.
     */
    private static boolean replaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong reset = status.getResetPosition();
        OptionalLong current = status.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    /** No streaming processor of that name in this service. */
    public static class UnknownProcessorException extends PledgeException {
        public UnknownProcessorException() {
            super("processors.unknown", HttpStatus.NOT_FOUND,
                    "This service has no event processor of that name; GET /ops/processors lists them.");
        }
    }

    /** The processor's handlers refuse replays (e.g. the integration publisher). */
    public static class ReplayRefusedException extends PledgeException {
        public ReplayRefusedException() {
            super("processors.replay-refused", HttpStatus.CONFLICT,
                    "This processor does not support replays (it would repeat effects outside this service).");
        }
    }

    /** Another instance holds a segment of the processor. */
    public static class ClaimedElsewhereException extends PledgeException {
        public ClaimedElsewhereException(Throwable cause) {
            super("processors.claimed-elsewhere", HttpStatus.CONFLICT,
                    "Another instance of this service holds a segment of this processor: stop the processor there, then replay.",
                    cause);
        }
    }
}
