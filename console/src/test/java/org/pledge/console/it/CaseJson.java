package org.pledge.console.it;

/**
 * case-service's and notification-service's answers about cases, as JSON, for the cases pages' ITs: a case received
 * Tuesday 1 December 2026 at 9:00 in Toronto (14:00Z) against a 10-business-day standard, due Tuesday 15 December at
 * 17:00 Toronto (22:00Z).
 */
final class CaseJson {

    static final String RECEIVED = "2026-12-01T14:00:00Z";
    static final String DEADLINE = "2026-12-15T22:00:00Z";

    private CaseJson() {
    }

    /** Open, running, {@code daysLeft} business days left (today included). */
    static String running(String caseId, int daysLeft) {
        return kase(caseId, "IN_PROGRESS", """
                "businessDaysElapsed": %d, "businessDaysRemaining": %d, "paused": false, "atRisk": false, "breached": false,
                "latenessBusinessDays": 0, "assignee": "caseworker\"""".formatted(10 - daysLeft, daysLeft));
    }

    /** Waiting for the client since 3 December 9:30 Toronto (14:30Z) because of {@code reason}, 8 days left. */
    static String paused(String caseId, String reason) {
        return kase(caseId, "AWAITING_INFORMATION", """
                "businessDaysElapsed": 2, "businessDaysRemaining": 8, "paused": true, "pauseReason": "%s",
                "pausedSince": "2026-12-03T14:30:00Z", "atRisk": false, "breached": false, "latenessBusinessDays": 0
                """.formatted(reason));
    }

    /** Open and past its deadline, {@code lateness} business days late so far. */
    static String late(String caseId, int lateness) {
        return kase(caseId, "IN_PROGRESS", """
                "businessDaysElapsed": %d, "businessDaysRemaining": 0, "paused": false, "atRisk": true,
                "atRiskAt": "2026-12-11T22:00:00Z", "breached": true, "latenessBusinessDays": %d
                """.formatted(10 + lateness, lateness));
    }

    private static String kase(String caseId, String status, String clock) {
        return """
                {"caseId": "%s", "status": "%s", "serviceType": "passport", "serviceStandard": "10 business days",
                 "channel": "WEB", "applicantReference": "applicant-ref-1", "submittedAt": "%s", "receivedAt": "%s",
                 "deadline": "%s", "calendarId": "ca-on", "calendarVersion": 1, %s,
                 "links": {"self": "/api/cases/%1$s", "history": "/api/cases/%1$s/history"}}
                """.formatted(caseId, status, RECEIVED, RECEIVED, DEADLINE, clock);
    }
}
