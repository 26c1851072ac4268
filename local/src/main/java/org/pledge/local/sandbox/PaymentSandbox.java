package org.pledge.local.sandbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sandbox payment provider (credit transfers): {@code POST /v1/payments} with an {@code Idempotency-Key} and
 * {@code {"amount":"12.50" | "amountMinor":1250, "currency":"EUR", "creditorName", "creditorIban", "reference",
 * "callbackUrl"?}}; the payment is {@code PENDING}, then {@code SETTLED} (or {@code REJECTED} for an IBAN ending
 * in 0000) and a signed {@code payment.settled} / {@code payment.rejected} callback goes out.
 */
public final class PaymentSandbox extends SandboxProvider {

    public PaymentSandbox(int port, Settings settings) throws IOException {
        super("payments", "/v1/payments", "pay_", port, settings);
    }

    @Override
    protected String validate(Map<String, Object> request) {
        Object amount = request.get("amount");
        Object minor = request.get("amountMinor");
        if ((amount == null) == (minor == null)) {
            return "give exactly one of 'amount' (decimal string) or 'amountMinor' (integer minor units)";
        }
        try {
            BigDecimal value = amount != null ? new BigDecimal(amount.toString()) : new BigDecimal(minor.toString());
            if (minor != null && value.scale() > 0) {
                return "'amountMinor' must be an integer";
            }
            if (value.signum() <= 0) {
                return "the amount must be positive";
            }
        } catch (NumberFormatException e) {
            return "the amount is not a number";
        }
        if (amount instanceof Number) {
            return "'amount' must be a decimal string, never a floating point number";
        }
        Object currency = request.get("currency");
        if (currency == null || !currency.toString().matches("[A-Z]{3}")) {
            return "'currency' must be an ISO 4217 code";
        }
        Object iban = request.get("creditorIban");
        if (iban == null || iban.toString().isBlank()) {
            return "'creditorIban' is required";
        }
        return null;
    }

    @Override
    protected String initialStatus() {
        return "PENDING";
    }

    @Override
    protected Outcome outcome(Map<String, Object> request) {
        Map<String, Object> details = new LinkedHashMap<>();
        String iban = request.get("creditorIban").toString().replace(" ", "");
        if (iban.endsWith("0000")) {
            details.put("rejectedAt", Instant.now().toString());
            details.put("reason", "ACCOUNT_CLOSED");
            return new Outcome("REJECTED", details);
        }
        details.put("settledAt", Instant.now().toString());
        return new Outcome("SETTLED", details);
    }

    @Override
    protected String eventType(String finalStatus) {
        return "payment." + finalStatus.toLowerCase();
    }
}
