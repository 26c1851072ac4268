package org.pledge.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP/1.1 over a plain socket, for requests a real client library refuses to send (an encoded slash, a NUL, bad
 * percent-encoding, dot segments, oversized or many headers, odd transfer codings) and for request bodies streamed in
 * chunks. The request is written by a second thread while the response is read, as a browser or curl does, so an
 * answer the server gives before it has read the whole body is seen; {@link #writeFirst} waits for the whole request
 * to be written before reading, as simple clients do.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;
    private final boolean writeFirst;

    private RawHttp(int port, boolean writeFirst) {
        this.port = port;
        this.writeFirst = writeFirst;
    }

    /** Writes and reads at the same time. */
    public static RawHttp to(int port) {
        return new RawHttp(port, false);
    }

    /** Writes the whole request (as far as the server lets it), then reads the answer. */
    public RawHttp writeFirst() {
        return new RawHttp(port, true);
    }

    /**
     * What came back. {@code headers} by lower-case name; {@code writeError} is what writing the request ran into (the
     * server closed the connection before taking the whole body), or null.
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, String writeError) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text() + (writeError == null ? "" : " (write: " + writeError + ")");
        }
    }

    /** A request head: request line and header lines without the final empty line, which is added. */
    public static String head(String requestLine, String... headerLines) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Sends a head (from {@link #head}) and an optional body, as they are. */
    public Response send(String head, byte[] body) {
        return exchange(out -> {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
        }, head.startsWith("HEAD "));
    }

    public Response send(String head) {
        return send(head, null);
    }

    /**
     * Sends a head that declares {@code Transfer-Encoding: chunked} and then {@code totalBytes} of {@code filler}
     * repeated, in chunks of {@code chunkSize}.
     */
    public Response sendChunked(String head, long totalBytes, int chunkSize, byte filler) {
        return exchange(out -> {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[chunkSize];
            java.util.Arrays.fill(chunk, filler);
            byte[] size = (Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long left = totalBytes;
            while (left > 0) {
                int n = (int) Math.min(chunkSize, left);
                out.write(n == chunkSize ? size : (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk, 0, n);
                out.write(CRLF);
                left -= n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }, false);
    }

    /** Sends a chunked body with the given content. */
    public Response sendChunked(String head, byte[] body, int chunkSize) {
        return exchange(out -> {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (int from = 0; from < body.length; from += chunkSize) {
                int n = Math.min(chunkSize, body.length - from);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, n);
                out.write(CRLF);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }, false);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private Response exchange(Writer writer, boolean head) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            AtomicReference<String> writeError = new AtomicReference<>();
            Thread writing = new Thread(() -> {
                try {
                    writer.write(socket.getOutputStream());
                } catch (IOException e) {
                    writeError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }, "raw-http-writer");
            writing.setDaemon(true);
            writing.start();
            if (writeFirst) {
                writing.join(TIMEOUT_MILLIS);
            }
            Response response = read(socket.getInputStream(), head);
            writing.join(writeFirst ? 1 : 2_000);
            return new Response(response.status(), response.headers(), response.body(), writeError.get());
        } catch (IOException e) {
            throw new UncheckedIOException("no HTTP answer from port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            if (status >= 100 && status < 200) {
                continue; // 100 Continue: the final answer follows
            }
            byte[] body;
            List<String> te = headers.get("transfer-encoding");
            List<String> length = headers.get("content-length");
            if (head || status == 204 || status == 304) {
                body = new byte[0];
            } else if (te != null && te.get(te.size() - 1).toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunked(in);
            } else if (length != null) {
                body = in.readNBytes(Integer.parseInt(length.get(0)));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body, null);
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        throw new EOFException("connection closed mid-line: " + line.toString(StandardCharsets.ISO_8859_1));
    }
}
