package org.pledge.local.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.pledge.local.Http;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sandbox of an outside provider (SMS gateway, payment provider) that behaves like a real one: it accepts
 * requests under an {@code Idempotency-Key}, answers with a provider id (the same id for a repeated key),
 * later moves the request to its final status and sends a signed callback, answers status look-ups, and can be
 * told to fail, time out or slow down. See docs/local-stack.md for the API.
 *
 * <p>One sandbox serves one or more collections ({@link Collection}: the payment sandbox has {@code /v1/payments} and
 * {@code /v1/refunds}) on one port, with one failure mode: each collection has its own requests, keys and state
 * file. The subclass's own hooks ({@link #validate} ...) are those of its first collection.
 */
public abstract class SandboxProvider implements AutoCloseable {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_CALLBACK_ATTEMPTS = 6;

    /**
     * @param secret             shared secret of the callback signature (HMAC-SHA256)
     * @param completionDelay    how long after acceptance the request reaches its final status and the callback goes out
     * @param stateFile          where accepted requests are kept across restarts (null = memory only)
     * @param defaultCallbackUrl callback URL for requests that carry none (null = no callback)
     */
    public record Settings(String secret, Duration completionDelay, Path stateFile, String defaultCallbackUrl) {
    }

    /** The final status of a request and the fields that come with it. */
    protected record Outcome(String status, Map<String, Object> details) {
    }

    /** What a collection's requests are: checked, first status, final status, callback type. */
    protected interface RequestKind {
        /** Why the request is not acceptable, or null when it is. */
        String validate(Map<String, Object> request);

        /** Status right after acceptance. */
        String initialStatus();

        /** The final status this request will reach. */
        Outcome outcome(Map<String, Object> request);

        /** The callback event type for a final status, e.g. {@code sms.delivered}. */
        String eventType(String finalStatus);
    }

    /**
     * A further collection of the sandbox.
     *
     * @param path      e.g. {@code /v1/refunds}
     * @param idPrefix  e.g. {@code ref_}
     * @param stateName its state file's name beside the sandbox's (e.g. {@code refunds}: {@code payments-refunds.json})
     */
    protected record Collection(String path, String idPrefix, String stateName, RequestKind kind) {
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService httpPool;
    private final ScheduledExecutorService scheduler;
    private final CallbackSender callbacks;
    private final List<Ledger> ledgers = new ArrayList<>();
    private SandboxMode mode = SandboxMode.OK;

    protected SandboxProvider(String name, String collection, String idPrefix, int port, Settings settings) throws IOException {
        this(name, collection, idPrefix, List.of(), port, settings);
    }

    /** A sandbox whose first collection is {@code collection} (the subclass's hooks) and then {@code more}. */
    protected SandboxProvider(String name, String collection, String idPrefix, List<Collection> more, int port, Settings settings)
            throws IOException {
        this.name = name;
        this.settings = settings;
        this.callbacks = new CallbackSender(settings.secret());
        this.httpPool = Executors.newCachedThreadPool(daemon(name + "-http"));
        this.scheduler = Executors.newScheduledThreadPool(2, daemon(name + "-callbacks"));
        RequestKind own = new RequestKind() {
            @Override
            public String validate(Map<String, Object> request) {
                return SandboxProvider.this.validate(request);
            }

            @Override
            public String initialStatus() {
                return SandboxProvider.this.initialStatus();
            }

            @Override
            public Outcome outcome(Map<String, Object> request) {
                return SandboxProvider.this.outcome(request);
            }

            @Override
            public String eventType(String finalStatus) {
                return SandboxProvider.this.eventType(finalStatus);
            }
        };
        ledgers.add(new Ledger(new Collection(collection, idPrefix, null, own), settings.stateFile()));
        for (Collection extra : more) {
            ledgers.add(new Ledger(extra, siblingStateFile(settings.stateFile(), extra.stateName())));
        }
        for (Ledger ledger : ledgers) {
            ledger.load();
        }
        this.server = Http.server(port, httpPool);
        server.createContext("/", this::handle);
        server.start();
    }

    private static Path siblingStateFile(Path primary, String stateName) {
        if (primary == null) {
            return null;
        }
        String file = primary.getFileName().toString();
        String base = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
        return primary.resolveSibling(base + "-" + stateName + ".json");
    }

    /** Why the request is not acceptable, or null when it is. */
    protected abstract String validate(Map<String, Object> request);

    /** Status right after acceptance. */
    protected abstract String initialStatus();

    /** The final status this request will reach. */
    protected abstract Outcome outcome(Map<String, Object> request);

    /** The callback event type for a final status, e.g. {@code sms.delivered}. */
    protected abstract String eventType(String finalStatus);

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** The first collection's path. */
    public String collectionPath() {
        return ledgers.get(0).collection.path();
    }

