package org.pledge.audit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * An exported range of a chain as NDJSON (UTF-8, one JSON object per line, {@code \n} after each), the format the
 * offline verifier reads ({@value #FORMAT}):
 * <ol>
 *   <li>one header line: {@code format}, {@code service}, {@code from}, {@code to}, {@code startLink} (the link of
 *       {@code from - 1}) and {@code startCheckpoint} (the signed checkpoint at {@code from - 1} whose link is
 *       {@code startLink}; null for {@code from = 1}, where {@code startLink} is the genesis link);</li>
 *   <li>one line per sequence of the range, ascending: the {@link AuditRecord} fields by their names
 *       ({@code timestamp} as ISO-8601 UTC, absent fields as null) and {@code link}, the stored link or null;</li>
 *   <li>one line per checkpoint of the range: the {@link Checkpoint} fields by their names ({@code signedAt} as
 *       ISO-8601). A line with a {@code signature} member is a checkpoint line.</li>
 * </ol>
 * Byte arrays are lowercase hex. Unknown members are ignored, so that later versions can add some.
 *
 * <p>{@link #writer(OutputStream)} writes one line at a time; {@link #reader(InputStream)} reads one line at a
 * time; {@link ExportVerifier#verify(Path, CheckpointVerifier)} verifies a file in two streaming passes (checkpoints come last),
 * holding only the checkpoints and two records in memory.
 */
public final class AuditExport {

    /** The value of the header's {@code format} member. */
    public static final String FORMAT = "pledge-audit-export/1";
    /** The media type of an export. */
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();
    private static final HexFormat HEX = HexFormat.of();

    private AuditExport() {
    }

    /** The first line of an export. {@code startCheckpoint} is null for {@code from = 1}. */
    public record Header(String service, long from, long to, byte[] startLink, Checkpoint startCheckpoint) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Header that && from == that.from && to == that.to
                    && Objects.equals(service, that.service) && Arrays.equals(startLink, that.startLink)
                    && Objects.equals(startCheckpoint, that.startCheckpoint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, from, to, Arrays.hashCode(startLink), startCheckpoint);
        }

        @Override
        public String toString() {
            return "Header[service=" + service + ", from=" + from + ", to=" + to + ", startLink="
                    + (startLink == null ? "null" : HEX.formatHex(startLink)) + ", startCheckpoint=" + startCheckpoint
                    + "]";
        }
    }

    /** A line after the header. */
    public sealed interface Line permits RecordLine, CheckpointLine {
    }

    /** A sequence of the range: the record as stored and its stored link (null when none is stored). */
    public record RecordLine(AuditRecord record, byte[] link) implements Line {
        @Override
        public boolean equals(Object other) {
            return other instanceof RecordLine that && Objects.equals(record, that.record)
                    && Arrays.equals(link, that.link);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(record) + Arrays.hashCode(link);
        }

        @Override
        public String toString() {
            return "RecordLine[sequence=" + (record == null ? "null" : record.sequence()) + ", link="
                    + (link == null ? "null" : HEX.formatHex(link)) + "]";
        }
    }

    /** A checkpoint of the range. */
    public record CheckpointLine(Checkpoint checkpoint) implements Line {
    }

    /** An export that cannot be read: not NDJSON, not this format, or a line without what it needs. */
    public static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;

        FormatException(long lineNumber, String problem) {
            super("line " + lineNumber + " of the export: " + problem);
        }
    }

    /** A writer onto {@code out} (UTF-8). {@link Writer#close()} flushes and closes {@code out}. */
    public static Writer writer(OutputStream out) {
        return new Writer(out);
    }

    /** A reader of {@code in} (UTF-8; malformed UTF-8 is an error). {@link Reader#close()} closes {@code in}. */
    public static Reader reader(InputStream in) {
        return new Reader(in);
    }

    /** Writes an export, one line per call. Not thread-safe. */
    public static final class Writer implements Closeable, Flushable {
        private final java.io.Writer out;
        private final JsonGenerator json;

        private Writer(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(Objects.requireNonNull(out, "out"),
                    StandardCharsets.UTF_8), 1 << 16);
            try {
                this.json = JSON.createGenerator(this.out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        /** The header line: write it first, once. */
        public void header(Header header) throws IOException {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("service", header.service());
            json.writeNumberField("from", header.from());
            json.writeNumberField("to", header.to());
            hex("startLink", header.startLink());
            json.writeFieldName("startCheckpoint");
            if (header.startCheckpoint() == null) {
                json.writeNull();
            } else {
                checkpointObject(header.startCheckpoint());
            }
            json.writeEndObject();
            endLine();
        }

        /** The line of one sequence: {@code record} as stored and its stored {@code link} (null when none). */
        public void record(AuditRecord record, byte[] link) throws IOException {
            json.writeStartObject();
            json.writeNumberField("sequence", record.sequence());
            json.writeStringField("kind", record.kind());
            json.writeStringField("aggregateIdentifier", record.aggregateIdentifier());
            json.writeNumberField("aggregateSequence", record.aggregateSequence());
            json.writeStringField("type", record.type());
            json.writeStringField("eventIdentifier", record.eventIdentifier());
            json.writeStringField("payloadType", record.payloadType());
            json.writeStringField("payloadRevision", record.payloadRevision());
            json.writeStringField("timestamp", record.timestamp() == null ? null : record.timestamp().toString());
            json.writeStringField("metaData", record.metaData());
            json.writeStringField("payload", record.payload());
            hex("link", link);
            json.writeEndObject();
            endLine();
        }

        /** The line of one checkpoint (after every record line). */
        public void checkpoint(Checkpoint checkpoint) throws IOException {
            checkpointObject(checkpoint);
            endLine();
        }

        @Override
        public void flush() throws IOException {
            json.flush();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                json.close();
            } finally {
                out.close();
            }
        }

        private void checkpointObject(Checkpoint checkpoint) throws IOException {
            json.writeStartObject();
            json.writeStringField("service", checkpoint.service());
            json.writeNumberField("sequence", checkpoint.sequence());
            hex("link", checkpoint.link());
            json.writeStringField("signedAt",
                    checkpoint.signedAt() == null ? null : checkpoint.signedAt().toString());
            json.writeStringField("keyId", checkpoint.keyId());
            json.writeStringField("algorithm", checkpoint.algorithm());
            hex("signature", checkpoint.signature());
            json.writeEndObject();
        }

        private void hex(String name, byte[] bytes) throws IOException {
            json.writeStringField(name, bytes == null ? null : HEX.formatHex(bytes));
        }

        private void endLine() throws IOException {
            json.writeRaw('\n');
        }
    }

    /** Reads an export, one line per call: {@link #header()} first, then {@link #next()} until null. */
    public static final class Reader implements Closeable {
        private final BufferedReader in;
        private long lineNumber;
        private Header header;

        private Reader(InputStream in) {
            this.in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, "in"),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        }

        /** The header (read on the first call). */
        public Header header() throws IOException {
            if (header == null) {
                String text = nextText();
                if (text == null) {
                    throw new FormatException(1, "the export is empty");
                }
                header = parseHeader(text);
            }
            return header;
        }

        /** The next line after the header, or null at the end. */
        public Line next() throws IOException {
            header();
            String text = nextText();
            return text == null ? null : parse(text);
        }

        /** The number of the line read last (1 is the header). */
        public long lineNumber() {
            return lineNumber;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        String nextText() throws IOException {
            String text;
            do {
                text = in.readLine();
                if (text == null) {
                    return null;
                }
                lineNumber++;
            } while (text.isBlank());
            return text;
        }

        private Header parseHeader(String text) throws IOException {
            Map<String, Object> members = members(text, true);
            if (!FORMAT.equals(members.get("format"))) {
                throw new FormatException(lineNumber, "the header's format is not " + FORMAT);
            }
            long from = number(members, "from", true);
            long to = number(members, "to", true);
            if (from < 1 || to < from - 1) {
                throw new FormatException(lineNumber, "the header's range " + from + ".." + to + " is not a range");
            }
            byte[] startLink = bytes(members, "startLink");
            if (startLink == null || startLink.length != AuditLinks.LENGTH) {
                throw new FormatException(lineNumber, "the header's startLink is not 32 bytes of hex");
            }
            Object start = members.get("startCheckpoint");
            @SuppressWarnings("unchecked")
            Checkpoint startCheckpoint = start instanceof Map<?, ?> map ? checkpoint((Map<String, Object>) map)
                    : null;
            return new Header(string(members, "service"), from, to, startLink, startCheckpoint);
        }

        Line parse(String text) throws IOException {
            Map<String, Object> members = members(text, false);
            if (members.containsKey("signature")) {
                return new CheckpointLine(checkpoint(members));
            }
            if (!members.containsKey("sequence")) {
                throw new FormatException(lineNumber, "a line that is neither a record nor a checkpoint");
            }
            AuditRecord record = new AuditRecord(number(members, "sequence", true), string(members, "kind"),
                    string(members, "aggregateIdentifier"), number(members, "aggregateSequence", false),
                    string(members, "type"), string(members, "eventIdentifier"), string(members, "payloadType"),
                    string(members, "payloadRevision"), instant(members, "timestamp"), string(members, "metaData"),
                    string(members, "payload"));
            return new RecordLine(record, bytes(members, "link"));
        }

        private Checkpoint checkpoint(Map<String, Object> members) throws IOException {
            return new Checkpoint(string(members, "service"), number(members, "sequence", true),
                    bytes(members, "link"), instant(members, "signedAt"), string(members, "keyId"),
                    string(members, "algorithm"), bytes(members, "signature"));
        }

        /** The members of one JSON object: strings, numbers (Long), null, and (for the header) one nested object. */
        private Map<String, Object> members(String text, boolean nested) throws IOException {
            try (JsonParser parser = JSON.createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new FormatException(lineNumber, "not a JSON object");
                }
                Map<String, Object> members = objectMembers(parser, nested);
                if (parser.nextToken() != null) {
                    throw new FormatException(lineNumber, "more than one JSON value on the line");
                }
                return members;
            } catch (JsonProcessingException e) {
                throw new FormatException(lineNumber, "not JSON (" + e.getOriginalMessage() + ")");
            }
        }

        private Map<String, Object> objectMembers(JsonParser parser, boolean nested) throws IOException {
            Map<String, Object> members = new HashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING -> members.put(name, parser.getText());
                    case VALUE_NUMBER_INT -> {
                        if (parser.getNumberType() != JsonParser.NumberType.INT
                                && parser.getNumberType() != JsonParser.NumberType.LONG) {
                            throw new FormatException(lineNumber, "member " + name + " is out of range");
                        }
                        members.put(name, parser.getLongValue());
                    }
                    case VALUE_NULL -> members.put(name, null);
                    case START_OBJECT -> {
                        if (!nested) {
                            throw new FormatException(lineNumber, "member " + name + " is an object");
                        }
                        members.put(name, objectMembers(parser, false));
                    }
                    default -> parser.skipChildren();
                }
            }
            return members;
        }

        private String string(Map<String, Object> members, String name) throws IOException {
            Object value = members.get(name);
            if (value != null && !(value instanceof String)) {
                throw new FormatException(lineNumber, "member " + name + " is not a string");
            }
            return (String) value;
        }

        private long number(Map<String, Object> members, String name, boolean required) throws IOException {
            Object value = members.get(name);
            if (value instanceof Long number) {
                return number;
            }
            if (value == null && !required) {
                return 0;
            }
            throw new FormatException(lineNumber, "member " + name + " is not a whole number");
        }

        private byte[] bytes(Map<String, Object> members, String name) throws IOException {
            String value = string(members, name);
            if (value == null) {
                return null;
            }
            try {
                if (!value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException("upper case");
                }
                return HEX.parseHex(value);
            } catch (IllegalArgumentException e) {
                throw new FormatException(lineNumber, "member " + name + " is not lowercase hex");
            }
        }

        private Instant instant(Map<String, Object> members, String name) throws IOException {
            String value = string(members, name);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new FormatException(lineNumber, "member " + name + " is not an ISO-8601 instant");
            }
        }
    }
}
