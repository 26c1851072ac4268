package org.pledge.local;

import org.pledge.local.control.ControlClient;
import org.pledge.local.control.ControlServer;
import org.pledge.local.process.Supervised;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Answers {@code ./pledge-local status | restart <service> | stop} for a running {@link LocalStack}. */
final class ControlCommands implements ControlServer.Handler {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LocalStack stack;

    ControlCommands(LocalStack stack) {
        this.stack = stack;
    }

    @Override
    public int handle(List<String> words, PrintWriter reply) throws Exception {
        String verb = words.isEmpty() ? "" : words.get(0);
        return switch (verb) {
            case "status" -> status(reply);
            case "restart" -> words.size() == 2 ? restart(words.get(1), reply) : usage(reply, words);
            case "stop" -> stop(reply);
            default -> usage(reply, words);
        };
    }

    private static int usage(PrintWriter reply, List<String> words) {
        reply.println("pledge-local: unknown command " + String.join(" ", words) + "; use status, restart <service> or stop");
        return ControlClient.USAGE;
    }

    private int status(PrintWriter reply) {
        List<Supervised> children = stack.supervisor().children();
        List<CompletableFuture<Boolean>> health = children.stream()
                .map(child -> child.state() == Supervised.State.RUNNING || child.state() == Supervised.State.STARTING
                        ? CompletableFuture.supplyAsync(() -> stack.isUp(healthUrl(child.name())))
                        : CompletableFuture.completedFuture(false))
                .toList();
        reply.printf("pledge-local (pid %d) %s for %s, data %s%n", ProcessHandle.current().pid(),
                stack.phase(), human(stack.uptime()), stack.options().data());
        reply.printf("  %-22s %-12s %-8s %-8s %-9s %-8s %s%n", "SERVICE", "STATE", "PID", "HEALTHY", "RESTARTS", "CRASHES", "UPTIME");
        boolean allHealthy = true;
        List<String> exits = new ArrayList<>();
        for (ServiceSpec service : stack.options().services()) {
            int index = indexOf(children, service.name());
            if (index < 0) {
                reply.printf("  %-22s %-12s%n", service.name(), "not started");
                allHealthy = false;
                continue;
            }
            Supervised.Status status = children.get(index).status();
            boolean healthy = health.get(index).join();
            allHealthy &= healthy;
            String state = status.state().label() + (status.restartIn() != null ? " (restart in " + human(status.restartIn()) + ")" : "");
            reply.printf("  %-22s %-12s %-8s %-8s %-9d %-8d %s%n", service.name(), state,
                    status.uptime() == null ? "-" : String.valueOf(status.pid()), healthy ? "yes" : "no",
                    status.restarts(), status.crashes(), status.uptime() == null ? "-" : human(status.uptime()));
            if (status.lastExit() != null) {
                exits.add(String.format("  last crash of %s: %s at %s", service.name(), status.lastExit(),
                        CLOCK_TIME.format(status.lastExitAt().atZone(ZoneId.systemDefault()))));
            }
        }
        exits.forEach(reply::println);
        reply.println("  INFRASTRUCTURE");
        List<Map.Entry<String, String>> parts = stack.infrastructureAddresses();
        for (Map.Entry<String, String> part : parts) {
            reply.printf("  %-22s %s%n", part.getKey(), part.getValue());
        }
        if (parts.isEmpty()) {
            reply.println("  (none running yet)");
        }
        return allHealthy ? ControlClient.OK : ControlClient.FAILED;
    }

    private int restart(String name, PrintWriter reply) throws Exception {
        Optional<Supervised> found = stack.supervisor().children().stream().filter(child -> child.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            reply.printf("pledge-local: %s is not a service of this launcher; it runs: %s%n", name,
                    String.join(", ", stack.options().services().stream().map(ServiceSpec::name).toList()));
            return ControlClient.USAGE;
        }
        Supervised child = found.get();
        String before = child.isAlive() ? " (pid " + child.pid() + ")" : "";
        stack.say("restarting " + name + before + " on request ...");
        reply.printf("pledge-local: restarting %s%s ...%n", name, before);
        reply.flush();
        Duration stoppedIn;
        try {
            stoppedIn = stack.supervisor().restart(child);
        } catch (IllegalStateException e) {
            reply.println("pledge-local: cannot restart " + name + ": " + e.getMessage());
            return ControlClient.FAILED;
        }
        reply.printf("pledge-local: %s stopped in %.1f s, started again as pid %d; waiting until it is healthy ...%n",
                name, stoppedIn.toMillis() / 1000.0, child.pid());
        reply.flush();
        try {
            Duration after = child.healthy().get(stack.options().serviceTimeout().toSeconds() + 5, TimeUnit.SECONDS);
            reply.printf("pledge-local: %s is healthy (pid %d), %.1f s after its start%n", name, child.pid(), after.toMillis() / 1000.0);
            return ControlClient.OK;
        } catch (ExecutionException | TimeoutException e) {
            reply.printf("pledge-local: %s is NOT healthy: %s; last lines of %s:%n", name,
                    e instanceof ExecutionException ? e.getCause().getMessage() : "no answer in time", child.logFile());
            child.tail(15).forEach(line -> reply.println("    " + line));
            return ControlClient.FAILED;
        }
    }

    private int stop(PrintWriter reply) {
        reply.printf("pledge-local: stopping the launcher (pid %d) ...%n", ProcessHandle.current().pid());
        if (stack.exitsWhenStopped()) {
            reply.println(ControlClient.EXITS + ProcessHandle.current().pid()); // the client waits for that, too
        }
        reply.flush();
        stack.say("stop requested from another terminal");
        stack.close();
        reply.printf("pledge-local: stopped in %.1f s%n", stack.lastStop().toMillis() / 1000.0);
        return ControlClient.OK;
    }

    private String healthUrl(String serviceName) {
        return stack.options().services().stream().filter(s -> s.name().equals(serviceName)).findFirst()
                .map(ServiceSpec::healthUrl).orElseThrow();
    }

    private static int indexOf(List<Supervised> children, String name) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** 42 s, 3m 05s, 2h 01m */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return duration.toMillis() < 10_000 && duration.toMillis() % 1000 != 0
                    ? String.format("%.1f s", duration.toMillis() / 1000.0) : seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
