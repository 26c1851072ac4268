package org.pledge.cases.casefile.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.cases.casefile.api.CaseIds;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.OpenFollowUpCaseCommand;
import org.pledge.cases.casefile.query.CaseOrigins;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.web.IdempotencyKey;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A caseworker opens a follow-up case linked to an earlier case ({@code FOLLOW_UP} cases are never submitted through
 * {@code POST /api/cases}). The follow-up belongs to the earlier case's owner and copies its applicant, as a follow-up
 * requested through feedback does; its fee is zero (a follow-up is not a new application).
 *
 * <p>A case whose client was erased ({@code DELETE /api/data-subjects/{reference}}) gets no follow-up: 409
 * {@code case.applicant-erased}, since the follow-up would copy a client that is gone.
 *
 * <p>Idempotent: the follow-up's id is derived from the earlier case, the caseworker and the {@code Idempotency-Key}
 * ({@link CaseIds#forFollowUp}), so a retry opens nothing new and answers the same case; the key is also remembered
 * with the body ({@link CommandKeys}), so the same key with another body is 409 {@code case.idempotency-key-reused}.
 * Like every write, it answers once the new case can be read ({@link CaseWrites}), with the new case's version as
 * {@code ETag}.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/follow-ups")
@Tag(name = "Case transitions")
class FollowUpController {

    private final CaseWrites writes;
    private final CommandKeys keys;
    private final CaseOrigins origins;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    FollowUpController(CaseWrites writes, CommandKeys keys, CaseOrigins origins, ObjectMapper objectMapper, Clock clock) {
        this.writes = writes;
        this.keys = keys;
        this.origins = origins;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Schema(name = "FollowUpRequest")
    record FollowUpRequest(
            @Schema(description = "Why the follow-up is opened: a lower-case reason code", example = "client-called-back")
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a lower-case reason code such as client-called-back")
            String reasonCode,
            @Schema(description = "The follow-up's service type; default: the earlier case's", example = "PASSPORT")
            @Size(max = 64) @Pattern(regexp = SubmitCaseRequest.CODE_PATTERN, message = "must be a service type code such as PASSPORT")
            String serviceType) {
    }

    record Opened(String caseId) {
    }

    @PostMapping
    @Operation(operationId = "openFollowUpCase", summary = "Open a follow-up case linked to this case",
            description = "The follow-up belongs to the earlier case's owner and copies its applicant; fee zero. "
                    + "A retry with the same Idempotency-Key and body answers the same case (201, Idempotent-Replayed: true).")
    @ApiResponse(responseCode = "201", description = "Opened (or the same follow-up again for a retried key); a GET right after it "
            + "shows the new case", headers = @Header(name = "ETag", description = "The new case's version, W/\"<n>\""))
    @ApiResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "case.not-found: no such earlier case", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "case.idempotency-key-reused, case.request-in-progress, or "
            + "case.applicant-erased (the earlier case's client was erased: there is nobody to follow up with)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "e.g. case.service-type-unknown", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Opened> open(@PathVariable @Size(max = 64) String caseId,
                                @Parameter(description = CaseCommandsController.KEY_DOC) @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                @Valid @RequestBody FollowUpRequest body) {
        CaseSubmittedEvent earlier = origins.submission(caseId).orElseThrow(() -> new CaseController.CaseNotFoundException(caseId));
        if (earlier.applicant() != null && earlier.applicant().erased()) {
            throw new ApplicantErasedException(caseId);
        }
        String owner = origins.find(caseId).orElseThrow(() -> new CaseController.CaseNotFoundException(caseId)).owner();
        CurrentActor actor = CurrentActor.current().orElseThrow();
        String requestId = requestId(caseId, actor.subject(), key);
        String followUpCaseId = CaseIds.forFollowUp(requestId);
        URI location = URI.create("/api/cases/" + followUpCaseId);
        CommandKeys.Claim claim = keys.claim(caseId, key, hash(body), clock.instant());
        if (claim.replay()) {
            ResponseEntity.BodyBuilder replayed = ResponseEntity.created(location).header("Idempotent-Replayed", "true");
            claim.version().ifPresent(v -> replayed.eTag(CaseWrites.etag(v)));
            return replayed.body(new Opened(followUpCaseId));
        }
        String serviceType = body.serviceType() == null ? earlier.serviceTypeCode() : body.serviceType();
        String currency = earlier.feePaid() == null ? "CAD" : earlier.feePaid().currency();
        OptionalLong version;
        try {
            version = writes.send(followUpCaseId, new OpenFollowUpCaseCommand(requestId, caseId, body.reasonCode(), serviceType,
                    clock.instant(), earlier.applicant(), Money.zero(currency), owner));
        } catch (RuntimeException e) {
            keys.release(claim);
            throw e;
        }
        keys.complete(claim, version);
        ResponseEntity.BodyBuilder created = ResponseEntity.created(location);
        version.ifPresent(v -> created.eTag(CaseWrites.etag(v)));
        return created.body(new Opened(followUpCaseId));
    }

    static class ApplicantErasedException extends PledgeException {
        ApplicantErasedException(String caseId) {
            super("case.applicant-erased", HttpStatus.CONFLICT, "the client of case " + caseId
                    + " was erased (their personal data is deleted): there is nobody to follow up with");
        }
    }

    /** The follow-up request's id: a name-based UUID of the earlier case, the caseworker and the key. */
    static String requestId(String caseId, String caseworker, String key) {
        return "caseworker-" + UUID.nameUUIDFromBytes(("pledge:case:caseworker-follow-up:" + caseId + "\u0000" + caseworker + "\u0000" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private String hash(FollowUpRequest body) {
        try {
            String canonical = "follow-ups\n" + objectMapper.writeValueAsString(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