    public synchronized SandboxMode mode() {
        return mode;
    }

    public synchronized void mode(SandboxMode newMode) {
        this.mode = newMode;
        log.info("{} sandbox mode is now {}", name, newMode);
    }

    private synchronized SandboxMode takeMode() {
        SandboxMode current = mode;
        mode = current.consumeOne();
        return current;
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health")) {
                Http.json(exchange, 200, Map.of("status", "UP"));
            } else if (path.equals("/admin/mode")) {
                adminMode(exchange, method);
            } else if (path.equals("/admin/reset") && method.equals("POST")) {
                reset();
                Http.json(exchange, 200, Map.of("reset", true));
            } else if (ledgerOf(path) != null) {
                ledgerOf(path).api(exchange, method, path);
            } else {
                Http.error(exchange, 404, "no such resource: " + path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("{} sandbox failed on {}", name, exchange.getRequestURI(), e);
        }
    }

    private void adminMode(HttpExchange exchange, String method) throws IOException {
        if (method.equals("GET")) {
            Http.json(exchange, 200, mode());
            return;
        }
        if (!method.equals("POST")) {
            Http.error(exchange, 405, "GET or POST");
            return;
        }
        try {
            Map<String, Object> body = Http.JSON.readValue(Http.body(exchange), new TypeReference<>() { });
            SandboxMode newMode = SandboxMode.from(body);
            mode(newMode);
            Http.json(exchange, 200, newMode);
        } catch (IOException | IllegalArgumentException e) {
            Http.error(exchange, 400, "bad mode: " + e.getMessage());
        }
    }

    private Ledger ledgerOf(String path) {
        for (Ledger ledger : ledgers) {
            String base = ledger.collection.path();
            if (path.equals(base) || path.startsWith(base + "/")) {
                return ledger;
            }
        }
        return null;
    }

    public synchronized void reset() {
        for (Ledger ledger : ledgers) {
            ledger.clear();
        }
        mode = SandboxMode.OK;
    }

    /** One collection's requests, by key and by id, and its state file. */
    private final class Ledger {

        private final Collection collection;
        private final SandboxStateFile stateFile;
        private final Map<String, AcceptedRequest> byKey = new LinkedHashMap<>();
        private final Map<String, AcceptedRequest> byId = new LinkedHashMap<>();

        Ledger(Collection collection, Path stateFile) {
            this.collection = collection;
            this.stateFile = new SandboxStateFile(stateFile);
        }

        void api(HttpExchange exchange, String method, String path) throws IOException, InterruptedException {
            SandboxMode current = takeMode();
            switch (current.mode()) {
                case "FAIL" -> {
                    Http.error(exchange, current.status(), name + " sandbox is in FAIL mode");
                    return;
                }
                case "TIMEOUT" -> {
                    if (current.apply() && method.equals("POST") && path.equals(collection.path())) {
                        // the request takes effect; the caller just never hears about it
                        submit(exchange, false);
                    }
                    TimeUnit.SECONDS.sleep(current.seconds());
                    // close the connection without any answer
                    return;
                }
                case "SLOW" -> TimeUnit.MILLISECONDS.sleep(current.delayMillis());
                default -> {
                }
            }
            if (method.equals("POST") && path.equals(collection.path())) {
                submit(exchange, true);
            } else if (method.equals("GET") && path.equals(collection.path())) {
                String key = Http.query(exchange).get("idempotencyKey");
                if (key == null) {
                    Http.json(exchange, 200, all());
                } else {
                    AcceptedRequest entry = byKey(key);
                    if (entry == null) {
                        Http.error(exchange, 404, "no request with idempotency key " + key);
                    } else {
                        Http.json(exchange, 200, entry.view());
                    }
                }
            } else if (method.equals("GET")) {
                String id = path.substring(collection.path().length() + 1);
                AcceptedRequest entry = byId(id);
                if (entry == null) {
                    Http.error(exchange, 404, "no request with id " + id);
                } else {
                    Http.json(exchange, 200, entry.view());
                }
            } else {
                Http.error(exchange, 405, "method not allowed");
            }
        }

