package org.pledge.systemtests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send: control characters in header
 * values, raw path segments ({@code %2F}, {@code ..%2F}, {@code %ZZ}) sent as they are, hundreds of headers, chunked
 * bodies of many megabytes. The request goes out on its own thread while this one reads the answer, so an answer the
 * server sends before it has read the body (a 413, or a 400 and a closed connection) is read as soon as it arrives,
 * not lost to the reset that follows. The answer is read robustly: status line, headers, then a chunked, sized or
 * read-to-close body; whatever arrived before the connection broke is kept.
 */
final class RawHttp {

    /** Bodies larger than this are cut when read (an answer has no business being that large). */
    private static final int MAX_ANSWER_BODY = 1 << 20;

    /** A header line exactly as sent: name and value are written as ISO-8859-1 bytes, nothing is checked. */
    record Header(String name, String value) {
    }

    /** What follows the headers. */
    sealed interface Body permits NoBody, SizedBody, ChunkedBody {
    }

    /** No body and no Content-Length. */
    record NoBody() implements Body {
    }

    /** {@code bytes} with a Content-Length. */
    record SizedBody(byte[] bytes) implements Body {
    }

    /**
     * A chunked body of {@code prefix}, then {@code padding} bytes of JSON whitespace, then {@code suffix}, in chunks
     * of 64 KB, generated as it is sent.
     */
    record ChunkedBody(byte[] prefix, long padding, byte[] suffix) implements Body {
        long length() {
            return prefix.length + padding + suffix.length;
        }
    }

    record Request(String method, String target, List<Header> headers, Body body) {
    }

    /**
     * What came back. {@code status} is -1 when no status line arrived ({@code failure} says why); {@code failure} is
     * also set when the connection broke while the body was read (the body holds what arrived).
     */
    record Answer(int status, Map<String, List<String>> headers, String body, String failure) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private RawHttp() {
    }

    static Answer exchange(int port, Request request, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head(request));
                    writeBody(out, request.body());
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before it read everything: the answer is what matters
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(new BufferedInputStream(socket.getInputStream()), request.method());
            socket.close(); // stops a writer still sending to a server that no longer reads
            writer.join(10_000);
            return answer;
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "", "could not connect: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] head(Request request) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        for (Header header : request.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (request.body() instanceof SizedBody sized) {
            head.append("Content-Length: ").append(sized.bytes().length).append("\r\n");
        } else if (request.body() instanceof ChunkedBody) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void writeBody(OutputStream out, Body body) throws IOException {
        if (body instanceof SizedBody sized) {
            out.write(sized.bytes());
        } else if (body instanceof ChunkedBody chunked) {
            chunk(out, chunked.prefix());
            byte[] blanks = new byte[64 * 1024];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < blanks.length; i += 128) {
                blanks[i] = '\n';
            }
            long left = chunked.padding();
            while (left > 0) {
                int n = (int) Math.min(blanks.length, left);
                chunk(out, n == blanks.length ? blanks : Arrays.copyOf(blanks, n));
                left -= n;
            }
            chunk(out, chunked.suffix());
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return; // a zero-length chunk would end the body
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in, String method) {
        int status;
        Map<String, List<String>> headers;
        try {
            while (true) {
                String statusLine = line(in);
                if (statusLine == null || statusLine.isEmpty()) {
                    return new Answer(-1, Map.of(), "", "the connection closed without an answer");
                }
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                    return new Answer(-1, Map.of(), "", "not an HTTP status line: " + statusLine);
                }
                status = Integer.parseInt(parts[1]);
                headers = headers(in);
                if (status != 100) {
                    break; // an interim 100 Continue is followed by the real answer
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new Answer(-1, Map.of(), "", "no answer: " + e);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String failure = null;
        try {
            if (method.equals("HEAD") || status == 204 || status == 304) {
                // no body by definition
            } else if (first(headers, "transfer-encoding") != null
                    && first(headers, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
                readChunked(in, body);
            } else if (first(headers, "content-length") != null) {
                copy(in, body, Long.parseLong(first(headers, "content-length").trim()));
            } else {
                copy(in, body, Long.MAX_VALUE);
            }
        } catch (IOException | NumberFormatException e) {
            failure = "the connection broke while the answer's body was read: " + e;
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), failure);
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("end of stream before the last chunk");
            }
            int semicolon = size.indexOf(';');
            long length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                headers(in); // trailers
                return;
            }
            copy(in, body, length);
            line(in);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return; // read to close
                }
                throw new IOException("end of stream with " + left + " bytes of the body missing");
            }
            if (body.size() < MAX_ANSWER_BODY) {
                body.write(buffer, 0, n);
            }
            left -= n;
        }
    }

    /** A line without its CRLF (or bare LF), null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > 64 * 1024) {
                throw new IOException("a header line longer than 64 KB");
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
