package org.pledge.console.services;

/** The services the console calls, each by the name it has in problems shown to people and in logs. */
public enum Service {
    CASE("case-service"),
    FEEDBACK("feedback-service"),
    NOTIFICATION("notification-service"),
    GUARANTEE("guarantee-service");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
