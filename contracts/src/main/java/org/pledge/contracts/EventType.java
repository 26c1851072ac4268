package org.pledge.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An integration event type: its CloudEvents type name ({@code pledge.<service>.<event>.v<N>}), the
 * topic it travels on, and the Java record of its data.
 */
public record EventType(String name, String topic, Class<?> dataType) {

    private static final Pattern NAME = Pattern.compile("pledge\\.[a-z]+\\.[a-z][a-z-]*\\.v[1-9][0-9]*");

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataType, "dataType");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Pledge event type name: " + name);
        }
    }

    /** Classpath location of the JSON Schema of this type's data. */
    public String schemaResource() {
        return "/org/pledge/contracts/schemas/" + name + ".schema.json";
    }
}
