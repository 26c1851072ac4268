package org.pledge.local.sandbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sandbox payment provider.
 * <ul>
 * <li>Credit transfers: {@code POST /v1/payments} with an {@code Idempotency-Key} and {@code {"amount":"12.50" |
 *     "amountMinor":1250, "currency":"EUR", "creditorName", "creditorIban", "reference", "callbackUrl"?}}; the payment
 *     is {@code PENDING}, then {@code SETTLED} (or {@code REJECTED} for an IBAN ending in 0000) and a signed
 *     {@code payment.settled} / {@code payment.rejected} callback goes out.</li>
 * <li>Refunds of an earlier payment: {@code POST /v1/refunds} with an {@code Idempotency-Key} and
 *     {@code {"paymentReference", "amount":"30.00", "currency":"CAD", "reference"?, "callbackUrl"?}}; the refund is
 *     {@code PENDING}, then {@code SETTLED} (or {@code REJECTED}, reason {@code PAYMENT_NOT_REFUNDABLE}, for a payment
 *     reference ending in 0000) and a signed {@code refund.settled} / {@code refund.rejected} callback goes out.</li>
 * </ul>
 * Both collections share the port, the failure mode ({@code /admin/mode}) and the callback secret; each keeps its
 * requests ({@code payments.json}, {@code payments-refunds.json}).
 */
public final class PaymentSandbox extends SandboxProvider {

    public PaymentSandbox(int port, Settings settings) throws IOException {
        super("payments", "/v1/payments", "pay_", List.of(new Collection("/v1/refunds", "ref_", "refunds", new Refunds())),
                port, settings);
    }

    /** The refunds collection: {@code /v1/refunds}. */
    static final class Refunds implements RequestKind {

        @Override
        public String validate(Map<String, Object> request) {
            Object reference = request.get("paymentReference");
            if (!(reference instanceof String text) || text.isBlank()) {
                return "'paymentReference' (the payment to refund) is required";
            }
            Object amount = request.get("amount");
            if (!(amount instanceof String decimal)) {
                return "'amount' must be a decimal string, never a floating point number";
            }
            try {
                if (new BigDecimal(decimal).signum() <= 0) {
                    return "the amount must be positive";
                }
            } catch (NumberFormatException e) {
                return "the amount is not a number";
            }
            Object currency = request.get("currency");
            if (currency == null || !currency.toString().matches("[A-Z]{3}")) {
                return "'currency' must be an ISO 4217 code";
            }
            Object callbackUrl = request.get("callbackUrl");
            if (callbackUrl != null && !(callbackUrl instanceof String)) {
                return "'callbackUrl' must be a string";
            }
            return null;
        }

        @Override
        public String initialStatus() {
            return "PENDING";
        }

        @Override
        public Outcome outcome(Map<String, Object> request) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (request.get("paymentReference").toString().trim().endsWith("0000")) {
                details.put("rejectedAt", Instant.now().toString());
                details.put("reason", "PAYMENT_NOT_REFUNDABLE");
                return new Outcome("REJECTED", details);
            }
            details.put("settledAt", Instant.now().toString());
            return new Outcome("SETTLED", details);
        }

        @Override
        public String eventType(String finalStatus) {
            return "refund." + finalStatus.toLowerCase();
        }
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
