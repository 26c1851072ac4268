package org.pledge.local.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** One request a sandbox accepted, as kept in its state file (public fields, so the file is plain JSON). */
public final class AcceptedRequest {
    public String id;
    public String idempotencyKey;
    public String status;
    public String createdAt;
    public String updatedAt;
    public String callbackUrl;
    public String callbackStatus;
    public int callbackAttempts;
    public Map<String, Object> request = new LinkedHashMap<>();
    public Map<String, Object> details = new LinkedHashMap<>();

    /** What the sandbox's API shows of it (and what a callback carries, without {@code callback}). */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("idempotencyKey", idempotencyKey);
        view.put("status", status);
        view.putAll(details);
        view.put("createdAt", createdAt);
        view.put("updatedAt", updatedAt);
        view.put("request", request);
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("url", callbackUrl);
        callback.put("status", callbackStatus);
        callback.put("attempts", callbackAttempts);
        view.put("callback", callback);
        return view;
    }
}
