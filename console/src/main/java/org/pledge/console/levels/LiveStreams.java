package org.pledge.console.levels;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.pledge.console.config.ConsoleProperties;
import org.pledge.console.services.ServiceProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live pages' server-sent-event streams. One shared scheduler ticks every {@code pledge.console.live-interval}; each
 * tick asks every open stream's {@link LiveFeed} again on a small shared pool of poller threads (a stream with a
 * question still out skips the tick; each question times out: no thread waits forever) and sends the fragment only
 * when its digest changed.
 *
 * <p>A stream carries the access token of the person who opened it, got on the request thread: it ends when that
 * token expires or {@code pledge.console.live.max-age} has passed (the browser's EventSource reconnects and the
 * console gets the token afresh, refreshing it if need be), when the service refuses the person (401/403: the live
 * region says so and stops), when the session ends (signed out, timed out: likewise), and when the browser has gone
 * (a send fails; with nothing to send, a comment every {@code pledge.console.live.heartbeat} finds that out). At most
 * {@code pledge.console.live.streams-per-session} streams per session.
 */
@Component
public class LiveStreams implements HttpSessionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final ConsoleProperties console;
    private final LiveProperties live;
    private final RestClient.Builder builder;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<Long, Stream> streams = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private final ThreadPoolExecutor pollers;

    public LiveStreams(ConsoleProperties console, LiveProperties live, RestClient.Builder builder, ObjectMapper json,
                       ObjectProvider<Clock> clock) {
        this.console = console;
        this.live = live;
        this.builder = builder;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        AtomicInteger threads = new AtomicInteger();
        this.pollers = new ThreadPoolExecutor(live.pollers(), live.pollers(), 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
                task -> daemon(task, "console-live-poll-" + threads.incrementAndGet()));
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "console-live-tick"));
        long every = console.liveInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream for the session {@code sessionId} with {@code token}, or null when the session has its
     * {@code streams-per-session} already. {@code seen}: the digest of the figures the page was rendered with (nothing
     * is sent until they change); {@code event}: the SSE event name of the fragment; {@code event + "-ended"} carries
     * the region once the stream has ended for good.
     */
    public synchronized SseEmitter open(String sessionId, OAuth2AccessToken token, String seen, String event, LiveFeed feed) {
        long ofSession = streams.values().stream().filter(s -> s.sessionId.equals(sessionId)).count();
        if (ofSession >= live.streamsPerSession()) {
            return null;
        }
        Instant now = clock.instant();
        Instant endsAt = now.plus(live.maxAge());
        if (token.getExpiresAt() != null && token.getExpiresAt().isBefore(endsAt)) {
            endsAt = token.getExpiresAt();
        }
        // the emitter's own timeout only backs the tick's end up (a stream the ticker could not end, e.g. stopped)
        SseEmitter emitter = new SseEmitter(Math.max(1_000, Duration.between(now, endsAt).toMillis() + 5_000));
        Stream stream = new Stream(ids.incrementAndGet(), sessionId, emitter, feed, event, endsAt, now, seen,
                new BoundApis(console, builder, json, token.getTokenValue()));
        try {
            // a stream that ends (token expired, max-age) is reconnected within a second, not the browser's default 3
            emitter.send(SseEmitter.event().reconnectTime(1_000));
        } catch (IOException gone) {
            return emitter;
        }
        streams.put(stream.id, stream);
        emitter.onCompletion(() -> streams.remove(stream.id));
        emitter.onTimeout(() -> stream.end(null));
        emitter.onError(error -> stream.end(null));
        return emitter;
    }

    /**
     * Asks every open stream's feed again (streams past their end are ended): what the scheduler runs every
     * {@code live-interval}. The future completes when the questions of this tick (or the ones still out from an
     * earlier tick) have been answered and sent.
     */
    public CompletableFuture<Void> tick() {
        Instant now = clock.instant();
        List<CompletableFuture<Void>> polls = new ArrayList<>();
        for (Stream stream : streams.values()) {
            if (!now.isBefore(stream.endsAt)) {
                stream.end(null); // token expired or max-age: the browser reconnects with a fresh token
            } else {
                polls.add(stream.poll(now));
            }
        }
        return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new));
    }

    /** Streams open now. */
    public int openStreams() {
        return streams.size();
    }

    /** Streams open now for one session. */
    public int openStreams(String sessionId) {
        return (int) streams.values().stream().filter(s -> s.sessionId.equals(sessionId)).count();
    }

    /** A session ended (signed out, timed out): its streams say so and end. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        String sessionId = event.getSession().getId();
        streams.values().stream().filter(s -> s.sessionId.equals(sessionId)).forEach(s -> s.end("signed-out"));
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        pollers.shutdownNow();
        streams.values().forEach(s -> s.end(null));
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("live tick failed: {}", e.toString());
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private final class Stream {
        final long id;
        final String sessionId;
        final SseEmitter emitter;
        final LiveFeed feed;
        final String event;
        final Instant endsAt;
        final BoundApis apis;
        volatile String fingerprint;
        volatile String lastHtml;
        volatile Instant lastSent;
        volatile boolean ended;
        private CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

        Stream(long id, String sessionId, SseEmitter emitter, LiveFeed feed, String event, Instant endsAt, Instant now,
               String seen, BoundApis apis) {
            this.id = id;
            this.sessionId = sessionId;
            this.emitter = emitter;
            this.feed = feed;
            this.event = event;
            this.endsAt = endsAt;
            this.lastSent = now;
            this.fingerprint = seen;
            this.apis = apis;
        }

        synchronized CompletableFuture<Void> poll(Instant now) {
            if (ended || !current.isDone()) {
                return current;
            }
            try {
                current = CompletableFuture.runAsync(() -> pollNow(now), pollers);
            } catch (RejectedExecutionException busy) {
                return CompletableFuture.completedFuture(null); // every poller busy, queue full: next tick
            }
            return current;
        }

        private void pollNow(Instant now) {
            if (ended) {
                return;
            }
            try {
                LiveFeed.Snapshot snapshot = feed.poll(apis);
                lastHtml = snapshot.html();
                if (!snapshot.fingerprint().equals(fingerprint)) {
                    emitter.send(SseEmitter.event().id(snapshot.fingerprint()).name(event).data(oneLine(snapshot.html())));
                    fingerprint = snapshot.fingerprint();
                    lastSent = now;
                } else if (!now.isBefore(lastSent.plus(live.heartbeat()))) {
                    emitter.send(SseEmitter.event().comment("still here"));
                    lastSent = now;
                }
            } catch (ServiceProblemException problem) {
                if (problem.status() == 401 || problem.status() == 403) {
                    end("refused");
                } else {
                    log.debug("live question to {} answered {} {}: trying again next tick", problem.service().id(),
                            problem.status(), problem.code());
                }
            } catch (IOException | IllegalStateException gone) {
                end(null); // the browser went away, or the response is over
            } catch (RuntimeException e) {
                log.warn("live question failed, trying again next tick: {}", e.getClass().getSimpleName());
            }
        }

        /** Ends the stream; with a reason, first sends the region saying why (and no longer connecting). */
        void end(String reason) {
            if (ended) {
                return;
            }
            ended = true;
            streams.remove(id);
            try {
                if (reason != null) {
                    emitter.send(SseEmitter.event().name(event + "-ended").data(oneLine(feed.ended(reason, lastHtml))));
                }
                emitter.complete();
            } catch (IOException | IllegalStateException gone) {
                // the browser has gone already
            } catch (RuntimeException e) {
                log.debug("ending a live stream: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** SSE data lines end at a line break: the fragment goes as one line (HTML does not mind). */
    private static String oneLine(String html) {
        return html.replace("\r", "").replace('\n', ' ');
    }
}
