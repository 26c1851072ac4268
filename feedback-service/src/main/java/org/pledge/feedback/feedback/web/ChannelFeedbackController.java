package org.pledge.feedback.feedback.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.feedback.intake.ChannelFeedbackService;
import org.pledge.feedback.feedback.query.FeedbackDocument;
import org.pledge.feedback.feedback.query.FeedbackEntries;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.IdempotencyKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Feedback given at a channel (channel role), and a case's feedback for its caseworker (caseworker, auditor). */
@RestController
@Validated
@Tag(name = "Feedback", description = "Client feedback and surveys")
class ChannelFeedbackController {

    private final ChannelFeedbackService feedback;
    private final FeedbackEntries entries;

    ChannelFeedbackController(ChannelFeedbackService feedback, FeedbackEntries entries) {
        this.feedback = feedback;
        this.entries = entries;
    }

    @Schema(name = "ChannelFeedback", description = "Feedback a client gave at a channel")
    record ChannelFeedbackBody(@Schema(allowableValues = {"KIOSK", "CALL_CENTRE", "WEB_FORM"}) @NotNull FeedbackChannel channel,
                               @Schema(description = "The case it is about, when known: its service type, client and timeliness are the case's")
                               @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String caseId,
                               @Schema(description = "Required without a case", example = "PASSPORT")
                               @Pattern(regexp = "[A-Z0-9_-]{1,64}") String serviceType,
                               @Schema(description = "The client's language (BCP 47), when known", example = "fr-CA")
                               @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}") String language,
                               @Schema(description = "CSAT rating, 1 to 5", example = "2") @NotNull Integer rating,
                               @Schema(description = "Customer effort score, 1 to 7, optional") Integer effort,
                               @Schema(description = "Optional, at most 2,000 characters; HTML stripped and personal data masked before it is stored")
                               @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String comment,
                               @Schema(description = "Pain-point tag codes (GET /api/pain-point-tags)") @Size(max = 50) List<String> painPoints,
                               @Schema(description = "The client agrees to be contacted") Boolean consentToContact) {
    }

    @Schema(name = "ChannelFeedbackReceipt")
    record ReceiptView(String feedbackId, String caseId, String serviceType, Timeliness timeliness, Instant receivedAt,
                       @Schema(description = "Someone will contact the client (a low rating with consent about a known client)")
                       boolean followUpRequested) {
    }

    @Schema(name = "Feedback", description = "One answer, its comment masked")
    record FeedbackView(String feedbackId, String caseId, String serviceType, FeedbackChannel channel, int rating, Integer effort,
                        @Schema(description = "Sanitised and masked; `[erased]` once the client's data was erased") String comment,
                        List<String> painPoints, boolean consentToContact, Timeliness timeliness, boolean followUpRequested,
                        Instant receivedAt) {

        static FeedbackView of(FeedbackDocument d) {
            return new FeedbackView(d.feedbackId(), d.caseId(), d.serviceType(), FeedbackChannel.valueOf(d.channel()), d.rating(), d.effort(),
                    d.comment(), d.painPoints() == null ? List.of() : d.painPoints(), d.consentToContact(), Timeliness.valueOf(d.timeliness()),
                    d.followUpRequested(), d.receivedAt());
        }
    }

    @Schema(name = "FeedbackPage", description = "A page of a case's feedback, newest first")
    record FeedbackPage(List<FeedbackView> items, int page, int size, long total) {
    }

    @PostMapping("/api/feedback")
    @Operation(operationId = "giveChannelFeedback", summary = "Record feedback given at a channel",
            description = "A kiosk, a call-centre agent or a web form. Idempotent by `Idempotency-Key` per channel client: the same "
                    + "key and answer again is 200 and records nothing; the same key with another answer is 409.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "200", description = "The same answer under the same key was recorded before")
    @ApiResponse(responseCode = "400", description = "`request.validation-failed` (with the field path) or `request.malformed`")
    @ApiResponse(responseCode = "409", description = "`feedback.idempotency-key-reused`: the key was used with another answer")
    @ApiResponse(responseCode = "422", description = "`feedback.rating-out-of-range`, `feedback.effort-out-of-range`, "
            + "`feedback.comment-too-long`, `feedback.unknown-pain-point`, `feedback.invalid-channel`, `feedback.unknown-case`, "
            + "`feedback.service-type-required` (with `field`)")
    ResponseEntity<ReceiptView> give(
            @Parameter(description = "Client-chosen key (at most 128 characters), per channel client: a retry with the same key and "
                    + "body records nothing twice") @RequestHeader(IdempotencyKey.HEADER)
            @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
            @Valid @RequestBody ChannelFeedbackBody body, Principal principal) {
        ChannelFeedbackService.Recorded recorded = feedback.give(principal.getName(), key, new ChannelFeedbackService.ChannelAnswer(
                body.channel(), body.caseId(), body.serviceType(), body.language(), body.rating(), body.effort(), body.comment(),
                body.painPoints(), Boolean.TRUE.equals(body.consentToContact())));
        ReceiptView view = new ReceiptView(recorded.feedbackId(), recorded.caseId(), recorded.serviceType(), recorded.timeliness(),
                recorded.receivedAt(), recorded.followUpRequested());
        return recorded.created()
                ? ResponseEntity.created(URI.create("/api/feedback?caseId=" + (recorded.caseId() == null ? "" : recorded.caseId()))).body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }

    @GetMapping("/api/feedback")
    @Operation(operationId = "listCaseFeedback", summary = "List a case's feedback, newest first, a page at a time",
            description = "Survey answers and channel feedback about the case: rating, effort, tags, channel, consent, the masked "
                    + "comment and when.")
    FeedbackPage list(@Parameter(description = "The case") @RequestParam @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String caseId,
                      @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                      @Parameter(description = "Answers per page (1..200)") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return new FeedbackPage(entries.page(caseId, page, size).stream().map(FeedbackView::of).toList(), page, size, entries.count(caseId));
    }
}
