package org.pledge.feedback.survey.web;

import java.util.Map;

import org.pledge.feedback.survey.query.TrackedCases;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What feedback-service knows so far, for operations. */
@RestController
class FeedbackSummaryController {

    private final TrackedCases cases;

    FeedbackSummaryController(TrackedCases cases) {
        this.cases = cases;
    }

    record Summary(long casesTracked, Map<String, Long> casesByServiceType) {
    }

    @GetMapping("/api/feedback/summary")
    Summary summary() {
        Map<String, Long> byType = cases.countByServiceType();
        return new Summary(byType.values().stream().mapToLong(Long::longValue).sum(), byType);
    }
}
