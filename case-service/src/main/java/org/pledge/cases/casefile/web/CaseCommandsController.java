package org.pledge.cases.casefile.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.RecordInformationReceivedCommand;
import org.pledge.cases.casefile.api.ReopenCaseCommand;
import org.pledge.cases.casefile.api.RequestInformationCommand;
import org.pledge.cases.casefile.api.ResolveCaseCommand;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.cases.casefile.api.WithdrawCaseCommand;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.cases.casefile.query.CaseOrigins;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.web.IdempotencyKey;
import org.pledge.platform.validation.TextRules;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case transitions (caseworker; withdrawal also the channel the case belongs to: the one that submitted it, or for a
 * follow-up the earlier case's). Each answers 204 once the event is stored and the case's read model shows it (so a
 * GET right after it shows the change), with the case's version as {@code ETag}. Every endpoint requires an {@code Idempotency-Key} header, remembered per case and key
 * ({@link CommandKeys}): a retry of the same request answers 204 again without sending the command (header
 * {@code Idempotent-Replayed: true}); the same key with another request is 409 {@code case.idempotency-key-reused}.
 * Assignment is also naturally idempotent: assigning the current assignee records nothing.
 * A transition the case's state does not allow is 409 {@code case.invalid-transition}; an unknown case is 404.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Case transitions", description = "Progress a case. Idempotency-Key required; time comes from the server's clock.")
@ApiResponse(responseCode = "204", description = "Done (or a replay of a done request: header `Idempotent-Replayed: true`); "
        + "a GET right after it shows the change",
        headers = {@Header(name = "Idempotent-Replayed", description = "`true` when this answers a retry without acting again",
                schema = @Schema(type = "string", allowableValues = "true")),
                @Header(name = "ETag", description = "The case's version after the command, `W/\"<n>\"`",
                        schema = @Schema(type = "string"))})
@ApiResponse(responseCode = "404", description = "`case.not-found`: no such case")
@ApiResponse(responseCode = "409", description = "`case.invalid-transition` (not allowed in the case's current state), "
        + "`case.idempotency-key-reused` (the key was used with another request) or `case.request-in-progress` (a request "
        + "with the same key is still running)")
class CaseCommandsController {

    static final String KEY_DOC = "Client-chosen key (at most 128 characters), remembered per case: a retry with the same key and body "
            + "is answered as before without acting twice";

    private final CaseWrites writes;
    private final CommandKeys keys;
    private final CaseOrigins origins;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    CaseCommandsController(CaseWrites writes, CommandKeys keys, CaseOrigins origins, ObjectMapper objectMapper, Clock clock) {
        this.writes = writes;
        this.keys = keys;
        this.origins = origins;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @PostMapping("/assignment")
    @Operation(operationId = "assignCase", summary = "Assign or reassign the case",
            description = "SUBMITTED → ASSIGNED; any open state for reassignment. Assigning the current assignee records nothing.")
    ResponseEntity<Void> assign(@PathVariable @Size(max = 64) String caseId, @Parameter(description = KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                @Valid @RequestBody CaseCommandRequests.Assignment body) {
        return run(caseId, key, "assignment", body, now -> new AssignCaseCommand(caseId, TextRules.singleLine(body.assignee()), now));
    }

    @PostMapping("/work-started")
    @Operation(operationId = "startWorkOnCase", summary = "Start work on an assigned case", description = "ASSIGNED → IN_PROGRESS; no body.")
    ResponseEntity<Void> startWork(@PathVariable @Size(max = 64) String caseId, @Parameter(description = KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key) {
        return run(caseId, key, "work-started", null, now -> new StartWorkOnCaseCommand(caseId, now));
    }

    @PostMapping("/information-requests")
    @Operation(operationId = "requestInformation", summary = "Ask the client for information",
            description = "IN_PROGRESS → AWAITING_INFORMATION; the service-standard clock pauses.")
    ResponseEntity<Void> requestInformation(@PathVariable @Size(max = 64) String caseId, @Parameter(description = KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                            @Valid @RequestBody CaseCommandRequests.InformationRequest body) {
        return run(caseId, key, "information-requests", body, now -> new RequestInformationCommand(caseId, body.reasonCode(), now));
    }

    @PostMapping("/information-received")
    @Operation(operationId = "recordInformationReceived", summary = "Record that the information arrived",
            description = "AWAITING_INFORMATION → IN_PROGRESS; the service-standard clock resumes; no body.")
    ResponseEntity<Void> informationReceived(@PathVariable @Size(max = 64) String caseId, @Parameter(description = KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key) {
        return run(caseId, key, "information-received", null, now -> new RecordInformationReceivedCommand(caseId, now));
    }

    @PostMapping("/resolution")
    @Operation(operationId = "resolveCase", summary = "Decide the case", description = "IN_PROGRESS or AWAITING_INFORMATION → RESOLVED.")
    ResponseEntity<Void> resolve(@PathVariable @Size(max = 64) String caseId, @Parameter(description = KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                 @Valid @RequestBody CaseCommandRequests.Resolution body) {
        return run(caseId, key, "resolution", body, now -> new ResolveCaseCommand(caseId, body.outcome(), TextRules.multiLine(body.note()), now,
                body.reasonCode()));
    }

    @PostMapping("/withdrawal")
    @Operation(operationId = "withdrawCase", summary = "Withdraw an open case",
            description = "A caseworker, or the channel the case belongs to (for another channel's case: 404).")
    ResponseEntity<Void> withdraw(@PathVariable @Size(max = 64) String caseId, @Parameter(description = KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                  @Valid @RequestBody CaseCommandRequests.Withdrawal body) {
        CurrentActor actor = CurrentActor.current().orElseThrow();
        boolean caseworker = actor.roles().contains("caseworker");
        if (!caseworker) {
            // a channel withdraws only its own cases; another channel's case does not exist for it
            String owner = origins.find(caseId).map(CaseOrigins.CaseOrigin::owner)
                    .orElseThrow(() -> new CaseController.CaseNotFoundException(caseId));
            if (!actor.subject().equals(owner)) {
                throw new CaseController.CaseNotFoundException(caseId);
            }
        }
        WithdrawnBy by = caseworker ? WithdrawnBy.CASEWORKER : WithdrawnBy.CHANNEL;
        return run(caseId, key, "withdrawal", body, now -> new WithdrawCaseCommand(caseId, by, TextRules.multiLine(body.reason()), now));
    }

    @PostMapping("/reopening")
    @Operation(operationId = "reopenCase", summary = "Reopen a resolved case",
            description = "RESOLVED → IN_PROGRESS; the time it was closed counts as a pause.")
    ResponseEntity<Void> reopen(@PathVariable @Size(max = 64) String caseId, @Parameter(description = KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                @Valid @RequestBody CaseCommandRequests.Reopening body) {
        return run(caseId, key, "reopening", body, now -> new ReopenCaseCommand(caseId, TextRules.multiLine(body.reason()), now));
    }

    private ResponseEntity<Void> run(String caseId, String key, String action, Object body, Function<java.time.Instant, Object> command) {
        CommandKeys.Claim claim = keys.claim(caseId, key, hash(action, body), clock.instant());
        if (claim.replay()) {
            ResponseEntity.HeadersBuilder<?> replayed = ResponseEntity.noContent().header("Idempotent-Replayed", "true");
            claim.version().ifPresent(v -> replayed.eTag(CaseWrites.etag(v)));
            return replayed.build();
        }
        OptionalLong version;
        try {
            version = writes.send(caseId, command.apply(clock.instant()));
        } catch (RuntimeException e) {
            keys.release(claim);
            throw e;
        }
        keys.complete(claim, version);
        ResponseEntity.HeadersBuilder<?> done = ResponseEntity.noContent();
        version.ifPresent(v -> done.eTag(CaseWrites.etag(v)));
        return done.build();
    }

    private String hash(String action, Object body) {
        try {
            String canonical = action + "\n" + (body == null ? "" : objectMapper.writeValueAsString(body));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
