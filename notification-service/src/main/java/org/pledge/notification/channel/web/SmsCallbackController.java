package org.pledge.notification.channel.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.pledge.notification.channel.api.DeliveryReceipt;
import org.pledge.notification.channel.api.DeliveryReceipts;
import org.pledge.notification.channel.sms.SmsProperties;
import org.pledge.notification.channel.sms.SmsSender;
import org.pledge.platform.web.CallbackSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS provider's delivery receipts: {@code POST /api/callbacks/sms}, no token, authenticated by the HMAC signature
 * over the exact raw bytes ({@link CallbackSignature}, with {@code pledge.sms.callback-secret}), checked before the body
 * is parsed. A verified {@code sms.delivered} / {@code sms.failed} becomes a {@link DeliveryReceipt} for
 * {@link DeliveryReceipts} (the delivery feature decides what it changes: a duplicate or late receipt changes nothing);
 * the provider gets 204 once it is recorded, and retries otherwise. Other event types are acknowledged and ignored.
 * PERSONAL DATA: the body carries the number and the text; nothing of it is logged but our reference and the type.
 *
 * <p>Hidden from the API description ({@link Hidden}), as guarantee-service's payment callbacks: it is the provider's
 * webhook, not the clients' API; its contract is in docs/notification-channels.md.
 */
@RestController
@Hidden
@Tag(name = "sms receipts")
class SmsCallbackController {

    private static final Logger log = LoggerFactory.getLogger(SmsCallbackController.class);
    private static final String ID = "[A-Za-z0-9_.:-]{1,128}";

    private final ObjectProvider<DeliveryReceipts> receipts;
    private final SmsProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    SmsCallbackController(ObjectProvider<DeliveryReceipts> receipts, SmsProperties properties, ObjectMapper json, Clock clock) {
        this.receipts = receipts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/api/callbacks/sms", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "The SMS provider's signed delivery receipt",
            description = "Signed with HMAC-SHA256 over \"<X-Signature-Timestamp>.\" + the raw body, with the shared secret "
                    + "pledge.sms.callback-secret. Body: {\"eventId\", \"type\": \"sms.delivered\" | \"sms.failed\", \"id\" (the "
                    + "provider's message id), \"idempotencyKey\" (our reference), \"status\", \"deliveredAt\" | \"failedAt\", "
                    + "\"reason\"?}. Duplicates are harmless.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "the provider's event"))),
            responses = {
                    @ApiResponse(responseCode = "204", description = "recorded (or ignored: not a final status)"),
                    @ApiResponse(responseCode = "400", description = "sms.callback-invalid"),
                    @ApiResponse(responseCode = "401", description = "sms.signature-missing, sms.signature-invalid, "
                            + "sms.signature-stale, sms.signature-future"),
                    @ApiResponse(responseCode = "404", description = "sms.reference-unknown"),
                    @ApiResponse(responseCode = "413", description = "sms.callback-too-large"),
                    @ApiResponse(responseCode = "503", description = "sms.receipts-unavailable")})
    ResponseEntity<Void> receipt(
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
            case MISSING -> throw new SmsCallbackException("signature-missing", HttpStatus.UNAUTHORIZED,
                    "the " + CallbackSignature.TIMESTAMP + " and " + CallbackSignature.SIGNATURE + " headers are required");
            case MALFORMED, MISMATCH -> throw new SmsCallbackException("signature-invalid", HttpStatus.UNAUTHORIZED,
                    "the signature does not match the body and timestamp");
            case STALE -> throw new SmsCallbackException("signature-stale", HttpStatus.UNAUTHORIZED,
                    "the signature's timestamp is older than " + properties.callbackTolerance().toSeconds() + " s");
            case FUTURE -> throw new SmsCallbackException("signature-future", HttpStatus.UNAUTHORIZED,
                    "the signature's timestamp is more than " + properties.callbackClockSkew().toSeconds() + " s ahead");
        }
        JsonNode event = parse(body);
        String type = text(event, "type");
        if (type == null) {
            throw invalid("'type' is required");
        }
        Boolean delivered = switch (type.toLowerCase(Locale.ROOT)) {
            case "sms.delivered" -> Boolean.TRUE;
            case "sms.failed" -> Boolean.FALSE;
            default -> null;
        };
        if (delivered == null) {
            log.info("sms receipt of type {} ignored", type.matches(ID) ? type : "(unreadable)");
            return ResponseEntity.noContent().build();
        }
        String reference = text(event, "idempotencyKey");
        String providerId = text(event, "id");
        String eventId = text(event, "eventId");
        if (reference == null || !reference.matches(ID)) {
            throw invalid("'idempotencyKey' (our reference) is required");
        }
        if (providerId == null || !providerId.matches(ID)) {
            throw invalid("'id' (the provider's message id) is required");
        }
        if (eventId != null && !eventId.matches(ID)) {
            throw invalid("'eventId' is not an event id");
        }
        String reason = delivered ? null : SmsSender.reasonCode(text(event, "reason"));
        Instant at = instant(event, delivered ? "deliveredAt" : "failedAt");
        DeliveryReceipts target = receipts.getIfAvailable();
        if (target == null) {
            throw new SmsCallbackException("receipts-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                    "receipts cannot be recorded yet; send it again later");
        }
        try {
            target.record(new DeliveryReceipt(reference, providerId, delivered, reason, at, eventId == null ? providerId + "-" + type : eventId));
        } catch (DeliveryReceipts.UnknownReferenceException e) {
            throw new SmsCallbackException("reference-unknown", HttpStatus.NOT_FOUND, "no message was sent under that reference");
        }
        log.info("sms receipt {} for {} recorded", type, reference);
        return ResponseEntity.noContent().build();
    }

    private Instant instant(JsonNode event, String field) {
        String value = text(event, field);
        if (value == null) {
            value = text(event, "updatedAt");
        }
        if (value != null) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw invalid("'" + field + "' is not an ISO-8601 instant");
            }
        }
        return clock.instant();
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

    private static SmsCallbackException tooLarge(int max) {
        return new SmsCallbackException("callback-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "a receipt holds at most " + max + " bytes");
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

    private static SmsCallbackException invalid(String detail) {
        return new SmsCallbackException("callback-invalid", HttpStatus.BAD_REQUEST, detail);
    }
}
