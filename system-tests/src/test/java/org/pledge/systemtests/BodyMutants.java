package org.pledge.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Hostile variants of a valid JSON request body, made by walking the body beside its schema from the live API docs
 * and changing one thing at a time: each string leaf gets control characters and header injections (not CR LF where
 * the field's own pattern allows line breaks), values its pattern, length or format refuses; each number leaf absurd
 * numbers as a number and as a string; each enum leaf unknown values; each leaf and nested object or array the wrong
 * JSON types; and the whole body duplicate keys, deep nesting, trailing documents, no body or no JSON at all, and
 * Content-Types that are not JSON.
 *
 * <p>Bodies are written with every non-ASCII character escaped ({@code \\uXXXX}), so that a lone surrogate travels as
 * its escape and is not lost in UTF-8; raw JSON (numbers no double holds, duplicate keys) is put in place of a
 * placeholder after writing.
 */
final class BodyMutants {

    /**
     * One hostile body; {@code contentType} null means no Content-Type header; {@code field} is the attacked field's
     * path ({@code applicant.email}, {@code names[en]}) when one field was changed, else null.
     */
    record Mutant(String input, byte[] body, String contentType, String field) {
    }

    /**
     * A value in the sample body, with its path ({@code applicant.email}; {@code weekendDays[0]} in a list,
     * {@code names[en]} in a map, as Spring names them) and its schema.
     */
    record Node(String name, List<Object> path, JsonNode value, JsonNode schema) {

        String type() {
            String declared = schema.path("type").asText("");
            if (!declared.isEmpty()) {
                return declared;
            }
            return value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isObject() ? "object"
                    : value.isArray() ? "array" : "string";
        }

        boolean isEnum() {
            return schema.has("enum");
        }

        /** The field's declared pattern accepts a line break, so CR LF is not hostile there. */
        boolean multiLine() {
            Pattern pattern = pattern();
            return pattern != null && pattern.matcher("first line\r\nsecond line").matches();
        }

        Pattern pattern() {
            if (!schema.has("pattern")) {
                return null;
            }
            try {
                return Pattern.compile(schema.path("pattern").asText());
            } catch (PatternSyntaxException e) {
                return null;
            }
        }
    }

    static final String JSON_TYPE = "application/json";

    private static final ObjectWriter ASCII = Api.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final String PLACEHOLDER = "@@hostile-value@@";
    private static final String DUPLICATE = "@@hostile-duplicate@@";

    /** Control characters and injections appended to a single-line text (label, text). */
    private static final List<Map.Entry<String, String>> SINGLE_LINE_JUNK = List.of(
            Map.entry("CR LF Bcc: header injection", "\r\nBcc: victim@example.org"),
            Map.entry("LF header injection", "\nX-Injected: yes"),
            Map.entry("NUL", "\u0000"),
            Map.entry("BEL", "\u0007"),
            Map.entry("ESC sequence", "\u001B[2J"),
            Map.entry("TAB", "\t"),
            Map.entry("DEL", "\u007F"),
            Map.entry("C1 NEL U+0085", "\u0085"),
            Map.entry("U+2028 line separator", "\u2028"),
            Map.entry("U+202E right-to-left override", "\u202Eevil"),
            Map.entry("lone surrogate \\ud800", "\uD800"));

    /** The same for a text whose lines are its business (notes, reasons, an address): no line breaks. */
    private static final List<Map.Entry<String, String>> MULTI_LINE_JUNK = List.of(
            Map.entry("NUL", "\u0000"),
            Map.entry("BEL", "\u0007"),
            Map.entry("ESC sequence", "\u001B[2J"),
            Map.entry("vertical tab", "\u000B"),
            Map.entry("form feed", "\u000C"),
            Map.entry("DEL", "\u007F"),
            Map.entry("C1 NEL U+0085", "\u0085"),
            Map.entry("U+2028 line separator", "\u2028"),
            Map.entry("U+202E right-to-left override", "\u202Eevil"),
            Map.entry("lone surrogate \\ud800", "\uD800"));

    /** Texts some patterns refuse; the first two a field's pattern refuses are tried. */
    private static final List<String> OFF_PATTERN = List.of("not-an-email", "two words", "-", "<script>alert(1)</script>",
            "${jndi:ldap://example.org/x}", "a@b");

    /** Absurd numbers (label, raw JSON number). */
    private static final List<Map.Entry<String, String>> ABSURD = List.of(
            Map.entry("exponent 1e1000000", "1e1000000"),
            Map.entry("exponent -1e1000000", "-1e1000000"),
            Map.entry("exponent 1e-1000000 (scale a million)", "1e-1000000"),
            Map.entry("exponent beyond an int, 1e2147483648", "1e2147483648"),
            Map.entry("a 10 000-digit integer", "9".repeat(10_000)),
            Map.entry("0. + 5 000 zeros + 1", "0." + "0".repeat(5_000) + "1"),
            Map.entry("NaN", "NaN"),
            Map.entry("Infinity", "Infinity"),
            Map.entry("-Infinity", "-Infinity"));

    private final JsonNode sample;
    private final String sampleText;
    private final List<Node> leaves = new ArrayList<>();
    private final List<Node> containers = new ArrayList<>();
    private final List<String> undeclared = new ArrayList<>();
    private final List<String> unsampled = new ArrayList<>();
    private final ApiDocs docs;

    BodyMutants(String sampleJson, JsonNode schema, ApiDocs docs) {
        this.docs = docs;
        try {
            this.sample = Api.JSON.readTree(sampleJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the sample is not JSON: " + sampleJson, e);
        }
        this.sampleText = write(sample);
        walk(sample, docs.resolve(schema), new ArrayList<>(), "");
    }

    /** Fields of the sample its schema does not declare (a stale sample). */
    List<String> undeclared() {
        return undeclared;
    }

    /** Fields the schema declares that the sample lacks (they would not be attacked). */
    List<String> unsampled() {
        return unsampled;
    }

    List<Node> leaves() {
        return leaves;
    }

    String sampleText() {
        return sampleText;
    }

    private void walk(JsonNode node, JsonNode schema, List<Object> path, String name) {
        if (node.isObject()) {
            if (!path.isEmpty()) {
                containers.add(new Node(name, List.copyOf(path), node, schema));
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            properties.fieldNames().forEachRemaining(declared -> {
                if (!node.has(declared)) {
                    unsampled.add(join(name, declared));
                }
            });
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode child = properties.has(field.getKey()) ? properties.path(field.getKey())
                        : additional.isObject() ? additional : MissingNode.getInstance();
                if (child.isMissingNode()) {
                    undeclared.add(join(name, field.getKey()));
                }
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(field.getKey());
                String childName = properties.has(field.getKey()) ? join(name, field.getKey()) : name + "[" + field.getKey() + "]";
                walk(field.getValue(), docs.resolve(child), childPath, childName);
            }
        } else if (node.isArray()) {
            containers.add(new Node(name, List.copyOf(path), node, schema));
            for (int i = 0; i < node.size(); i++) {
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(i);
                walk(node.get(i), docs.resolve(schema.path("items")), childPath, name + "[" + i + "]");
            }
        } else {
            leaves.add(new Node(name, List.copyOf(path), node, schema));
        }
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    // --- the classes

    /** Absurd numbers in every number leaf, as numbers and as strings; without number leaves, as numbers in every string leaf. */
    List<Mutant> absurdNumbers() {
        List<Mutant> mutants = new ArrayList<>();
        List<Node> numbers = leaves.stream().filter(l -> l.type().equals("number") || l.type().equals("integer")).toList();
        for (Node leaf : numbers) {
            for (Map.Entry<String, String> absurd : ABSURD) {
                mutants.add(json(leaf, leaf.name() + " = " + absurd.getKey() + " (a number)", replaced(leaf.path(), absurd.getValue())));
                mutants.add(json(leaf, leaf.name() + " = \"" + absurd.getKey() + "\" (a string)", replaced(leaf.path(), quoted(absurd.getValue()))));
            }
            BigDecimal value = new BigDecimal(leaf.value().asText());
            String finer = value.add(new BigDecimal("1e-9")).toPlainString();
            mutants.add(json(leaf, leaf.name() + " = " + finer + " (nine decimals)", replaced(leaf.path(), finer)));
            String currency = siblingText(leaf, "currency");
            if (currency != null) {
                int digits = Currency.getInstance(currency).getDefaultFractionDigits();
                String beyond = value.setScale(digits + 1).add(BigDecimal.ONE.movePointLeft(digits + 1)).toPlainString();
                mutants.add(json(leaf, leaf.name() + " = \"" + beyond + "\" (a scale beyond " + currency + "'s " + digits + " decimals)",
                        replaced(leaf.path(), quoted(beyond))));
            }
        }
        if (numbers.isEmpty()) {
            for (Node leaf : stringLeaves()) {
                for (Map.Entry<String, String> absurd : List.of(ABSURD.get(0), ABSURD.get(2), ABSURD.get(4))) {
                    mutants.add(json(leaf, leaf.name() + " (a string) = " + absurd.getKey() + " (a number)",
                            replaced(leaf.path(), absurd.getValue())));
                }
            }
        }
        return mutants;
    }

    /**
     * Control characters and header injections appended to every string leaf (and to a key of every map), then the
     * values the leaf's own pattern, maximum length or format refuses.
     */
    List<Mutant> textAndContactFields() {
        List<Mutant> mutants = new ArrayList<>();
        for (Node leaf : stringLeaves()) {
            String valid = leaf.value().asText();
            for (Map.Entry<String, String> junk : leaf.multiLine() ? MULTI_LINE_JUNK : SINGLE_LINE_JUNK) {
                mutants.add(json(leaf, leaf.name() + " + " + junk.getKey(), replaced(leaf.path(), quoted(valid + junk.getValue()))));
            }
            Pattern pattern = leaf.pattern();
            if (pattern != null && !leaf.isEnum()) {
                OFF_PATTERN.stream().filter(text -> !pattern.matcher(text).matches()).limit(2).forEach(text ->
                        mutants.add(json(leaf, leaf.name() + " = \"" + text + "\" (its pattern refuses it)", replaced(leaf.path(), quoted(text)))));
            }
            if (leaf.schema().has("maxLength")) {
                int max = leaf.schema().path("maxLength").asInt();
                mutants.add(json(leaf, leaf.name() + " of " + (max + 1) + " characters (maxLength " + max + ")",
                        replaced(leaf.path(), quoted("x".repeat(max + 1)))));
            }
            String format = leaf.schema().path("format").asText("");
            if (format.equals("date-time")) {
                for (String text : List.of("2026-02-30T10:00:00Z", "+10000-01-01T00:00:00Z", "1066-10-14T09:00:00Z")) {
                    mutants.add(json(leaf, leaf.name() + " = \"" + text + "\" (date-time)", replaced(leaf.path(), quoted(text))));
                }
            } else if (format.equals("date")) {
                for (String text : List.of("2027-02-30", "+10000-01-01", "1066-10-14")) {
                    mutants.add(json(leaf, leaf.name() + " = \"" + text + "\" (date)", replaced(leaf.path(), quoted(text))));
                }
            }
        }
        for (Node map : containers) {
            if (map.value().isObject() && map.schema().path("additionalProperties").isObject() && map.value().size() > 0) {
                String key = map.value().fieldNames().next();
                for (Map.Entry<String, String> junk : List.of(SINGLE_LINE_JUNK.get(0), SINGLE_LINE_JUNK.get(2), SINGLE_LINE_JUNK.get(9))) {
                    mutants.add(json(map, map.name() + " key \"" + key + "\" + " + junk.getKey(), renamedKey(map.path(), key, key + junk.getValue())));
                }
            }
        }
        return mutants;
    }

    /** Values of the wrong JSON type in every leaf and in every nested object or array. */
    List<Mutant> wrongTypes() {
        List<Mutant> mutants = new ArrayList<>();
        for (Node leaf : leaves) {
            List<Map.Entry<String, String>> wrong = switch (leaf.type()) {
                case "number", "integer" -> List.of(Map.entry("true", "true"), Map.entry("\"twelve\"", "\"twelve\""),
                        Map.entry("an object", "{\"amount\":1}"), Map.entry("an array", "[1]"));
                case "boolean" -> List.of(Map.entry("\"maybe\"", "\"maybe\""), Map.entry("the number 1", "1"),
                        Map.entry("an object", "{}"), Map.entry("an array", "[true]"));
                default -> List.of(Map.entry("the number 42", "42"), Map.entry("true", "true"),
                        Map.entry("an object", "{\"value\":" + quoted(leaf.value().asText()) + "}"),
                        Map.entry("an array", "[" + quoted(leaf.value().asText()) + "]"));
            };
            if (leaf.isEnum()) {
                wrong = new ArrayList<>(wrong);
                wrong.add(Map.entry("the number 1 (an index)", "1"));
            }
            for (Map.Entry<String, String> value : wrong) {
                mutants.add(json(leaf, leaf.name() + " (" + leaf.type() + ") = " + value.getKey(), replaced(leaf.path(), value.getValue())));
            }
        }
        for (Node container : containers) {
            List<Map.Entry<String, String>> wrong = container.value().isObject()
                    ? List.of(Map.entry("a string", "\"text\""), Map.entry("a number", "42"), Map.entry("an array", "[]"))
                    : List.of(Map.entry("its first item alone", container.value().size() > 0 ? write(container.value().get(0)) : "\"x\""),
                    Map.entry("an object", "{}"), Map.entry("a number", "42"));
            for (Map.Entry<String, String> value : wrong) {
                mutants.add(json(container, container.name() + " (" + container.type() + ") = " + value.getKey(), replaced(container.path(), value.getValue())));
            }
        }
        return mutants;
    }

    /** Values no enum leaf declares: unknown, another case, padded, an index, empty. */
    List<Mutant> unknownEnums() {
        List<Mutant> mutants = new ArrayList<>();
        for (Node leaf : leaves) {
            if (!leaf.isEnum()) {
                continue;
            }
            String valid = leaf.value().asText();
            List<String> values = new ArrayList<>(List.of("CARRIER_PIGEON", valid + " ", "1", ""));
            String otherCase = valid.toLowerCase(Locale.ROOT).equals(valid) ? valid.toUpperCase(Locale.ROOT) : valid.toLowerCase(Locale.ROOT);
            values.add(1, otherCase);
            for (String value : values) {
                mutants.add(json(leaf, leaf.name() + " = \"" + value + "\" (enum " + leaf.schema().path("enum") + ")", replaced(leaf.path(), quoted(value))));
            }
        }
        return mutants;
    }

    /**
     * A key twice, at the top and in the first nested object: once with the same value, once with a hostile value first
     * and the valid one last (where "last wins" would hide the first).
     */
    List<Mutant> duplicateKeys() {
        List<Mutant> mutants = new ArrayList<>();
        List<Node> objects = new ArrayList<>();
        objects.add(new Node("the top", List.of(), sample, MissingNode.getInstance()));
        containers.stream().filter(c -> c.value().isObject() && c.value().size() > 0).findFirst().ifPresent(objects::add);
        for (Node object : objects) {
            Map.Entry<String, JsonNode> first = object.value().fields().next();
            String key = first.getKey();
            mutants.add(json("\"" + key + "\" twice in " + object.name() + ", same value",
                    duplicated(object.path(), key, write(first.getValue()))));
            String hostile = first.getValue().isTextual() ? quoted(first.getValue().asText() + "\r\nBcc: victim@example.org") : "\"hostile\"";
            mutants.add(json("\"" + key + "\" twice in " + object.name() + ", a hostile value first and the valid one last",
                    duplicated(object.path(), key, hostile)));
        }
        return mutants;
    }

    /** Nesting far deeper than any request needs: as the whole body and inside a field. */
    List<Mutant> deepNesting() {
        List<Mutant> mutants = new ArrayList<>();
        mutants.add(json("10 000 nested arrays as the body", "[".repeat(10_000) + "]".repeat(10_000)));
        mutants.add(json("10 000 nested objects as the body", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        Node leaf = leaves.get(0);
        mutants.add(json("a 1 000-deep object in " + leaf.name(), replaced(leaf.path(), "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000))));
        mutants.add(json("a 1 000-deep array in " + leaf.name(), replaced(leaf.path(), "[".repeat(1_000) + "]".repeat(1_000))));
        return mutants;
    }

    /** Bodies that are not one JSON document of the right media type. */
    List<Mutant> malformedBodies() {
        List<Mutant> mutants = new ArrayList<>();
        mutants.add(json("a second document after it", sampleText + "\n" + sampleText));
        mutants.add(json("trailing garbage after it", sampleText + " x"));
        mutants.add(json("cut off before its end", sampleText.substring(0, sampleText.length() - 1)));
        mutants.add(json("an empty body", ""));
        mutants.add(json("not JSON: a form", "serviceType=PASSPORT&channel=WEB"));
        mutants.add(json("a JSON comment before it", "/* hostile */ " + sampleText));
        mutants.add(json("the literal null", "null"));
        mutants.add(json("an array holding it", "[" + sampleText + "]"));
        Node text = stringLeaves().get(0);
        String marked = replaced(text.path(), quoted(text.value().asText() + "@@invalid-utf8@@"));
        byte[] invalidUtf8 = concat(marked.substring(0, marked.indexOf("@@invalid-utf8@@")).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                marked.substring(marked.indexOf("@@invalid-utf8@@") + "@@invalid-utf8@@".length()).getBytes(StandardCharsets.UTF_8));
        mutants.add(new Mutant("invalid UTF-8 bytes in " + text.name(), invalidUtf8, JSON_TYPE, null));
        byte[] body = sampleText.getBytes(StandardCharsets.UTF_8);
        mutants.add(new Mutant("the valid body as text/plain", body, "text/plain", null));
        mutants.add(new Mutant("the valid body as a form", body, "application/x-www-form-urlencoded", null));
        mutants.add(new Mutant("the valid body without a Content-Type", body, null, null));
        mutants.add(new Mutant("XML as application/xml", "<case><serviceType>PASSPORT</serviceType></case>".getBytes(StandardCharsets.UTF_8),
                "application/xml", null));
        return mutants;
    }

    // --- helpers

    private List<Node> stringLeaves() {
        return leaves.stream().filter(l -> l.type().equals("string") && l.value().isTextual()).toList();
    }

    private String siblingText(Node leaf, String name) {
        JsonNode parent = at(sample, leaf.path().subList(0, leaf.path().size() - 1));
        return parent.path(name).isTextual() ? parent.path(name).asText() : null;
    }

    /** A mutant of the whole body. */
    private static Mutant json(String input, String body) {
        return new Mutant(input, body.getBytes(StandardCharsets.UTF_8), JSON_TYPE, null);
    }

    /** A mutant of one field. */
    private static Mutant json(Node field, String input, String body) {
        return new Mutant(input, body.getBytes(StandardCharsets.UTF_8), JSON_TYPE, field.name());
    }

    /** The sample with the node at {@code path} replaced by {@code rawJson}, written as is. */
    private String replaced(List<Object> path, String rawJson) {
        JsonNode copy = sample.deepCopy();
        if (path.isEmpty()) {
            return rawJson;
        }
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof String key) {
            ((ObjectNode) parent).set(key, TextNode.valueOf(PLACEHOLDER));
        } else {
            ((ArrayNode) parent).set((Integer) last, TextNode.valueOf(PLACEHOLDER));
        }
        return write(copy).replace(quoted(PLACEHOLDER), rawJson);
    }

    /** The sample with the key {@code from} of the object at {@code path} renamed to {@code to}. */
    private String renamedKey(List<Object> path, String from, String to) {
        JsonNode copy = sample.deepCopy();
        ObjectNode object = (ObjectNode) at(copy, path);
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        object.fields().forEachRemaining(e -> renamed.set(e.getKey().equals(from) ? PLACEHOLDER : e.getKey(), e.getValue()));
        object.removeAll();
        object.setAll(renamed);
        return write(copy).replace(quoted(PLACEHOLDER), quoted(to));
    }

    /** The sample with {@code "key": rawValue} put first in the object at {@code path}, before the key's own entry. */
    private String duplicated(List<Object> path, String key, String rawValue) {
        JsonNode copy = sample.deepCopy();
        ObjectNode object = (ObjectNode) at(copy, path);
        ObjectNode reordered = JsonNodeFactory.instance.objectNode();
        reordered.put(DUPLICATE, 0);
        reordered.setAll(object);
        object.removeAll();
        object.setAll(reordered);
        return write(copy).replace(quoted(DUPLICATE) + ":0", quoted(key) + ":" + rawValue);
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof String key ? node.get(key) : node.get((Integer) step);
        }
        return node;
    }

    static String quoted(String text) {
        try {
            return ASCII.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return ASCII.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            try {
                out.write(part);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toByteArray();
    }
}
