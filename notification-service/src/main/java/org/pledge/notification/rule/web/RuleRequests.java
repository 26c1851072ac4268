package org.pledge.notification.rule.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.notification.template.api.TemplateIds;
import org.pledge.platform.validation.TextRules;

/** The body of {@code PUT /api/notification-rules/{ruleId}}. */
final class RuleRequests {

    static final String TRIGGERS = "CASE_SUBMITTED|INFORMATION_REQUESTED|INFORMATION_RECEIVED|DEADLINE_RECALCULATED|CASE_RESOLVED"
            + "|SERVICE_STANDARD_BREACHED|REFUND_APPROVED|REFUND_PAID|SURVEY_INVITED|FOLLOW_UP_REQUESTED";

    private RuleRequests() {
    }

    @Schema(name = "NotificationRuleRequest")
    record Rule(@Schema(description = "The trigger (integration event) it is for", example = "CASE_RESOLVED")
                @NotNull @Pattern(regexp = TRIGGERS, message = "must be a trigger") String trigger,
                @Schema(description = "Placeholder name → the raw value it must equal (all must hold); none: every event",
                        example = "{\"outcome\": \"APPROVED\"}")
                @Size(max = 10) Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,63}", message = "must be a placeholder name") String,
                        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
                                String> conditions,
                @Schema(description = "The template it sends; it must exist in every configured language for every channel",
                        example = "case-approved") @NotNull @Pattern(regexp = TemplateIds.PATTERN) String templateId,
                @Schema(description = "A disabled rule sends nothing") @NotNull Boolean enabled) {
    }
}
