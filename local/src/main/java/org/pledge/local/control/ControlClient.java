package org.pledge.local.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./pledge-local status | restart <service> | stop}: sends the command to the launcher of a data folder
 * through its {@link ControlSocket} and prints the answer.
 *
 * <p>Exit codes: 0 done (for {@code status}: every service healthy), 1 the command failed (a service not healthy),
 * 2 a usage error (unknown command or service), 3 no launcher is running with this data folder.
 */
public final class ControlClient {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_RUNNING = 3;

    public static final List<String> COMMANDS = List.of("status", "restart", "stop");
    /** Sent by a launcher that will exit after this command: {@code #exits <pid>}; the client waits for the pid. */
    public static final String EXITS = "#exits ";
    static final Duration EXIT_WAIT = Duration.ofSeconds(20);

    private ControlClient() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    /** Sends {@code words} (e.g. {@code restart case-service}) to the launcher of {@code data}; returns the exit code. */
    public static int run(Path data, List<String> words, PrintStream out, PrintStream err) {
        Path socket = ControlSocket.of(data);
        if (!Files.exists(socket)) {
            return notRunning(data, err);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                // a socket file left behind by a launcher that was killed
                return notRunning(data, err);
            }
            OutputStream request = Channels.newOutputStream(channel);
            request.write((String.join(" ", words) + "\n").getBytes(StandardCharsets.UTF_8));
            request.flush();
            BufferedReader answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String line;
            long exits = -1;
            while ((line = answer.readLine()) != null) {
                if (line.startsWith(EXITS)) {
                    exits = Long.parseLong(line.substring(EXITS.length()).trim());
                } else if (line.startsWith("#exit ")) {
                    int code = Integer.parseInt(line.substring("#exit ".length()).trim());
                    if (exits > 0 && !awaitExit(exits)) {
                        err.println("pledge-local: the launcher (pid " + exits + ") stopped everything but is still running after "
                                + EXIT_WAIT.toSeconds() + " s");
                        return FAILED;
                    }
                    out.flush();
                    return code;
                } else if (!line.startsWith("#")) {
                    out.println(line);
                }
            }
            err.println("pledge-local: the launcher closed the connection before it answered " + words);
            return FAILED;
        } catch (IOException e) {
            err.println("pledge-local: talking to the launcher failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static boolean awaitExit(long pid) {
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        if (launcher.isEmpty()) {
            return true;
        }
        try {
            launcher.get().onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return !launcher.get().isAlive();
        }
    }

    private static int notRunning(Path data, PrintStream err) {
        err.println("pledge-local: no launcher is running with the data folder " + data);
        return NOT_RUNNING;
    }
}
