package org.pledge.notification.template.api;

/** A value a trigger gives its templates, written {@code {{name}}} in a template. */
public record Placeholder(String name, PlaceholderType type, String description) {
}
