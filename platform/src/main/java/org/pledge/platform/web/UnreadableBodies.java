package org.pledge.platform.web;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * How the platform words a request body it could not read (Jackson's failures): the problem's detail, and the JSON path
 * of the field with a message when one is known. Written for the API client: no Java class names, at most 64 characters
 * of what was sent. Used by {@link ProblemDetailsAdvice}.
 */
final class UnreadableBodies {

    private UnreadableBodies() {
    }

    /** Why a body could not be read: the problem's detail, and the JSON path of the field (when known) with a message. */
    record Unreadable(String detail, String field, String message) {
        static Unreadable of(String detail) {
            return new Unreadable(detail, null, null);
        }
    }

    static String describeUnreadable(HttpMessageNotReadableException ex) {
        return unreadable(ex).detail();
    }

    static Unreadable unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        StreamConstraintsException limit = causeOfType(cause, StreamConstraintsException.class);
        if (limit != null) {
            return Unreadable.of(describeLimit(limit));
        }
        Optional<String> duplicate = duplicate(cause);
        if (duplicate.isPresent()) {
            return new Unreadable("Duplicate field '" + duplicate.get() + "': a JSON object may name a field only once.",
                    duplicate.get(), "appears more than once");
        }
        StreamReadException read = causeOfType(cause, StreamReadException.class);
        if (read != null) {
            // not JSON (or not UTF-8) where the parser was, whatever field the mapper was filling
            var location = read.getLocation();
            return Unreadable.of(location == null ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ").");
        }
        String path = cause instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        String field = path.isEmpty() ? null : path;
        if (cause instanceof InvalidFormatException invalid) {
            String expected = expected(invalid.getTargetType());
            return new Unreadable("Invalid value '" + Problems.echo(invalid.getValue()) + "' for " + field(invalid)
                    + ": expected " + expected + ".", field, "expected " + expected);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new Unreadable("Unknown field '" + Problems.echo(unknown.getPropertyName()) + "'.", field,
                    "is not a known field");
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String message = String.valueOf(mismatched.getOriginalMessage());
            if (field == null && message.startsWith("No content to map")) {
                return Unreadable.of("The request body is empty.");
            }
            if (message.startsWith("Trailing token")) {
                return Unreadable.of("The request body has more after its JSON value.");
            }
            String expected = expected(mismatched.getTargetType());
            return new Unreadable("Wrong JSON type for " + field(mismatched) + ": expected " + expected + ".", field,
                    "expected " + expected);
        }
        if (cause instanceof JsonMappingException mapping && field != null) {
            return new Unreadable("Invalid value for " + field(mapping) + ".", field, "is invalid");
        }
        if (cause instanceof JsonProcessingException processing) {
            var location = processing.getLocation();
            return Unreadable.of(location == null ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ").");
        }
        if (cause == null && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
            return Unreadable.of("The request body is missing.");
        }
        return Unreadable.of("The request body is missing or unreadable.");
    }

    /** Jackson's limits on what it reads (StreamReadConstraints), in words. */
    private static String describeLimit(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage());
        if (message.startsWith("Document nesting depth")) {
            return "The request body is nested too deeply.";
        }
        if (message.startsWith("Number value length") || message.startsWith("Number length")) {
            return "A number in the request body has too many digits.";
        }
        if (message.startsWith("String value length") || message.startsWith("String length")) {
            return "A string in the request body is too long.";
        }
        if (message.startsWith("Name length")) {
            return "A field name in the request body is too long.";
        }
        if (message.startsWith("Document length")) {
            return "The request body is too long.";
        }
        if (message.startsWith("Token count")) {
            return "The request body has too many JSON tokens.";
        }
        return "The request body exceeds a limit on the size or depth of JSON.";
    }

    /**
     * The JSON path of a duplicate field found by strict duplicate detection. Jackson reports it as a parse error with
     * the name in its message; the path comes from the parser's position.
     */
    private static Optional<String> duplicate(Throwable cause) {
        StreamReadException read = causeOfType(cause, StreamReadException.class);
        if (read == null) {
            return Optional.empty();
        }
        Matcher matcher = DUPLICATE.matcher(String.valueOf(read.getOriginalMessage()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = Problems.echo(matcher.group(1));
        String parent = "";
        JsonParser parser = read.getProcessor();
        if (parser != null && parser.getParsingContext() != null && parser.getParsingContext().getParent() != null) {
            parent = pointerPath(parser.getParsingContext().getParent());
        }
        return Optional.of(ValidationErrors.join(parent, name));
    }

    private static final Pattern DUPLICATE =
            Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    /** The dotted path of a parser context (the object or array the parser is in). */
    private static String pointerPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(Problems.echo(c.getCurrentName()));
            }
        }
        String path = "";
        for (String part : parts) {
            path = ValidationErrors.join(path, part);
        }
        return path;
    }

    private static <T extends Throwable> T causeOfType(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String field(JsonMappingException e) {
        String path = jsonPath(e.getPath());
        return path.isEmpty() ? "the request body" : "field '" + path + "'";
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(ref -> ref.getFieldName() != null ? Problems.echo(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Describes a Java type for an API client, without Java class names. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type) || type == Duration.class || type == Period.class) {
            return "an ISO-8601 " + (type == Duration.class || type == Period.class
                    ? "duration" : "date or time");
        }
        if (type == String.class || type == CharSequence.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
