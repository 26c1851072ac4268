package org.pledge.guarantee.payout.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pledge.guarantee.payout.api.ProviderRefundStatus;
import org.pledge.guarantee.payout.api.RecordProviderRefundStatusCommand;
import org.pledge.guarantee.payout.integration.PaymentProperties;
import org.pledge.platform.web.CallbackSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's callbacks: {@code POST /callbacks/payments}, no token, authenticated by the HMAC signature
 * over the exact raw bytes ({@link CallbackSignature}). A verified {@code refund.settled} / {@code refund.rejected} /
 * {@code refund.pending} goes to the refund's {@code ProviderRefund}, which decides what it changes (a duplicate or
 * a status that arrives late changes nothing); the provider gets 204 once it is recorded, and retries otherwise.
 * Other event types are acknowledged and ignored. Nothing of the body is logged.
 *
 * <p>Hidden from the API description ({@link Hidden}): it is the provider's webhook, not the clients' API, and its
 * contract (the signature over the raw bytes) is in docs/payouts.md. The annotations below still describe it.
 */
@RestController
@Hidden
@Tag(name = "payment callbacks")
class PaymentCallbackController {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbackController.class);
    private static final String ID = "[A-Za-z0-9_.:-]{1,64}";

    private final CommandGateway commands;
    private final PaymentProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    PaymentCallbackController(CommandGateway commands, PaymentProperties properties, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/callbacks/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "A payment provider's signed callback about a refund",
            description = "Signed with HMAC-SHA256 over \"<X-Signature-Timestamp>.\" + the raw body, with the shared "
                    + "secret pledge.payments.callback-secret. Duplicates and callbacks out of order are harmless: "
                    + "a settled or rejected refund stays so. Body: {\"eventId\", \"type\": \"refund.settled\" | "
                    + "\"refund.rejected\" | \"refund.pending\", \"id\" (the provider's refund id), \"idempotencyKey\" "
                    + "(our refund id), \"status\", \"reason\"?}.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "the provider's event"))),
            responses = {
                    @ApiResponse(responseCode = "204", description = "recorded (or ignored: not about a refund)"),
                    @ApiResponse(responseCode = "400", description = "payment.callback-invalid"),
                    @ApiResponse(responseCode = "401", description = "payment.signature-missing, "
                            + "payment.signature-invalid, payment.signature-stale"),
                    @ApiResponse(responseCode = "404", description = "payment.refund-unknown"),
                    @ApiResponse(responseCode = "413", description = "payment.callback-too-large")})
    ResponseEntity<Void> callback(
            @Parameter(in = ParameterIn.HEADER, name = CallbackSignature.TIMESTAMP, description = "epoch seconds of the signature")
            @RequestHeader(name = CallbackSignature.TIMESTAMP, required = false) String timestamp,
            @Parameter(in = ParameterIn.HEADER, name = CallbackSignature.SIGNATURE, description = "sha256=<hex HMAC>")
            @RequestHeader(name = CallbackSignature.SIGNATURE, required = false) String signature,
            @Parameter(hidden = true) HttpServletRequest request) throws IOException {
        byte[] body = readBounded(request);
        switch (CallbackSignature.verify(properties.callbackSecret(), timestamp, signature, body, clock.instant(),
                properties.callbackTolerance(), properties.callbackClockSkew())) {
            case VALID -> {
            }
            case MISSING -> throw new PaymentCallbackException("signature-missing", HttpStatus.UNAUTHORIZED,
                    "the " + CallbackSignature.TIMESTAMP + " and " + CallbackSignature.SIGNATURE + " headers are required");
            case MALFORMED, MISMATCH -> throw new PaymentCallbackException("signature-invalid", HttpStatus.UNAUTHORIZED,
                    "the signature does not match the body and timestamp");
            case STALE -> throw new PaymentCallbackException("signature-stale", HttpStatus.UNAUTHORIZED,
                    "the signature's timestamp is older than " + properties.callbackTolerance().toSeconds() + " s");
            case FUTURE -> throw new PaymentCallbackException("signature-stale", HttpStatus.UNAUTHORIZED,
                    "the signature's timestamp is in the future");
        }
        JsonNode event = parse(body);
        String type = text(event, "type");
        if (type == null) {
            throw invalid("'type' is required");
        }
        ProviderRefundStatus status = statusOf(type);
        if (status == null) {
            log.info("payment callback of type {} ignored", type.matches(ID) ? type : "(unreadable)");
            return ResponseEntity.noContent().build();
        }
        String refundId = text(event, "idempotencyKey");
        String providerId = text(event, "id");
        String eventId = text(event, "eventId");
        if (refundId == null || !refundId.matches(ID)) {
            throw invalid("'idempotencyKey' (the refund id) is required");
        }
        if (providerId != null && !providerId.matches(ID)) {
            throw invalid("'id' is not a provider id");
        }
        if (eventId != null && !eventId.matches(ID)) {
            throw invalid("'eventId' is not an event id");
        }
        String reason = text(event, "reason");
        if (reason != null && !reason.matches("[A-Za-z0-9_.:-]{1,64}")) {
            reason = "UNREADABLE_REASON";
        }
        try {
            commands.sendAndWait(new RecordProviderRefundStatusCommand(refundId, providerId, status, reason, "callback",
                    eventId, clock.instant()));
        } catch (AggregateNotFoundException e) {
            throw new PaymentCallbackException("refund-unknown", HttpStatus.NOT_FOUND, "no refund with that idempotency key");
        }
        log.info("payment callback {} for refund {} recorded", type, refundId);
        return ResponseEntity.noContent().build();
    }

    private static ProviderRefundStatus statusOf(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "refund.settled" -> ProviderRefundStatus.SETTLED;
            case "refund.rejected" -> ProviderRefundStatus.REJECTED;
            case "refund.pending", "refund.accepted" -> ProviderRefundStatus.PENDING;
            default -> null;
        };
    }

    private byte[] readBounded(HttpServletRequest request) throws IOException {
        int max = properties.callbackMaxBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        }
    }

    private static PaymentCallbackException tooLarge(int max) {
        return new PaymentCallbackException("callback-too-large", HttpStatus.PAYLOAD_TOO_LARGE,
                "a callback body holds at most " + max + " bytes");
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw invalid("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid("the body is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static PaymentCallbackException invalid(String detail) {
        return new PaymentCallbackException("callback-invalid", HttpStatus.BAD_REQUEST, detail);
    }
}