        private void submit(HttpExchange exchange, boolean answer) throws IOException {
            String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
            if (key == null || key.isBlank()) {
                if (answer) {
                    Http.error(exchange, 400, "the Idempotency-Key header is required");
                }
                return;
            }
            Map<String, Object> request;
            try {
                request = Http.JSON.readValue(Http.body(exchange), new TypeReference<>() { });
            } catch (IOException e) {
                if (answer) {
                    Http.error(exchange, 400, "the body must be a JSON object");
                }
                return;
            }
            String invalid = request == null ? "the body must be a JSON object" : collection.kind().validate(request);
            if (invalid != null) {
                if (answer) {
                    Http.error(exchange, 400, invalid);
                }
                return;
            }
            AcceptedRequest entry;
            boolean replay;
            synchronized (SandboxProvider.this) {
                entry = byKey.get(key);
                replay = entry != null;
                if (replay && !entry.request.equals(request)) {
                    if (answer) {
                        Http.error(exchange, 409, "idempotency key " + key + " was used with a different request");
                    }
                    return;
                }
                if (!replay) {
                    entry = new AcceptedRequest();
                    entry.id = collection.idPrefix() + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
                    entry.idempotencyKey = key;
                    entry.status = collection.kind().initialStatus();
                    entry.createdAt = Instant.now().toString();
                    entry.updatedAt = entry.createdAt;
                    entry.request = request;
                    Object url = request.get("callbackUrl");
                    entry.callbackUrl = url != null ? url.toString() : settings.defaultCallbackUrl();
                    entry.callbackStatus = entry.callbackUrl == null ? "NONE" : "PENDING";
                    byKey.put(key, entry);
                    byId.put(entry.id, entry);
                    save();
                }
            }
            if (!replay) {
                AcceptedRequest accepted = entry;
                log.info("{} sandbox accepted {} (key {})", name, accepted.id, key);
                scheduler.schedule(() -> complete(accepted), settings.completionDelay().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (answer) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", String.valueOf(replay));
                Http.json(exchange, replay ? 200 : 201, entry.view());
            }
        }

        // ---------------------------------------------------------------- lifecycle of a request

        private void complete(AcceptedRequest entry) {
            synchronized (SandboxProvider.this) {
                if (byId.get(entry.id) != entry) {
                    return; // reset meanwhile
                }
                Outcome outcome = collection.kind().outcome(entry.request);
                entry.status = outcome.status();
                entry.details.putAll(outcome.details());
                entry.updatedAt = Instant.now().toString();
                save();
            }
            if ("PENDING".equals(entry.callbackStatus)) {
                deliver(entry);
            }
        }

        private void deliver(AcceptedRequest entry) {
            byte[] body;
            synchronized (SandboxProvider.this) {
                if (byId.get(entry.id) != entry) {
                    return;
                }
                entry.callbackAttempts++;
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("eventId", entry.id + "-" + entry.status.toLowerCase());
                event.put("type", collection.kind().eventType(entry.status));
                event.putAll(entry.view());
                event.remove("callback");
                try {
                    body = Http.JSON.writeValueAsBytes(event);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            int status;
            try {
                status = callbacks.send(entry.callbackUrl, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (SandboxProvider.this) {
                if (status >= 200 && status < 300) {
                    entry.callbackStatus = "DELIVERED";
                    log.info("{} sandbox delivered the callback of {} to {}", name, entry.id, entry.callbackUrl);
                } else if (entry.callbackAttempts >= MAX_CALLBACK_ATTEMPTS) {
                    entry.callbackStatus = "FAILED";
                    log.warn("{} sandbox gave up the callback of {} to {} after {} attempts", name, entry.id,
                            entry.callbackUrl, entry.callbackAttempts);
                } else {
                    scheduler.schedule(() -> deliver(entry), CallbackSender.backoffMillis(entry.callbackAttempts),
                            TimeUnit.MILLISECONDS);
                }
                save();
            }
        }

        // ---------------------------------------------------------------- state

        private AcceptedRequest byKey(String key) {
            synchronized (SandboxProvider.this) {
                return byKey.get(key);
            }
        }

        private AcceptedRequest byId(String id) {
            synchronized (SandboxProvider.this) {
                return byId.get(id);
            }
        }

        private List<Map<String, Object>> all() {
            synchronized (SandboxProvider.this) {
                List<Map<String, Object>> list = new ArrayList<>();
                byId.values().forEach(entry -> list.add(entry.view()));
                return list;
            }
        }

        private void clear() {
            byKey.clear();
            byId.clear();
            save();
        }

        /** Keeps the requests in the state file; the caller holds the sandbox's lock. */
        private void save() {
            try {
                stateFile.save(byId.values());
            } catch (IOException e) {
                log.warn("{} sandbox could not save its state to {}", name, stateFile.path(), e);
            }
        }

        void load() throws IOException {
            List<AcceptedRequest> entries = stateFile.load();
            if (entries.isEmpty()) {
                return;
            }
            for (AcceptedRequest entry : entries) {
                byKey.put(entry.idempotencyKey, entry);
                byId.put(entry.id, entry);
                if (entry.status.equals(collection.kind().initialStatus())) {
                    scheduler.schedule(() -> complete(entry), settings.completionDelay().toMillis(), TimeUnit.MILLISECONDS);
                } else if ("PENDING".equals(entry.callbackStatus)) {
                    scheduler.schedule(() -> deliver(entry), settings.completionDelay().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            log.info("{} sandbox loaded {} requests from {}", name, entries.size(), stateFile.path());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        httpPool.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
