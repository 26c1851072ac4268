package org.pledge.cases.casefile.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.casefile.query.CaseOrigins;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.casefile.query.CaseSummary;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.web.IdempotencyKey;
import org.pledge.platform.validation.PhoneNumbers;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases: submit (channel, caseworker) and read (caseworker, operations, auditor; a channel its own: the cases it
 * submitted and their follow-ups, which belong to the earlier case's owner); a case's applicant, personal data
 * (caseworker; a channel its own cases').
 *
 * <p>Not {@code @Validated}: Spring MVC's built-in method validation checks the parameter constraints and reports
 * them as a 400 problem ({@code HandlerMethodValidationException}); the AOP interceptor of {@code @Validated} threw
 * {@code ConstraintViolationException}, which became a 500.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Submit and read cases")
class CaseController {

    private final CaseWrites writes;
    private final CaseSummaries summaries;
    private final SubmissionKeys keys;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final CaseViews views;
    private final PhoneNumbers phoneNumbers;
    private final CaseOrigins origins;
    private final DataSubjectErasures erasures;

    CaseController(CaseWrites writes, CaseSummaries summaries, SubmissionKeys keys, ObjectMapper objectMapper, Clock clock,
                   CaseViews views, PhoneNumbers phoneNumbers, CaseOrigins origins, DataSubjectErasures erasures) {
        this.views = views;
        this.origins = origins;
        this.erasures = erasures;
        this.phoneNumbers = phoneNumbers;
        this.writes = writes;
        this.summaries = summaries;
        this.keys = keys;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    record Submitted(String caseId) {
    }

    @PostMapping
    @Operation(operationId = "submitCase", summary = "Submit a case",
            description = "Idempotency-Key required: a retry with the same key and body gives the same case (201 again), "
                    + "the same key with another body is 409. Answers once the case can be read: a GET right after it "
                    + "shows the case.")
    @ApiResponse(responseCode = "201", description = "Submitted (or the same case again for a retried key)",
            headers = {@Header(name = "Location", description = "The case: /api/cases/{caseId}", schema = @Schema(type = "string")),
                    @Header(name = "ETag", description = "The case's version, `W/\"<n>\"`", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "`request.validation-failed` (with the field path, e.g. `applicant.phone` or "
            + "`feePaid.amount`) or `request.malformed`")
    @ApiResponse(responseCode = "409", description = "`case.idempotency-key-reused`: the key was used with another body")
    @ApiResponse(responseCode = "422", description = "A business rule refused it, e.g. `case.service-type-unknown`, "
            + "`case.fee-mismatch`, `case.fee-currency-mismatch`, `case.fee-reduction-invalid`, `case.follow-up-not-submittable`, "
            + "`case.applicant-reference-erased` (the applicant's reference names a client who was erased: a returning client "
            + "needs a new reference)")
    ResponseEntity<Submitted> submit(@RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String idempotencyKey,
                                     @Valid @RequestBody SubmitCaseRequest request) {
        CurrentActor actor = CurrentActor.current().orElseThrow();
        if (erasures.isErased(TextRules.singleLine(request.applicant().reference()))) {
            // nothing is ever stored again for an erased client (it would read as "[erased]"): say so now
            throw new ReferenceErasedException();
        }
        String caseId = keys.caseIdFor(actor.subject(), idempotencyKey, hash(request), clock.instant());
        var a = request.applicant();
        // validated above: texts are stored in NFC without outer blanks, the address with LF line breaks, the phone in E.164
        String phone = a.phone() == null ? null : phoneNumbers.toE164(a.phone(), a.language()).orElseThrow();
        var fee = request.feePaid();
        SubmitCaseCommand command = new SubmitCaseCommand(caseId, request.serviceType(), request.channel(), clock.instant(),
                request.receivedAt(), TextRules.singleLine(request.receivedAtStatedBy()),
                new Applicant(TextRules.singleLine(a.reference()), TextRules.singleLine(a.name()), a.email(), phone,
                        TextRules.multiLine(a.postalAddress()), a.language(), a.preferredChannel()),
                fee == null ? null : Money.of(fee.amount(), fee.currency()), fee == null ? null : fee.reductionReason(),
                request.paymentReference());
        OptionalLong version;
        try {
            version = writes.send(caseId, command);
        } catch (AggregateStreamCreationException e) {
            // a retry of a submission whose case exists already (same key, same body): the same case, as promised
            version = writes.existing(caseId);
        }
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/cases/" + caseId));
        version.ifPresent(v -> created.eTag(CaseWrites.etag(v)));
        return created.body(new Submitted(caseId));
    }

    @GetMapping("/{caseId}")
    @Operation(operationId = "getCase", summary = "Read a case",
            description = "Status, dates, deadline, business days elapsed and remaining, pause, at risk, breach, lateness, "
                    + "links. A channel sees only its own cases: those it submitted and their follow-ups (others are 404).")
    @ApiResponse(responseCode = "200", description = "The case",
            headers = @Header(name = "ETag", description = "The case's version, `W/\"<n>\"`: the sequence number of its last event "
                    + "shown", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "`case.not-found`: no such case (or not the channel's own)")
    ResponseEntity<CaseView> get(@PathVariable @Size(max = 64) String caseId) {
        CaseSummary summary = summaries.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        CurrentActor actor = CurrentActor.current().orElseThrow();
        if (onlyOwnCases(actor) && !actor.subject().equals(summary.owner())) {
            throw new CaseNotFoundException(caseId); // a channel sees only its own cases
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (summary.version() >= 0) {
            ok.eTag(CaseWrites.etag(summary.version()));
        }
        return ok.body(views.of(summary));
    }

    @GetMapping("/{caseId}/applicant")
    @Operation(operationId = "getCaseApplicant", summary = "Read a case's applicant: name and contact points",
            description = "PERSONAL DATA, read from the case's submission in the event store (never kept in a read model or "
                    + "cache). Once the client is erased (DELETE /api/data-subjects/{reference}), name and contact points read "
                    + "\"[erased]\" and `erased` is true. A channel sees only its own cases' applicants (others are 404).")
    @ApiResponse(responseCode = "200", description = "The applicant")
    @ApiResponse(responseCode = "404", description = "`case.not-found`: no such case (or not the channel's own)")
    ApplicantView applicant(@PathVariable @Size(max = 64) String caseId) {
        CurrentActor actor = CurrentActor.current().orElseThrow();
        CaseOrigins.CaseOrigin origin = origins.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (onlyOwnCases(actor) && !actor.subject().equals(origin.owner())) {
            throw new CaseNotFoundException(caseId);
        }
        Applicant a = origins.submission(caseId).orElseThrow(() -> new CaseNotFoundException(caseId)).applicant();
        return new ApplicantView(a.reference(), a.name(), a.email(), a.phone(), a.postalAddress(), a.preferredLanguage(),
                a.preferredChannel() == null ? null : a.preferredChannel().name(), a.erased());
    }

    @Schema(name = "Applicant", description = "A case's client. PERSONAL DATA: name and contact points (\"[erased]\" once the client is erased)")
    record ApplicantView(
            @Schema(description = "The channel's opaque reference for the client: the data subject") String reference,
            @Schema(description = "PERSONAL DATA; \"[erased]\" once erased") String name,
            @Schema(description = "PERSONAL DATA, may be null; \"[erased]\" once erased") String email,
            @Schema(description = "PERSONAL DATA (E.164), may be null; \"[erased]\" once erased") String phone,
            @Schema(description = "PERSONAL DATA, may be null; \"[erased]\" once erased") String postalAddress,
            @Schema(description = "BCP 47 language tag") String language,
            @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String preferredChannel,
            @Schema(description = "Whether the client was erased") boolean erased) {
    }

    @GetMapping
    @Operation(operationId = "listCases", summary = "List cases, newest first, filtered",
            description = "A channel sees only its own cases: those it submitted and their follow-ups.")
    List<CaseView> list(@RequestParam(required = false) CaseStatus status,
                        @RequestParam(required = false) @Size(max = 64) String serviceType,
                        @RequestParam(required = false) Boolean atRisk,
                        @RequestParam(required = false) Boolean breached,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        CurrentActor actor = CurrentActor.current().orElseThrow();
        CaseSummaries.Filter filter = new CaseSummaries.Filter(status == null ? null : status.name(), serviceType, atRisk, breached,
                onlyOwnCases(actor) ? actor.subject() : null);
        return summaries.page(filter, page, size).stream().map(views::of).toList();
    }

    private static boolean onlyOwnCases(CurrentActor actor) {
        return actor.roles().contains("channel")
                && actor.roles().stream().noneMatch(r -> r.equals("caseworker") || r.equals("operations") || r.equals("auditor"));
    }

    private String hash(SubmitCaseRequest request) {
        try {
            byte[] canonical = objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static class ReferenceErasedException extends PledgeException {
        ReferenceErasedException() {
            super("case.applicant-reference-erased", HttpStatus.UNPROCESSABLE_ENTITY, "the applicant's reference names a client "
                    + "who was erased; nothing is stored for an erased client again, so a returning client needs a new reference");
        }
    }

    static class CaseNotFoundException extends PledgeException {
        CaseNotFoundException(String caseId) {
            super("case.not-found", HttpStatus.NOT_FOUND, "no case " + caseId);
        }
    }
}
