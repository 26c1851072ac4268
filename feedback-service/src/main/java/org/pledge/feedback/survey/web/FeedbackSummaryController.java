package org.pledge.feedback.survey.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pledge.feedback.survey.query.SurveyInvitations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What feedback-service knows so far, for operations. */
@RestController
@Tag(name = "Feedback", description = "Client feedback and surveys")
class FeedbackSummaryController {

    private final SurveyInvitations invitations;

    FeedbackSummaryController(SurveyInvitations invitations) {
        this.invitations = invitations;
    }

    @Schema(name = "FeedbackSummary")
    record Summary(@Schema(description = "Cases feedback-service will survey") long casesTracked,
                   @Schema(description = "The same cases by service type code") Map<String, Long> casesByServiceType) {
    }

    @GetMapping("/api/feedback/summary")
    @Operation(operationId = "getFeedbackSummary", summary = "Read what feedback-service knows so far",
            description = "The cases it will survey, in all and by service type.")
    Summary summary() {
        Map<String, Long> byType = invitations.countByServiceType();
        return new Summary(byType.values().stream().mapToLong(Long::longValue).sum(), byType);
    }
}
