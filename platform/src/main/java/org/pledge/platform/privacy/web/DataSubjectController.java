package org.pledge.platform.privacy.web;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.privacy.ErasureRecord;
import org.pledge.platform.privacy.api.ErasureReason;
import org.pledge.platform.privacy.api.RequestedThrough;
import org.pledge.platform.security.ActorMetadata;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A data subject's erasure in this service (role {@code admin}, by the platform's security filter chain): erase it
 * (crypto-shredding: {@link DataSubjectErasures}) and read whether and when it was erased. No personal data either way.
 */
@RestController
@RequestMapping("/api/data-subjects")
@Tag(name = "Data subjects", description = "Erase a person's personal data (their key is deleted) and see whether they are erased")
public class DataSubjectController {

    private final DataSubjectErasures erasures;

    public DataSubjectController(DataSubjectErasures erasures) {
        this.erasures = erasures;
    }

    @Schema(name = "DataSubject", description = "Whether a data subject is erased in this service, and how (no personal data)")
    public record DataSubjectView(
            @Schema(description = "The data subject's reference (the channel's opaque reference, e.g. a case's applicantReference)")
            String subjectRef,
            @Schema(description = "Whether the subject is erased here: its key is deleted, and its data reads as \"[erased]\"")
            boolean erased,
            @Schema(description = "When this service deleted the key (the first erasure); null when not erased") Instant erasedAt,
            @Schema(description = "Why: subject-request, retention or legal-obligation; null when not erased") String reason,
            @Schema(description = "Who asked: an admin's subject, this service's retention, or the service whose erasure this one followed")
            String erasedBy,
            @Schema(description = "api (this endpoint), retention, or pledge.privacy.v1 (another service's erasure, received)")
            String requestedThrough,
            @Schema(description = "Every step done: read models scrubbed and the erasure recorded in the event store (and so "
                    + "published, unless it came from another service)") boolean completed) {

        static DataSubjectView of(String subjectRef, ErasureRecord record) {
            return record == null ? new DataSubjectView(subjectRef, false, null, null, null, null, false)
                    : new DataSubjectView(record.subjectRef(), true, record.erasedAt(), record.reason(), record.erasedBy(),
                    record.requestedThrough(), record.completed());
        }
    }

    @DeleteMapping("/{subjectRef}")
    @Operation(operationId = "eraseDataSubject", summary = "Erase a data subject's personal data",
            description = "Deletes the subject's key (what this service stored of the subject then reads as \"[erased]\", "
                    + "and what it stores for the subject from now on is stored as \"[erased]\"), scrubs the read models that "
                    + "held its data, records the erasure in the event store and publishes "
                    + "pledge.privacy.data-subject-erased.v1, so that every other service erases its copies too. "
                    + "Idempotent: a repeat (with any reason) answers the first erasure's record, 200.")
    @ApiResponse(responseCode = "200", description = "Erased (now or before): the erasure's record")
    @ApiResponse(responseCode = "400", description = "`privacy.invalid-reason` (the reason is not one of the codes), "
            + "`request.parameter-missing` (no reason), or `request.validation-failed` (a subject reference that is too long "
            + "or has control characters)")
    public DataSubjectView erase(
            @Parameter(description = "The data subject's reference, e.g. a case's applicantReference")
            @PathVariable @Size(max = 128) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String subjectRef,
            @Parameter(description = "Why: subject-request, retention or legal-obligation",
                    schema = @Schema(allowableValues = {"subject-request", "retention", "legal-obligation"}))
            @RequestParam String reason) {
        ErasureReason why = ErasureReason.ofCode(reason).orElseThrow(InvalidReasonException::new);
        CurrentActor actor = CurrentActor.current().orElseThrow();
        Map<String, Object> metaData = Map.of(ActorMetadata.ACTOR, actor.subject(),
                ActorMetadata.ACTOR_ROLES, String.join(",", actor.roles()),
                ActorMetadata.CLIENT, actor.client() == null ? "" : actor.client(),
                ActorMetadata.CORRELATION_ID, actor.correlationId() == null ? "" : actor.correlationId());
        return DataSubjectView.of(subjectRef, erasures.erase(subjectRef, why, actor.subject(), RequestedThrough.API, metaData));
    }

    @GetMapping("/{subjectRef}")
    @Operation(operationId = "getDataSubject", summary = "Whether a data subject is erased here, and when",
            description = "A subject this service never heard of is not erased (200, erased false). No personal data.")
    @ApiResponse(responseCode = "200", description = "The subject's erasure status")
    public DataSubjectView status(
            @Parameter(description = "The data subject's reference")
            @PathVariable @Size(max = 128) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String subjectRef) {
        return DataSubjectView.of(subjectRef, erasures.status(subjectRef).orElse(null));
    }

    static class InvalidReasonException extends PledgeException {
        InvalidReasonException() {
            super("privacy.invalid-reason", HttpStatus.BAD_REQUEST,
                    "reason must be one of " + String.join(", ", ErasureReason.CODES));
        }
    }
}
