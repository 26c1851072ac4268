package org.pledge.notification.template.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.notification.template.validation.TemplateRules;
import org.pledge.platform.validation.TextRules;

/** The bodies of the template endpoints. */
final class TemplateRequests {

    static final String TRIGGERS = "CASE_SUBMITTED|INFORMATION_REQUESTED|INFORMATION_RECEIVED|DEADLINE_RECALCULATED|CASE_RESOLVED"
            + "|SERVICE_STANDARD_BREACHED|REFUND_APPROVED|REFUND_PAID|SURVEY_INVITED|FOLLOW_UP_REQUESTED";

    private TemplateRequests() {
    }

    @Schema(name = "TemplateVariantRequest", description = "A variant's text; placeholders are written {{name}}")
    record Variant(@Schema(description = "The trigger the template is written for (all its variants have the same)",
                           example = "CASE_SUBMITTED") @NotNull @Pattern(regexp = TRIGGERS, message = "must be a trigger") String trigger,
                   @Schema(description = "Required for EMAIL and LETTER; absent for SMS", example = "We received your {{serviceType}} application")
                   @Size(max = TemplateRules.SUBJECT_MAX) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
                   String subject,
                   @Schema(description = "Plain text, not blank; an SMS body at most " + TemplateRules.SMS_MAX + " characters as written",
                           example = "Your case reference is {{caseId}}. We promise you a decision by {{dueDate}}.")
                   @NotNull @Size(max = TemplateRules.BODY_MAX) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
                   String body) {
    }

    @Schema(name = "TemplatePreviewRequest", description = "What to preview: the saved variant (no body) or a proposed text "
            + "(body, with subject and trigger as on a PUT; the trigger defaults to the template's), with raw values by "
            + "placeholder (DATE: an ISO-8601 instant; MONEY: \"30.00 CAD\"; CODE: the code); a value not given is sampled")
    record Preview(@Schema(example = "CASE_SUBMITTED") @Pattern(regexp = TRIGGERS, message = "must be a trigger") String trigger,
                   @Size(max = TemplateRules.SUBJECT_MAX) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
                   String subject,
                   @Size(max = TemplateRules.BODY_MAX) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE)
                   String body,
                   @Schema(description = "Raw values by placeholder name", example = "{\"dueDate\": \"2027-01-15T17:00:00Z\"}")
                   @Size(max = 32) Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,63}", message = "must be a placeholder name") String,
                           @NotNull @Size(max = 2000) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
                                   String> values) {
    }
}
