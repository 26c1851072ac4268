package org.pledge.local.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The people who sign in to the console at the local issuer (authorization code + PKCE), each with a name and roles.
 * Each password comes from {@code PLEDGE_PASSWORD_<USER>} (upper case, '-' as '_', e.g.
 * {@code PLEDGE_PASSWORD_FINANCE_1}) and defaults to {@code <user>-password}. The user name is the tokens' {@code sub}:
 * guarantee-service tells the two finance people apart by it (four eyes).
 */
public final class LocalPeople {

    /** A person: {@code name} in the ID token, {@code roles} in both tokens. */
    public record Person(String user, String name, List<String> roles) {
    }

    /** user name → person, in the order docs/local-stack.md lists them. */
    public static final Map<String, Person> PEOPLE;

    static {
        Map<String, Person> people = new LinkedHashMap<>();
        people.put("operations", new Person("operations", "Olivia Operations", List.of("operations")));
        people.put("caseworker", new Person("caseworker", "Casey Caseworker", List.of("caseworker")));
        people.put("finance-1", new Person("finance-1", "Frances Finance", List.of("finance")));
        people.put("finance-2", new Person("finance-2", "Fernand Finance", List.of("finance")));
        people.put("auditor", new Person("auditor", "Audrey Auditor", List.of("auditor")));
        people.put("admin", new Person("admin", "Adam Admin", List.of("admin")));
        PEOPLE = java.util.Collections.unmodifiableMap(people);
    }

    private LocalPeople() {
    }

    public static String passwordVariable(String user) {
        return "PLEDGE_PASSWORD_" + user.toUpperCase().replace('-', '_');
    }

    public static String defaultPassword(String user) {
        return user + "-password";
    }

    /** user → password, looked up in {@code env}. */
    public static Map<String, String> passwords(Function<String, String> env) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : PEOPLE.keySet()) {
            String value = env.apply(passwordVariable(user));
            passwords.put(user, value == null || value.isBlank() ? defaultPassword(user) : value);
        }
        return passwords;
    }
}
