package org.pledge.local.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The OAuth2 clients of the local issuer: one per role, and two finance people for four eyes.
 * Each secret comes from {@code PLEDGE_SECRET_<CLIENT>} (upper case, '-' as '_', e.g. {@code PLEDGE_SECRET_FINANCE_1})
 * and defaults to {@code <client>-secret}.
 */
public final class LocalClients {

    /** client id → roles carried in its tokens. */
    public static final Map<String, List<String>> ROLES;

    static {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("channel", List.of("channel"));
        roles.put("caseworker", List.of("caseworker"));
        roles.put("operations", List.of("operations"));
        roles.put("finance-1", List.of("finance"));
        roles.put("finance-2", List.of("finance"));
        roles.put("auditor", List.of("auditor"));
        roles.put("admin", List.of("admin"));
        ROLES = java.util.Collections.unmodifiableMap(roles);
    }

    private LocalClients() {
    }

    public static String secretVariable(String clientId) {
        return "PLEDGE_SECRET_" + clientId.toUpperCase().replace('-', '_');
    }

    public static String defaultSecret(String clientId) {
        return clientId + "-secret";
    }

    /** client id → secret, looked up in {@code env}. */
    public static Map<String, String> secrets(Function<String, String> env) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String client : ROLES.keySet()) {
            String value = env.apply(secretVariable(client));
            secrets.put(client, value == null || value.isBlank() ? defaultSecret(client) : value);
        }
        return secrets;
    }
}
