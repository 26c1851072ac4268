package org.pledge.cases.casefile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.platform.validation.TextRules;

/** Bodies of the case transition endpoints. */
final class CaseCommandRequests {

    static final String REASON_CODE = "[a-z0-9][a-z0-9._-]{0,63}";

    private CaseCommandRequests() {
    }

    @Schema(name = "AssignmentRequest")
    record Assignment(@Schema(description = "The caseworker's id") @NotBlank @Size(max = 128)
                      @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String assignee) {
    }

    @Schema(name = "InformationRequest")
    record InformationRequest(
            @Schema(description = "Lower-case reason code, e.g. missing-photo", example = "missing-photo")
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}") String reasonCode) {
    }

    @Schema(name = "ResolutionRequest")
    record Resolution(@NotNull Outcome outcome,
                      @Schema(description = "The decision's note (internal); line breaks allowed (stored as \\n), no other control characters")
                      @NotBlank @Size(max = 4000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String note,
                      @Schema(description = "Optional lower-case reason code of the decision, published with pledge.case.resolved.v1, "
                              + "e.g. fraud for a refusal for fraud (a guarantee policy may exclude it)", example = "fraud")
                      @Size(max = 64) @Pattern(regexp = REASON_CODE, message = "must be a lower-case code such as fraud") String reasonCode) {
    }

    @Schema(name = "WithdrawalRequest")
    record Withdrawal(@Schema(description = "Line breaks allowed (stored as \\n), no other control characters")
                      @NotBlank @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason) {
    }

    @Schema(name = "ReopeningRequest")
    record Reopening(@Schema(description = "Line breaks allowed (stored as \\n), no other control characters")
                     @NotBlank @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason) {
    }
}
