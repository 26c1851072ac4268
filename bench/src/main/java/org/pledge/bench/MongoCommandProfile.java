package org.pledge.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/** MongoDB commands by command name and collection: count and time from request to reply. */
final class MongoCommandProfile implements CommandListener {

    private final ConcurrentHashMap<String, LongAdder[]> byKey =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, String> open = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        var collection = event.getCommand().get(event.getCommandName());
        String name = collection != null && collection.isString() ? collection.asString().getValue() : "-";
        open.put(event.getRequestId(), event.getCommandName() + " " + name);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        done(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        done(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    private void done(int requestId, long nanos) {
        String key = open.remove(requestId);
        if (key != null) {
            var adders = byKey.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
            adders[0].increment();
            adders[1].add(nanos);
        }
    }

    void reset() {
        byKey.clear();
    }

    long total() {
        return byKey.values().stream().mapToLong(a -> a[0].sum()).sum();
    }

    void print(String prefix, int cases) {
        byKey.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1].sum(), a.getValue()[1].sum()))
                .forEach(e -> System.out.printf("%s.mongo %-40s %7.2f per case, %8.3f ms each, %7.2f ms per case%n", prefix,
                        e.getKey(), e.getValue()[0].sum() / (double) cases, e.getValue()[1].sum() / 1e6 / Math.max(1, e.getValue()[0].sum()),
                        e.getValue()[1].sum() / 1e6 / cases));
    }
}
