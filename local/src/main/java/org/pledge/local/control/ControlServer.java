package org.pledge.local.control;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers {@link ControlClient}s on the launcher's {@link ControlSocket}. The protocol is text, one connection per
 * command: the client sends one line (the command and its words, separated by spaces); the server answers lines of
 * text for the user, then {@code #exit <code>} and closes the connection. Lines starting with {@code #} are for the
 * client only (e.g. {@code #exits <pid>}: the launcher exits after this command).
 */
public final class ControlServer implements AutoCloseable {

    /** Runs one command; writes what the user should read to {@code reply}; returns the client's exit code. */
    @FunctionalInterface
    public interface Handler {
        int handle(List<String> words, PrintWriter reply) throws Exception;
    }

    static final int MAX_LINE = 1000;
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);

    private final Path path;
    private final ServerSocketChannel channel;
    private final Handler handler;
    private final AtomicInteger active = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean closed;

    private ControlServer(Path path, ServerSocketChannel channel, Handler handler) {
        this.path = path;
        this.channel = channel;
        this.handler = handler;
    }

    /**
     * Listens on {@code path}; a file left there by a launcher that was killed is replaced (the caller holds the
     * data folder's lock, so no live launcher uses it).
     */
    public static ControlServer start(Path path, Handler handler) throws IOException {
        ControlSocket.prepareDirectory(path);
        Files.deleteIfExists(path);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(path));
            ControlSocket.makePrivate(path);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        ControlServer server = new ControlServer(path, channel, handler);
        Thread accept = new Thread(server::acceptLoop, "pledge-local-control");
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    public Path path() {
        return path;
    }

    private void acceptLoop() {
        int number = 0;
        while (!closed) {
            SocketChannel connection;
            try {
                connection = channel.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("control socket {} failed; status/restart/stop from another terminal no longer work", path, e);
                }
                return;
            }
            active.incrementAndGet();
            Thread thread = new Thread(() -> serve(connection), "pledge-local-control-" + (++number));
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connection), StandardCharsets.UTF_8));
            PrintWriter reply = new PrintWriter(new java.io.OutputStreamWriter(Channels.newOutputStream(connection), StandardCharsets.UTF_8), true);
            String line = readLine(in);
            int code;
            if (line == null) {
                return;
            }
            List<String> words = Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            try {
                code = handler.handle(words, reply);
            } catch (Exception e) {
                log.warn("control command {} failed", words, e);
                reply.println("pledge-local: " + words + " failed: " + e);
                code = 1;
            }
            reply.println("#exit " + code);
            reply.flush();
        } catch (IOException e) {
            log.debug("control connection ended early", e);
        } finally {
            if (active.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.length() >= MAX_LINE) {
                throw new IOException("command line too long");
            }
            line.append((char) c);
        }
        return c == -1 && line.length() == 0 ? null : line.toString();
    }

    /** Waits (at most {@code timeout}) until no command is being answered, e.g. the reply to {@code stop}. */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (active.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Stops listening and removes the socket file; commands being answered finish. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing the control socket", e);
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.debug("removing the control socket file", e);
        }
    }
}
