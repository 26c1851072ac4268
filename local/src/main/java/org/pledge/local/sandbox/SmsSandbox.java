package org.pledge.local.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sandbox SMS gateway: {@code POST /v1/messages {"to","text","callbackUrl"?}} with an {@code Idempotency-Key};
 * the message is {@code ACCEPTED}, then {@code DELIVERED} (or {@code FAILED} for numbers ending in 0000) and a
 * signed {@code sms.delivered} / {@code sms.failed} callback goes out.
 */
public final class SmsSandbox extends SandboxProvider {

    public SmsSandbox(int port, Settings settings) throws IOException {
        super("sms", "/v1/messages", "sms_", port, settings);
    }

    @Override
    protected String validate(Map<String, Object> request) {
        Object to = request.get("to");
        if (to == null || to.toString().isBlank()) {
            return "'to' (phone number) is required";
        }
        if (!to.toString().matches("\\+?[0-9 ]{6,20}")) {
            return "'to' must be a phone number";
        }
        Object text = request.get("text");
        if (text == null || text.toString().isBlank()) {
            return "'text' is required";
        }
        return null;
    }

    @Override
    protected String initialStatus() {
        return "ACCEPTED";
    }

    @Override
    protected Outcome outcome(Map<String, Object> request) {
        Map<String, Object> details = new LinkedHashMap<>();
        String to = request.get("to").toString().replace(" ", "");
        if (to.endsWith("0000")) {
            details.put("failedAt", Instant.now().toString());
            details.put("reason", "UNREACHABLE");
            return new Outcome("FAILED", details);
        }
        details.put("deliveredAt", Instant.now().toString());
        return new Outcome("DELIVERED", details);
    }

    @Override
    protected String eventType(String finalStatus) {
        return "sms." + finalStatus.toLowerCase();
    }
}
