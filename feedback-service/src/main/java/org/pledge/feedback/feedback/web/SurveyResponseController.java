package org.pledge.feedback.feedback.web;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.feedback.feedback.api.SurveyAnswers;
import org.pledge.feedback.feedback.intake.SurveyAnswerService;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.platform.validation.TextRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public survey API: the link's signed single-use token authorises one answer, no login. Rate-limited per client
 * address ({@link PublicRateLimitFilter}).
 */
@RestController
@Tag(name = "Surveys", description = "Answering a survey through its link (public: the token authorises)")
class SurveyResponseController {

    /** What a token can look like at all (URL-safe base64 and dots); anything else is not one of ours. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.~-]{1,512}");

    private final SurveyAnswerService answers;

    SurveyResponseController(SurveyAnswerService answers) {
        this.answers = answers;
    }

    @Schema(name = "SurveyForm", description = "What a survey is about, for a form to ask it")
    record FormView(String invitationId, String caseId, @Schema(description = "The case's service type code") String serviceType,
                    @Schema(description = "The client's language (BCP 47), the form's default") String language,
                    @Schema(description = "Until when the link can be answered") Instant expiresAt,
                    @Schema(description = "The pain points the client can name, in admin's order") List<PainPointTag> painPointTags) {
    }

    @Schema(name = "SurveyResponse", description = "A client's answer to a survey")
    record ResponseBody(@Schema(description = "CSAT rating, 1 (very dissatisfied) to 5 (very satisfied)", example = "4")
                        @NotNull Integer rating,
                        @Schema(description = "Customer effort score, 1 (very easy) to 7 (very hard), optional", example = "2") Integer effort,
                        @Schema(description = "Optional, at most 2,000 characters; HTML is stripped and emails, phone, card and account "
                                + "numbers are masked before it is stored")
                        @jakarta.validation.constraints.Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
                        String comment,
                        @Schema(description = "Pain-point tag codes from GET /api/surveys/{token}") @Size(max = 50) List<String> painPoints,
                        @Schema(description = "The client agrees to be contacted about it") Boolean consentToContact) {
    }

    @Schema(name = "SurveyReceipt", description = "The answer as recorded")
    record ReceiptView(String feedbackId, Instant receivedAt,
                       @Schema(description = "Someone will contact the client (a low rating with consent)") boolean followUpRequested) {
    }

    @GetMapping("/api/surveys/{token}")
    @Operation(operationId = "getSurvey", summary = "Read what a survey link asks about",
            description = "Public: the token authorises. Rate-limited per client address (429 with Retry-After).")
    @ApiResponse(responseCode = "200", description = "The survey")
    @ApiResponse(responseCode = "404", description = "`survey.token-invalid`: forged, malformed or for another case")
    @ApiResponse(responseCode = "409", description = "`survey.token-used`: answered already")
    @ApiResponse(responseCode = "410", description = "`survey.token-expired`")
    @ApiResponse(responseCode = "429", description = "`request.rate-limited`: too many requests from this address; see Retry-After")
    FormView survey(@Parameter(description = "The link's token (a credential)") @PathVariable String token) {
        SurveyAnswers.SurveyForm form = answers.open(checked(token));
        return new FormView(form.invitationId(), form.caseId(), form.serviceType(), form.language(), form.expiresAt(), form.painPointTags());
    }

    @PostMapping("/api/surveys/{token}/responses")
    @Operation(operationId = "answerSurvey", summary = "Answer a survey through its link",
            description = "Public: the token authorises exactly one answer. 201 the first time; the same answer again (a retry) "
                    + "is 200 and records nothing; another answer is 409 `survey.token-used`. Rate-limited per client address.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "200", description = "The same answer was recorded before: nothing more recorded")
    @ApiResponse(responseCode = "404", description = "`survey.token-invalid`: forged, malformed or for another case")
    @ApiResponse(responseCode = "409", description = "`survey.token-used`: answered already with another answer")
    @ApiResponse(responseCode = "410", description = "`survey.token-expired`")
    @ApiResponse(responseCode = "413", description = "`request.too-large`")
    @ApiResponse(responseCode = "422", description = "`feedback.rating-out-of-range`, `feedback.effort-out-of-range`, "
            + "`feedback.comment-too-long`, `feedback.unknown-pain-point` (with `field`)")
    @ApiResponse(responseCode = "429", description = "`request.rate-limited`: too many requests from this address; see Retry-After")
    ResponseEntity<ReceiptView> answer(@Parameter(description = "The link's token (a credential)") @PathVariable String token,
                                       @Valid @org.springframework.web.bind.annotation.RequestBody ResponseBody body) {
        SurveyAnswerService.Recorded recorded = answers.record(checked(token), new SurveyAnswers.SurveyAnswer(body.rating(), body.effort(),
                body.comment(), body.painPoints(), Boolean.TRUE.equals(body.consentToContact())));
        SurveyAnswers.AnswerReceipt receipt = recorded.receipt();
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ReceiptView(receipt.feedbackId(), receipt.receivedAt(), receipt.followUpRequested()));
    }

    private static String checked(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new SurveyTokenException(SurveyTokenException.Reason.INVALID, "not a survey token");
        }
        return token;
    }
}
